// The plain-text form of an explanation: the CLI's output and the clipboard copy. Fix steps first.
import { RECHECK_LABELS } from '../../common/labels.js';
import { EXPLAINED_NOTE, NOT_IN_CATALOGUE, type ExplanationReport } from '../../common/explanation.js';
import { explanationParts } from './explanation-parts.js';
import { formatFixStep } from '../../common/fix-steps.js';

export function renderExplanationText(report: ExplanationReport): string {
  const { explanation, shown, candidate, others } = explanationParts(report);
  const lines: string[] = [];
  if (candidate && shown) {
    lines.push(`${shown.title} (Arena code ${candidate.code}, ${candidate.endpoint})`, '');
    lines.push(`You pasted: "${explanation.input}"`);
    lines.push(`When: ${candidate.stage}`);
    for (const [name, value] of Object.entries(candidate.facts)) lines.push(`  ${name}: ${value}`);
  } else {
    lines.push(NOT_IN_CATALOGUE, '', `You pasted: "${explanation.input}"`);
  }
  if (shown) {
    lines.push('', shown.meaning);
    shown.causes.forEach((cause, number) => {
      lines.push(`  ${number + 1}. ${cause.summary}`, `     Ask: ${cause.question}`);
      for (const fix of cause.fixSteps) lines.push(`     - ${formatFixStep(fix)}`);
    });
    if (candidate) lines.push(`  ${RECHECK_LABELS[shown.recheck]}`);
  }
  if (others.length > 0) {
    lines.push('', explanation.question ? `Not sure? ${explanation.question.text}` : 'The same message also appears for:');
    for (const other of others) lines.push(`  - ${other.stage}: ${other.title} (${other.id}, ${other.endpoint})`);
  }
  lines.push('', EXPLAINED_NOTE, `${report.tool.name} ${report.tool.version} · ${report.createdAt}`);
  return `${lines.join('\n')}\n`;
}
