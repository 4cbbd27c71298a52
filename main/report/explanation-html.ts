// The HTML form of an explanation: the same self-contained page as a check's report (html-report.ts),
// saying plainly that it was explained from a message and no connection was made. Everything escaped.
import { RECHECK_LABELS } from '../../common/labels.js';
import { EXPLAINED_NOTE, NOT_IN_CATALOGUE, type ExplanationReport } from '../../common/explanation.js';
import { explanationParts } from './explanation-parts.js';
import { ANSWER_LABELS } from '../../common/labels.js';
import type { ExplanationExportRequest } from '../../common/ipc/contract.js';
import { escapeHtml, fixStep, htmlPage, keyValueTable, row, section } from './html-report.js';

export function renderExplanationHtml(report: ExplanationReport): string {
  const { shown, candidate, others, concluded, overview } = explanationParts(report);
  const parts: string[] = [
    [
      '<header>',
      `<p class="tool">${escapeHtml(report.tool.name)} report</p>`,
      `<p class="badge ${candidate ? 'failed' : 'concluded'}">${candidate ? 'Error explained' : 'Not in Arena’s list'}</p>`,
      `<h1>${escapeHtml(candidate && shown ? shown.title : NOT_IN_CATALOGUE)}</h1>`,
      `<p class="note">${escapeHtml(EXPLAINED_NOTE)}</p>`,
      '</header>',
    ].join('\n'),
  ];
  parts.push(section('Overview', keyValueTable(overview)));
  if (shown) {
    const body = [`<p>${escapeHtml(shown.meaning)}</p>`];
    const facts = Object.entries(shown.facts);
    if (facts.length > 0) body.push('<h3>Values in the message</h3>', keyValueTable(facts));
    body.push(`<h3>${shown.causes.length > 1 ? 'Possible causes, most likely first' : 'Cause'}</h3>`);
    const causes = shown.causes.map((cause) =>
      [
        `<li class="cause"><p><strong>${escapeHtml(cause.summary)}</strong>${cause.id === concluded ? ' <span class="badge concluded">The admin’s answers point here</span>' : ''}</p>`,
        `<p class="question">To tell: ${escapeHtml(cause.question)}</p>`,
        `<ul class="fixes">\n${cause.fixSteps.map(fixStep).join('\n')}\n</ul>`,
        '</li>',
      ].join('\n'),
    );
    body.push(`<ol class="causes">\n${causes.join('\n')}\n</ol>`);
    if (candidate) body.push(`<p class="recheck">${escapeHtml(RECHECK_LABELS[shown.recheck])}</p>`);
    parts.push(section(candidate ? 'What it means and what to do' : 'General guidance', body.join('\n'), 'diagnosis'));
  }
  if (report.answers && report.answers.answers.length > 0) {
    const answers = report.answers.answers.map((answer) =>
      row([`<td>${escapeHtml(answer.question)}</td>`, `<td>${escapeHtml(ANSWER_LABELS[answer.answer])}</td>`]),
    );
    parts.push(
      section(
        'The admin’s answers',
        `<table>\n<thead>${row(['<th scope="col">Question</th>', '<th scope="col">Answer</th>'])}</thead>\n<tbody>\n${answers.join('\n')}\n</tbody>\n</table>`,
      ),
    );
  }
  if (others.length > 0) {
    const items = others.map((other) => `<li>${escapeHtml(`${other.stage}: ${other.title} (${other.id}, ${other.endpoint})`)}</li>`);
    parts.push(section('The same message elsewhere in Arena’s list', `<ul>\n${items.join('\n')}\n</ul>`));
  }
  parts.push(`<footer>${escapeHtml(`${report.tool.name} ${report.tool.version} · ${report.createdAt} · ${EXPLAINED_NOTE}`)}</footer>`);
  return htmlPage(`${report.tool.name} explanation · ${report.createdAt}`, parts);
}

/** "arena-connect-doctor-explained-reserve.3238-2026-03-04T05-06-07Z.html": what, when, and that no check ran. */
export function explanationFileName(report: ExplanationReport, format: ExplanationExportRequest['format']): string {
  const stamp = report.createdAt.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const what = explanationParts(report).candidate?.id.replace(/[^\w.-]/g, '') ?? 'not-recognised';
  return `arena-connect-doctor-explained-${what}-${stamp}.${format}`;
}
