// The HTML form of a report: one self-contained, printable page for the admin and Arena Support.
// Everything from the report is escaped: Arena messages and proxy pages come from the network and may hold
// markup. No scripts, no external resources, and a Content-Security-Policy that forbids them anyway.
import type { CheckReport, Diagnosis, DiagnosisPathEntry, FixStep, ReachReport, StepResult } from '../../common/check-report.js';
import {
  ACTOR_LABELS,
  ANSWER_LABELS,
  OUTCOME_LABELS,
  RECHECK_LABELS,
  STEP_LABELS,
  answeredText,
  labelledFacts,
  messageLead,
} from '../../common/labels.js';
import { describeTarget, formatBudget, formatCode, formatTimings, headline, reachEvidence, reachHeadline } from './format.js';
import { failedSteps, supportRequestFacts } from './support-request.js';
import { presentable, swept } from './presentable.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escape for every value that reaches the page, in text and in attributes alike. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** secrets: those the caller still knows, for the last sweep (the CLI's, or the app's last check's). */
export function renderHtml(report: CheckReport, secrets: readonly string[] = []): string {
  return swept(renderHtmlClean(presentable(report, secrets)), secrets);
}

function renderHtmlClean(report: CheckReport): string {
  const body = [
    header(report),
    overview(report),
    stepsSection(report.steps),
    reachSection(report),
    ...report.steps.flatMap((step) => (step.diagnosis ? [diagnosisSection(step, step.diagnosis, report.diagnosisPath)] : [])),
    diagnosisPathSection(report),
    supportSection(report),
    `<footer>${escapeHtml(`${report.tool.name} ${report.tool.version} · ${report.createdAt}`)}</footer>`,
  ];
  return htmlPage(`${report.tool.name} report · ${report.createdAt}`, body);
}

/** "Test the network only": the one step, what it saw on the way, its diagnosis and the admin's answers. */
export function renderReachHtml(raw: ReachReport): string {
  const report = presentable(raw, []);
  const path = report.diagnosisPath ?? [];
  const { runtime } = report;
  const title = reachHeadline(report);
  const centre = report.target.dataCentre === 'custom' ? 'custom address' : `data centre ${report.target.dataCentre}`;
  const body = [
    [
      '<header>',
      `<p class="tool">${escapeHtml(report.tool.name)} network test (no sign-in)</p>`,
      report.ok ? '<p class="badge ok">Arena reached</p>' : '<p class="badge failed">Arena not reached</p>',
      `<h1>${escapeHtml(title)}</h1>`,
      '</header>',
    ].join('\n'),
    section(
      'Overview',
      keyValueTable([
        ['Tool', `${report.tool.name} ${report.tool.version}`],
        ['Runtime', `Node ${runtime.node}${runtime.electron ? `, Electron ${runtime.electron}` : ''}, ${runtime.platform} ${runtime.arch}`],
        ['Created', report.createdAt],
        ['API', `${report.target.apiUrl} (${centre})`],
        ['Credential sent', 'none: no workspace, email or secret was used'],
        ['Support ticket', report.supportTicket ?? 'none'],
      ]),
    ),
    stepsSection(report.steps),
    reachSection(report),
    ...report.steps.flatMap((step) => (step.diagnosis ? [diagnosisSection(step, step.diagnosis, path)] : [])),
    `<footer>${escapeHtml(`${report.tool.name} ${report.tool.version} · ${report.createdAt}`)}</footer>`,
  ];
  return htmlPage(`${report.tool.name} network test · ${report.createdAt}`, body);
}

/** The page around a report's sections: escaped title, the CSP that forbids scripts and loads, the style. */
export function htmlPage(title: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((part) => part !== ''),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: CheckReport): string {
  const status = report.ok ? '<p class="badge ok">Connection OK</p>' : '<p class="badge failed">Check failed</p>';
  const next = report.ok ? '<p>Next: in Onshape &gt; Settings &gt; Arena, save the same details and refresh Mappings.</p>' : '';
  const practice = report.practiceScenario
    ? `<p class="note">Practice run against the built-in simulator (scenario ${escapeHtml(report.practiceScenario)}), not against Arena.</p>`
    : '';
  return [
    '<header>',
    `<p class="tool">${escapeHtml(report.tool.name)} report</p>`,
    status,
    `<h1>${escapeHtml(headline(report))}</h1>`,
    next,
    practice,
    '</header>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function overview(report: CheckReport): string {
  const { runtime } = report;
  const rows: [string, string][] = [
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Runtime', `Node ${runtime.node}${runtime.electron ? `, Electron ${runtime.electron}` : ''}, ${runtime.platform} ${runtime.arch}`],
    ['Created', report.createdAt],
    // describeTarget's "Label: value" lines: data centre + API, workspace, integration user, Onshape user.
    ...describeTarget(report).map((line): [string, string] => {
      const [label = '', ...rest] = line.split(': ');
      return [label, rest.join(': ')];
    }),
    ['Request budget', formatBudget(report.budget)],
  ];
  if (report.practiceScenario) rows.push(['Practice scenario', `${report.practiceScenario} (built-in simulator, not Arena)`]);
  rows.push(['Support ticket', report.supportTicket ?? 'none']);
  return section('Overview', keyValueTable(rows));
}

function reachSection(report: Pick<CheckReport, 'steps'>): string {
  const network = report.steps.find((step) => step.network)?.network;
  return network ? section('How this computer reached Arena', keyValueTable(reachEvidence(network))) : '';
}

function stepsSection(steps: StepResult[]): string {
  const head = row(['Step', 'Endpoint', 'Outcome', 'HTTP', 'Code', 'Timings / note'].map((cell) => `<th scope="col">${cell}</th>`));
  const rows = steps.map((step) =>
    row([
      `<td>${escapeHtml(STEP_LABELS[step.step])}</td>`,
      `<td><code>${escapeHtml(step.endpoint)}</code></td>`,
      `<td class="outcome-${step.outcome}">${escapeHtml(OUTCOME_LABELS[step.outcome])}</td>`,
      `<td>${step.httpStatus === null ? '' : escapeHtml(step.httpStatus)}</td>`,
      `<td><code>${escapeHtml(formatCode(step))}</code></td>`,
      `<td>${escapeHtml(step.outcome === 'skipped' ? (step.skippedReason ?? '') : formatTimings(step.timings, step.durationMs))}</td>`,
    ]),
  );
  return section('Steps', `<table class="steps">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`);
}

function diagnosisSection(step: StepResult, diagnosis: Diagnosis, path: DiagnosisPathEntry[]): string {
  const concluded = path.find((entry) => entry.step === step.step && entry.diagnosisId === diagnosis.id)?.concludedCauseId ?? null;
  const parts = [`<p>${escapeHtml(diagnosis.meaning)}</p>`];
  if (diagnosis.arenaMessage)
    parts.push(`<p>${escapeHtml(messageLead(step))}: <q class="verbatim">${escapeHtml(diagnosis.arenaMessage)}</q></p>`);
  if (step.pageTitle) parts.push(`<p>The page that came back is titled: <q class="verbatim">${escapeHtml(step.pageTitle)}</q></p>`);
  if (step.bodyExcerpt) parts.push(`<p>The page that came back reads:</p>\n<pre>${escapeHtml(step.bodyExcerpt)}</pre>`);
  const facts = labelledFacts(diagnosis.facts);
  if (facts.length > 0) parts.push(keyValueTable(facts.map((fact) => [fact.label, fact.value])));
  parts.push(`<h3>${diagnosis.causes.length > 1 ? 'Possible causes, most likely first' : 'Cause'}</h3>`);
  const causes = diagnosis.causes.map((cause) => {
    const mark = cause.id === concluded ? ' <span class="badge concluded">The admin’s answers point here</span>' : '';
    return [
      `<li class="cause"><p><strong>${escapeHtml(cause.summary)}</strong>${mark}</p>`,
      `<p class="question">To tell: ${escapeHtml(cause.question)}</p>`,
      cause.answered ? `<p class="answered">${escapeHtml(answeredText(cause.answered))}</p>` : '',
      cause.fixSteps.length > 0 ? `<ul class="fixes">\n${cause.fixSteps.map(fixStep).join('\n')}\n</ul>` : '',
      '</li>',
    ]
      .filter((part) => part !== '')
      .join('\n');
  });
  parts.push(`<ol class="causes">\n${causes.join('\n')}\n</ol>`);
  parts.push(`<p class="recheck">Check again: ${escapeHtml(RECHECK_LABELS[diagnosis.recheck])}</p>`);
  return section(`${STEP_LABELS[step.step]}: ${diagnosis.title}`, parts.join('\n'), 'diagnosis');
}

export function fixStep(fix: FixStep): string {
  const where = fix.uiPath ? ` <span class="ui-path">${escapeHtml(fix.uiPath)}</span>` : '';
  return `<li><span class="who">${escapeHtml(ACTOR_LABELS[fix.who])}:</span> ${escapeHtml(fix.text)}${where}</li>`;
}

function diagnosisPathSection(report: CheckReport): string {
  if (report.diagnosisPath.length === 0) return '';
  const entries = report.diagnosisPath.map((entry) => {
    const diagnosis = report.steps.find((step) => step.step === entry.step && step.diagnosis?.id === entry.diagnosisId)?.diagnosis ?? null;
    const answers = entry.answers.map((answer) =>
      row([`<td>${escapeHtml(answer.question)}</td>`, `<td>${escapeHtml(ANSWER_LABELS[answer.answer])}</td>`]),
    );
    const cause =
      entry.concludedCauseId === null ? null : (diagnosis?.causes.find((candidate) => candidate.id === entry.concludedCauseId) ?? null);
    const conclusion =
      entry.concludedCauseId === null
        ? 'No answer was “yes”: the cause is not settled.'
        : `Concluded cause: ${cause ? cause.summary : entry.concludedCauseId}`;
    return [
      `<div class="path-entry">`,
      `<h3>${escapeHtml(`${STEP_LABELS[entry.step]}: ${diagnosis?.title ?? entry.diagnosisId}`)}</h3>`,
      answers.length > 0
        ? `<table>\n<thead>${row(['<th scope="col">Question</th>', '<th scope="col">Answer</th>'])}</thead>\n<tbody>\n${answers.join('\n')}\n</tbody>\n</table>`
        : '<p>No questions were answered.</p>',
      `<p class="conclusion">${escapeHtml(conclusion)}</p>`,
      '</div>',
    ].join('\n');
  });
  return section('Diagnosis path (the admin’s answers)', entries.join('\n'));
}

function supportSection(report: CheckReport): string {
  const failed = failedSteps(report);
  if (failed.length === 0) return '';
  const blocks = failed.map((step) => {
    const facts = supportRequestFacts(report, step);
    return keyValueTable([
      ['Endpoint', `${facts.endpoint} (${facts.url})`],
      ['Request headers', JSON.stringify(facts.requestHeaders)],
      ['Request JSON', facts.requestJson ?? 'none'],
      ['HTTP status', facts.httpStatus === null ? 'none' : String(facts.httpStatus)],
      ['Code', facts.errorCode === null ? 'none' : String(facts.errorCode)],
      ['Message', facts.message ?? 'none'],
      ['Workspace ID', String(facts.workspaceId)],
      ['User email', facts.userEmail],
    ]);
  });
  const ticket = report.supportTicket ? `<p>Support ticket: ${escapeHtml(report.supportTicket)}</p>` : '';
  return section(
    'For Arena Support',
    [ticket, '<p>Secrets (WebToken, passwords, session id) are removed.</p>', ...blocks].filter((part) => part !== '').join('\n'),
    'support',
  );
}

// ---- small builders: every caller passes report values raw; escaping happens here or in escapeHtml.

export function section(title: string, content: string, className = ''): string {
  const classes = className ? ` class="${className}"` : '';
  return `<section${classes}>\n<h2>${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

export function keyValueTable(rows: [string, string][]): string {
  const body = rows.map(([label, value]) => row([`<th scope="row">${escapeHtml(label)}</th>`, `<td>${escapeHtml(value)}</td>`]));
  return `<table class="facts">\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** Cells are already-built markup. */
export function row(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --head: #f2f2f2;
  --ok: #11663a; --ok-bg: #e3f4e9; --bad: #a11b1b; --bad-bg: #fbe5e5; --mark: #6b4b00; --mark-bg: #fff1c7; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171a; --fg: #e8e8e8; --muted: #a8a8a8; --line: #3a3d42; --head: #22252a;
    --ok: #7ddc9f; --ok-bg: #173324; --bad: #ff9c9c; --bad-bg: #3d1a1a; --mark: #ffd77a; --mark-bg: #3a3014; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0.3rem 0 0.8rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
p { margin: 0.4rem 0; }
.tool, footer, .note, .question { color: var(--muted); }
footer { margin-top: 2rem; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
table.steps td { overflow-wrap: break-word; }
thead th { white-space: nowrap; }
thead th, tbody th { background: var(--head); }
table.facts th { width: 12rem; font-weight: 600; }
code, pre, .ui-path, .verbatim { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); padding: 0.5rem; background: var(--head); }
.badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 0.3rem; font-weight: 600; font-size: 0.85rem; }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.failed { color: var(--bad); background: var(--bad-bg); }
.badge.concluded { color: var(--mark); background: var(--mark-bg); }
.outcome-failed { color: var(--bad); font-weight: 600; }
.outcome-passed { color: var(--ok); }
.who { font-weight: 600; }
.ui-path { border: 1px solid var(--line); border-radius: 0.2rem; padding: 0 0.3rem; }
.causes > li { margin-bottom: 0.8rem; }
.recheck, .conclusion { font-weight: 600; }
@media print {
  :root { color-scheme: light; --bg: #ffffff; --fg: #000000; --muted: #333333; --line: #999999; --head: #ffffff;
    --ok: #000000; --ok-bg: #ffffff; --bad: #000000; --bad-bg: #ffffff; --mark: #000000; --mark-bg: #ffffff; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .badge { border: 1px solid #000000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .cause, .path-entry, pre, section.diagnosis { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
