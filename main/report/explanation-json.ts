// The JSON form of an explanation (doctor explain --json). Its fields {recognized, input,
// candidates[{endpoint, code, id, title, facts}], diagnosis} are a contract like check's: add, never rename.
import {
  EXPLAINED_NOTE,
  shownDiagnosisIndex,
  type ExplainCandidate,
  type ExplanationReport,
  type ExplainQuestion,
} from '../../common/explanation.js';
import { toJsonDiagnosis, type JsonDiagnosis } from './json-report.js';

export interface JsonExplanation {
  recognized: boolean;
  input: string;
  candidates: ExplainCandidate[];
  /** The shown candidate's diagnosis (best first unless the admin chose); null when nothing was recognised. */
  diagnosis: JsonDiagnosis | null;
  /** When nothing was recognised: the general guidance, Arena's list not covering the message. */
  generic: JsonDiagnosis | null;
  question: ExplainQuestion | null;
  chosenId: string | null;
  note: string;
  tool: ExplanationReport['tool'];
  createdAt: string;
}

export function toJsonExplanation(report: ExplanationReport): JsonExplanation {
  const { explanation } = report;
  const shown = explanation.diagnoses[shownDiagnosisIndex(report)];
  return {
    recognized: explanation.recognized,
    input: explanation.input,
    candidates: explanation.candidates,
    diagnosis: explanation.recognized && shown ? toJsonDiagnosis(shown) : null,
    generic: !explanation.recognized && shown ? toJsonDiagnosis(shown) : null,
    question: explanation.question,
    chosenId: report.chosenId,
    note: EXPLAINED_NOTE,
    tool: report.tool,
    createdAt: report.createdAt,
  };
}

export function renderExplanationJson(report: ExplanationReport): string {
  return `${JSON.stringify(toJsonExplanation(report), null, 2)}\n`;
}
