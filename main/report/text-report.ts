// The plain-text form of a report: the CLI's summary and the clipboard copy. Fix steps first, detail after.
import type { CheckReport, ReachReport, StepResult } from '../../common/check-report.js';
import { OUTCOME_LABELS, RECHECK_LABELS, STEP_LABELS, answeredText, labelledFacts, messageLead } from '../../common/labels.js';
import { formatFixStep } from '../../common/fix-steps.js';
import { describeTarget, formatBudget, formatCode, formatTimings, headline, reachEvidence, reachHeadline } from './format.js';
import { presentable, swept } from './presentable.js';

/** secrets: those the caller still knows, for the last sweep (the CLI's, or the app's last check's). */
export function renderText(report: CheckReport, secrets: readonly string[] = []): string {
  return swept(renderTextClean(presentable(report, secrets)), secrets);
}

function renderTextClean(report: CheckReport): string {
  const lines: string[] = [headline(report), ''];
  lines.push(...describeTarget(report));
  if (report.practiceScenario) lines.push(`Practice scenario: ${report.practiceScenario} (built-in simulator, not Arena)`);
  if (report.supportTicket) lines.push(`Support ticket: ${report.supportTicket}`);
  lines.push('', ...report.steps.map(stepLine));
  const network = report.steps.find((step) => step.network)?.network;
  if (network)
    lines.push('', 'How this computer reached Arena:', ...reachEvidence(network).map(([label, value]) => `  ${label}: ${value}`));
  for (const step of report.steps) lines.push(...diagnosisLines(step));
  if (report.ok) {
    lines.push(
      '',
      `Request budget: ${formatBudget(report.budget)}.`,
      'Next: in Onshape > Settings > Arena, save the same details and refresh Mappings.',
    );
  }
  lines.push('', `${report.tool.name} ${report.tool.version} · ${report.createdAt}`);
  return `${lines.join('\n')}\n`;
}

export function stepLine(step: StepResult): string {
  const status = step.httpStatus === null ? '' : ` HTTP ${step.httpStatus}`;
  const code = formatCode(step) ? ` code ${formatCode(step)}` : '';
  const detail = step.outcome === 'skipped' ? (step.skippedReason ?? '') : formatTimings(step.timings, step.durationMs);
  return `[${OUTCOME_LABELS[step.outcome]}] ${STEP_LABELS[step.step]} (${step.endpoint})${status}${code} · ${detail}`;
}

export function diagnosisLines(step: StepResult): string[] {
  const { diagnosis } = step;
  if (!diagnosis) return [];
  const lines = ['', `${STEP_LABELS[step.step]}: ${diagnosis.title}`, `  ${diagnosis.meaning}`];
  if (diagnosis.arenaMessage) lines.push(`  ${messageLead(step)}: "${diagnosis.arenaMessage}"`);
  if (step.pageTitle) lines.push(`  The page that came back is titled: "${step.pageTitle}"`);
  if (step.bodyExcerpt) lines.push(`  The page that came back reads: "${step.bodyExcerpt}"`);
  for (const fact of labelledFacts(diagnosis.facts)) lines.push(`  ${fact.label}: ${fact.value}`);
  diagnosis.causes.forEach((cause, index) => {
    lines.push(`  ${index + 1}. ${cause.summary}`);
    if (cause.answered) lines.push(`     ${answeredText(cause.answered)}`);
    for (const fix of cause.fixSteps) lines.push(`     - ${formatFixStep(fix)}`);
  });
  lines.push(`  ${RECHECK_LABELS[diagnosis.recheck]}`);
  return lines;
}

/** `doctor reach`: the one step, what it saw on the way, and its diagnosis when Arena was not reached. */
export function renderReachText(raw: ReachReport): string {
  const report = presentable(raw, []);
  const [step] = report.steps;
  const lines: string[] = [
    reachHeadline(report),
    '',
    `API: ${report.target.apiUrl} (${report.target.dataCentre === 'custom' ? 'custom address' : `data centre ${report.target.dataCentre}`})`,
  ];
  if (report.supportTicket) lines.push(`Support ticket: ${report.supportTicket}`);
  if (step) {
    lines.push('', stepLine(step));
    if (step.network)
      lines.push('', 'How this computer reached Arena:', ...reachEvidence(step.network).map(([label, value]) => `  ${label}: ${value}`));
    lines.push(...diagnosisLines(step));
  }
  lines.push('', `${report.tool.name} ${report.tool.version} · ${report.createdAt}`);
  return `${lines.join('\n')}\n`;
}
