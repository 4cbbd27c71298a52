// The Markdown form of an explanation, to paste into a support ticket: the same parts as the HTML page
// (explanation-html.ts), every value escaped as the check's Markdown escapes it, so pasted text cannot add
// links, images or HTML.
import { ANSWER_LABELS, RECHECK_LABELS } from '../../common/labels.js';
import { EXPLAINED_NOTE, NOT_IN_CATALOGUE, type ExplanationReport } from '../../common/explanation.js';
import { explanationParts } from './explanation-parts.js';
import { formatFixStep } from '../../common/fix-steps.js';
import { escapeInline } from './markdown-report.js';

export function renderExplanationMarkdown(report: ExplanationReport): string {
  const { shown, candidate, others, concluded, overview } = explanationParts(report);
  const lines: string[] = [
    `# ${escapeInline(report.tool.name)} report`,
    '',
    `**${escapeInline(candidate && shown ? shown.title : NOT_IN_CATALOGUE)}**`,
    '',
    `_${escapeInline(EXPLAINED_NOTE)}_`,
    '',
  ];
  lines.push(...table(overview), '');
  if (shown) {
    lines.push(`## ${candidate ? 'What it means and what to do' : 'General guidance'}`, '', escapeInline(shown.meaning), '');
    const facts = Object.entries(shown.facts);
    if (facts.length > 0) lines.push('### Values in the message', '', ...table(facts), '');
    lines.push(shown.causes.length > 1 ? '### Possible causes, most likely first' : '### Cause', '');
    shown.causes.forEach((cause, number) => {
      const pointed = cause.id === concluded ? ' (the admin’s answers point here)' : '';
      lines.push(`${number + 1}. **${escapeInline(cause.summary)}**${pointed}  `, `   To tell: ${escapeInline(cause.question)}`);
      for (const fix of cause.fixSteps) lines.push(`   - ${escapeInline(formatFixStep(fix))}`);
    });
    if (candidate) lines.push('', `Check again: ${RECHECK_LABELS[shown.recheck]}`);
    lines.push('');
  }
  if (report.answers && report.answers.answers.length > 0) {
    lines.push('## The admin’s answers', '', '| Question | Answer |', '|---|---|');
    for (const answer of report.answers.answers)
      lines.push(`| ${escapeInline(answer.question)} | ${escapeInline(ANSWER_LABELS[answer.answer])} |`);
    lines.push('');
  }
  if (others.length > 0) {
    lines.push('## The same message elsewhere in Arena’s list', '');
    for (const other of others) lines.push(`- ${escapeInline(`${other.stage}: ${other.title} (${other.id}, ${other.endpoint})`)}`);
    lines.push('');
  }
  lines.push(`${escapeInline(`${report.tool.name} ${report.tool.version}`)} · ${escapeInline(report.createdAt)}`);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

function table(rows: [string, string][]): string[] {
  return ['| | |', '|---|---|', ...rows.map(([label, value]) => `| ${escapeInline(label)} | ${escapeInline(value)} |`)];
}
