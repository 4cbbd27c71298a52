// The Markdown form of a report: what a support engineer reads first, top to bottom.
import type { CheckReport, Diagnosis, DiagnosisPathEntry, ReachReport, StepResult } from '../../common/check-report.js';
import {
  ANSWER_LABELS,
  OUTCOME_LABELS,
  RECHECK_LABELS,
  STEP_LABELS,
  answeredText,
  labelledFacts,
  messageLead,
} from '../../common/labels.js';
import { formatFixStep } from '../../common/fix-steps.js';
import { describeTarget, formatBudget, formatCode, formatTimings, headline, reachEvidence, reachHeadline } from './format.js';
import { failedSteps, supportRequestFacts } from './support-request.js';
import { presentable, swept } from './presentable.js';

/** secrets: those the caller still knows, for the last sweep (the CLI's, or the app's last check's). */
export function renderMarkdown(report: CheckReport, secrets: readonly string[] = []): string {
  return swept(renderMarkdownClean(presentable(report, secrets)), secrets);
}

function renderMarkdownClean(report: CheckReport): string {
  const lines: string[] = [`# ${escapeInline(report.tool.name)} report`, '', `**${escapeInline(headline(report))}**`, ''];
  lines.push(...overview(report), '', '## Steps', '', ...stepsTable(report.steps), '');
  const network = report.steps.find((step) => step.network)?.network;
  if (network) {
    lines.push('## How this computer reached Arena', '', '| | |', '|---|---|');
    lines.push(...reachEvidence(network).map(([label, value]) => `| ${escapeInline(label)} | ${escapeInline(value)} |`), '');
  }
  for (const step of failedSteps(report)) {
    if (step.diagnosis) lines.push(...diagnosisSection(step, step.diagnosis, report.diagnosisPath), '');
  }
  lines.push(...diagnosisPathSection(report));
  const support = failedSteps(report);
  if (support.length > 0) {
    lines.push('## For Arena Support', '', 'Secrets (WebToken, passwords, session id) are removed.', '');
    for (const step of support) {
      const facts = supportRequestFacts(report, step);
      lines.push(
        `- Endpoint: \`${facts.endpoint}\` (${escapeInline(facts.url)})`,
        `- Request headers: \`${JSON.stringify(facts.requestHeaders)}\``,
        `- Request JSON: ${facts.requestJson ? `\`${facts.requestJson}\`` : 'none'}`,
        `- Response: HTTP ${facts.httpStatus ?? 'none'}, code ${facts.errorCode ?? 'none'}`,
        `- Message: ${facts.message ? quoteInline(facts.message) : 'none'}`,
        `- Workspace ID: ${facts.workspaceId}`,
        `- User email: ${escapeInline(facts.userEmail)}`,
        '',
      );
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** "Test the network only": the one step, what it saw on the way, its diagnosis and the admin's answers. */
export function renderReachMarkdown(raw: ReachReport): string {
  const report = presentable(raw, []);
  const centre = report.target.dataCentre === 'custom' ? 'custom address' : `data centre ${report.target.dataCentre}`;
  const rows: [string, string][] = [
    ['Created', report.createdAt],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['API', `${report.target.apiUrl} (${centre})`],
    ['Credential sent', 'none: no workspace, email or secret was used'],
  ];
  if (report.supportTicket) rows.push(['Support ticket', report.supportTicket]);
  const lines: string[] = [
    `# ${escapeInline(report.tool.name)} network test (no sign-in)`,
    '',
    `**${escapeInline(reachHeadline(report))}**`,
    '',
  ];
  lines.push('| | |', '|---|---|', ...rows.map(([label, value]) => `| ${escapeInline(label)} | ${escapeInline(value)} |`), '');
  lines.push('## Steps', '', ...stepsTable(report.steps), '');
  for (const step of report.steps) {
    if (step.network) {
      lines.push('## How this computer reached Arena', '', '| | |', '|---|---|');
      lines.push(...reachEvidence(step.network).map(([label, value]) => `| ${escapeInline(label)} | ${escapeInline(value)} |`), '');
    }
    if (step.diagnosis) lines.push(...diagnosisSection(step, step.diagnosis, report.diagnosisPath ?? []), '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function overview(report: CheckReport): string[] {
  const rows: [string, string][] = [
    ['Created', report.createdAt],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    [
      'Runtime',
      `Node ${report.runtime.node}${report.runtime.electron ? `, Electron ${report.runtime.electron}` : ''}, ${report.runtime.platform} ${report.runtime.arch}`,
    ],
    ...describeTarget(report).map((line): [string, string] => {
      const [label = '', ...rest] = line.split(': ');
      return [label, rest.join(': ')];
    }),
    ['Request budget', formatBudget(report.budget)],
  ];
  if (report.practiceScenario) rows.push(['Practice scenario', `${report.practiceScenario} (built-in simulator, not Arena)`]);
  if (report.supportTicket) rows.push(['Support ticket', report.supportTicket]);
  return ['| | |', '|---|---|', ...rows.map(([label, value]) => `| ${escapeInline(label)} | ${escapeInline(value)} |`)];
}

function stepsTable(steps: StepResult[]): string[] {
  const rows = steps.map((step) =>
    [
      STEP_LABELS[step.step],
      `\`${step.endpoint}\``,
      OUTCOME_LABELS[step.outcome],
      step.httpStatus === null ? '' : String(step.httpStatus),
      formatCode(step),
      step.outcome === 'skipped' ? (step.skippedReason ?? '') : formatTimings(step.timings, step.durationMs),
    ]
      .map(escapeInline)
      .join(' | '),
  );
  return ['| Step | Endpoint | Outcome | HTTP | Code | Timings / note |', '|---|---|---|---|---|---|', ...rows.map((row) => `| ${row} |`)];
}

function diagnosisSection(step: StepResult, diagnosis: Diagnosis, path: DiagnosisPathEntry[]): string[] {
  const concluded = path.find((entry) => entry.step === step.step && entry.diagnosisId === diagnosis.id)?.concludedCauseId ?? null;
  const lines = [`## ${escapeInline(STEP_LABELS[step.step])}: ${escapeInline(diagnosis.title)}`, '', escapeInline(diagnosis.meaning), ''];
  if (diagnosis.arenaMessage) lines.push(`${messageLead(step)}: ${quoteInline(diagnosis.arenaMessage)}`, '');
  if (step.pageTitle) lines.push(`The page that came back is titled: ${quoteInline(step.pageTitle)}`, '');
  if (step.bodyExcerpt) lines.push(`The page that came back reads: ${quoteInline(step.bodyExcerpt)}`, '');
  const facts = labelledFacts(diagnosis.facts);
  if (facts.length > 0) lines.push(...facts.map((fact) => `- ${escapeInline(fact.label)}: ${escapeInline(fact.value)}`), '');
  lines.push(diagnosis.causes.length > 1 ? '### Possible causes, most likely first' : '### Cause', '');
  diagnosis.causes.forEach((cause, index) => {
    const mark = cause.id === concluded ? ' (the admin’s answers point here)' : '';
    lines.push(`${index + 1}. **${escapeInline(cause.summary)}**${mark}  `, `   To tell: ${escapeInline(cause.question)}`);
    if (cause.answered) lines.push(`   ${escapeInline(answeredText(cause.answered))}`);
    for (const fix of cause.fixSteps) lines.push(`   - ${escapeInline(formatFixStep(fix))}`);
  });
  lines.push('', `Check again: ${RECHECK_LABELS[diagnosis.recheck]}`);
  return lines;
}

/** The admin's answers to each diagnosis's questions, as the HTML report lists them. */
function diagnosisPathSection(report: CheckReport): string[] {
  if (report.diagnosisPath.length === 0) return [];
  const lines = ['## Diagnosis path (the admin’s answers)', ''];
  for (const entry of report.diagnosisPath) {
    const diagnosis = report.steps.find((step) => step.step === entry.step && step.diagnosis?.id === entry.diagnosisId)?.diagnosis ?? null;
    lines.push(`### ${escapeInline(`${STEP_LABELS[entry.step]}: ${diagnosis?.title ?? entry.diagnosisId}`)}`, '');
    if (entry.answers.length > 0) {
      lines.push('| Question | Answer |', '|---|---|');
      for (const answer of entry.answers)
        lines.push(`| ${escapeInline(answer.question)} | ${escapeInline(ANSWER_LABELS[answer.answer])} |`);
    } else lines.push('No questions were answered.');
    const cause = diagnosis?.causes.find((candidate) => candidate.id === entry.concludedCauseId) ?? null;
    const conclusion =
      entry.concludedCauseId === null
        ? 'No answer was “yes”: the cause is not settled.'
        : `Concluded cause: ${cause ? cause.summary : entry.concludedCauseId}`;
    lines.push('', escapeInline(conclusion), '');
  }
  return lines;
}

/** Text from the network goes into Markdown as literal text: no links, images or HTML can be injected. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

function quoteInline(text: string): string {
  return `“${escapeInline(text)}”`;
}
