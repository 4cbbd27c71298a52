// One of Arena's message templates ("The category "{1}" (guid {0}) is deleted.") as a matcher: its
// literal pieces are searched for in order (literal-search.ts) and the text between them is a
// placeholder's value. Linear in the input for each template; no regular expression over the input.
import type { DocumentedMessage } from '../knowledge/types.js';
import { compileNeedle, findNeedle, type Needle, type StepCounter } from './literal-search.js';
import { normalise, type NormalisedText } from './normalise.js';

/** A placeholder's value longer than this is not one value but the pieces matching in the wrong place. */
export const MAX_CAPTURE_CHARS = 400;
/** How many occurrences of a template's first piece are tried before giving up (bounds the work). */
const MAX_STARTS = 8;

export interface CompiledTemplate {
  /** Normalised, lower-cased literal pieces: pieces[k] follows placeholder k − 1. */
  readonly pieces: readonly Needle[];
  /** The placeholder index ({n}) between pieces[k] and pieces[k + 1]. */
  readonly order: readonly number[];
  /** The last piece without its final full stop, tried when the full stop was not copied. */
  readonly lastWithoutStop: Needle | null;
  /** The template ends in a placeholder (only a full stop after it): its value runs to the next space. */
  readonly endsInPlaceholder: boolean;
}

export interface TemplateMatch {
  /** Where the message starts and ends in the normalised input. */
  start: number;
  end: number;
  /** Values by placeholder index, as they appear in the input (normalised spacing and quotes). */
  values: string[];
  /** How many literal characters matched: the more, the more specific the match. */
  literalChars: number;
}

const PLACEHOLDER = /\{(\d+)\}/g;

export function compileTemplate(template: string, quotes: 'mark' | 'drop' = 'mark'): CompiledTemplate {
  const pieces: string[] = [];
  const order: number[] = [];
  let last = 0;
  for (const match of template.trim().matchAll(PLACEHOLDER)) {
    pieces.push(template.trim().slice(last, match.index));
    order.push(Number(match[1]));
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push(template.trim().slice(last));
  const normalised = pieces.map((piece) => normalise(piece, { trim: false, quotes }).folded);
  if ((normalised[0] ?? '').trim() === '') throw new Error(`Template starts with a placeholder: ${template}`);
  const tail = normalised[normalised.length - 1] ?? '';
  // Decided on the template as written: with its quotes dropped, `"{1}".` also ends in a bare ".".
  const rawTail = (pieces[pieces.length - 1] ?? '').trim();
  const endsInPlaceholder = order.length > 0 && (rawTail === '' || rawTail === '.');
  const lastWithoutStop = !endsInPlaceholder && tail.endsWith('.') && tail.length > 1 ? compileNeedle(tail.slice(0, -1)) : null;
  return { pieces: normalised.map(compileNeedle), order, lastWithoutStop, endsInPlaceholder };
}

/** Characters that end a value at the end of a message ("…BOM Line: N5P8D25OWK3ATC1ZJM6C."). */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', ')', '"']);

/** The value of a final placeholder: the next word (up to a space or quote), without the full stop after it. */
function finalValue(text: string, from: number): { value: string; end: number } {
  let start = from;
  while (start < text.length && (text[start] === ' ' || text[start] === ':' || text[start] === '#')) start += 1;
  let end = start;
  while (end < text.length && text[end] !== ' ' && text[end] !== '"' && end - start < MAX_CAPTURE_CHARS) end += 1;
  let valueEnd = end;
  while (valueEnd > start && TRAILING_PUNCTUATION.has(text[valueEnd - 1] ?? '')) valueEnd -= 1;
  return { value: text.slice(start, valueEnd), end };
}

export function matchTemplate(template: CompiledTemplate, input: NormalisedText, counter: StepCounter): TemplateMatch | null {
  const { pieces, order } = template;
  const first = pieces[0];
  if (!first) return null;
  let from = 0;
  for (let attempt = 0; attempt < MAX_STARTS; attempt += 1) {
    const start = findNeedle(input.folded, first, from, counter);
    if (start < 0) return null;
    let position = start + first.text.length;
    let literalChars = first.text.length;
    const values: string[] = [];
    let fits = true;
    for (let k = 1; k < pieces.length; k += 1) {
      const slot = order[k - 1] ?? 0;
      const isLast = k === pieces.length - 1;
      if (isLast && template.endsInPlaceholder) {
        const final = finalValue(input.display, position);
        values[slot] = final.value;
        position = final.end;
        break;
      }
      let piece = pieces[k];
      if (!piece) return null;
      let next = findNeedle(input.folded, piece, position, counter);
      if (next < 0 && isLast && template.lastWithoutStop) {
        piece = template.lastWithoutStop;
        next = findNeedle(input.folded, piece, position, counter);
      }
      // Not found after this start means not found after any later start either.
      if (next < 0) return null;
      const value = input.display.slice(position, next).trim();
      if (value === '' || next - position > MAX_CAPTURE_CHARS) {
        fits = false;
        break;
      }
      values[slot] = value;
      literalChars += piece.text.length;
      position = next + piece.text.length;
    }
    if (fits) return { start, end: position, values, literalChars };
    from = start + 1;
  }
  return null;
}

/** A documented message and its variants, compiled once each: as written, and with the quotes dropped. */
export interface CompiledMessage {
  readonly forms: readonly CompiledTemplate[];
  readonly formsWithoutQuotes: readonly CompiledTemplate[];
  readonly captures: readonly string[];
}

export function compileMessage(documented: DocumentedMessage): CompiledMessage {
  const templates = [documented.message, ...(documented.variants ?? [])];
  return {
    forms: templates.map((template) => compileTemplate(template)),
    formsWithoutQuotes: templates.map((template) => compileTemplate(template, 'drop')),
    captures: documented.captures ?? [],
  };
}

/** The best-matching form of a message in the input, with its values as named facts (empty values left out). */
export function matchMessage(
  message: CompiledMessage,
  input: NormalisedText,
  counter: StepCounter,
  quotes: 'mark' | 'drop' = 'mark',
): { match: TemplateMatch; facts: Record<string, string> } | null {
  let best: TemplateMatch | null = null;
  for (const form of quotes === 'mark' ? message.forms : message.formsWithoutQuotes) {
    const match = matchTemplate(form, input, counter);
    if (match && (!best || match.literalChars > best.literalChars)) best = match;
  }
  if (!best) return null;
  const facts: Record<string, string> = {};
  message.captures.forEach((name, index) => {
    const value = best.values[index];
    if (value !== undefined && value !== '') facts[name] = value;
  });
  return { match: best, facts };
}
