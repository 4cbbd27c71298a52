// What every rendering of an explanation shows, worked out once: the diagnosis on show (the admin's choice,
// or the first), its candidate, the other candidates, the cause the admin's answers point to, and the overview rows.
import { shownDiagnosisIndex, type ExplanationReport } from '../../common/explanation.js';

export function explanationParts(report: ExplanationReport) {
  const { explanation } = report;
  const index = shownDiagnosisIndex(report);
  const shown = explanation.diagnoses[index];
  const candidate = explanation.candidates[index];
  const concluded = report.answers?.diagnosisId === shown?.id ? (report.answers?.concludedCauseId ?? null) : null;
  const overview: [string, string][] = [
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Created', report.createdAt],
    ['Pasted text', explanation.input],
  ];
  if (candidate) {
    overview.push(['Arena code', String(candidate.code)], ['Endpoint', candidate.endpoint], ['When', candidate.stage]);
    if (report.chosenId) overview.push(['Chosen by', `the admin’s answer to “${explanation.question?.text ?? 'What were you doing?'}”`]);
  }
  const others = explanation.candidates.filter((_other, at) => at !== index);
  return { explanation, shown, candidate, others, concluded, overview };
}
