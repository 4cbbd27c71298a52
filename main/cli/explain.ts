// doctor explain: the admin's pasted Onshape error, explained from its text (no login, no network).
import { MAX_EXPLAIN_INPUT_CHARS, type ExplanationReport } from '../../common/explanation.js';
import { explainCatalogue, explainMessage } from '../explain/explain.js';
import { renderExplanationJson } from '../report/explanation-json.js';
import { renderExplanationText } from '../report/explanation-text.js';
import { toolInfo } from '../version.js';
import { tooLongForExplain, type Parsed } from './arguments.js';

/** Standard input up to one character past the limit: enough to refuse it, never an unbounded read. */
async function readBounded(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text.length > MAX_EXPLAIN_INPUT_CHARS) break;
  }
  return text + decoder.decode();
}

export async function runExplain(
  text: string | null,
  json: boolean,
  stdin: NodeJS.ReadableStream,
): Promise<Parsed<{ output: string; recognized: boolean }>> {
  let input = text;
  if (input === null) {
    input = await readBounded(stdin);
    // A trailing line break is how text arrives through a pipe, not part of the message.
    input = input.replace(/\r?\n$/, '');
    if (input.length > MAX_EXPLAIN_INPUT_CHARS) return { ok: false, error: tooLongForExplain(input.length) };
    if (input.trim() === '') return { ok: false, error: 'explain -: standard input held no text.' };
  }
  const now = new Date();
  const report: ExplanationReport = {
    tool: { name: toolInfo().name, version: toolInfo().version },
    createdAt: now.toISOString(),
    explanation: explainMessage(input, { now }),
    chosenId: null,
    answers: null,
  };
  return {
    ok: true,
    value: {
      output: json ? renderExplanationJson(report) : renderExplanationText(report),
      recognized: report.explanation.recognized,
    },
  };
}

export function listCatalogue(json: boolean): string {
  const rows = explainCatalogue().map(({ entry, code, endpoint, stage }) => ({ endpoint, code, id: entry.id, title: entry.title, stage }));
  if (json) return `${JSON.stringify(rows, null, 2)}\n`;
  return `${rows.map((row) => `${row.endpoint}\t${row.code}\t${row.title}`).join('\n')}\n`;
}
