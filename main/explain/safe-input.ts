// What of the admin's pasted text is shown back (terminal, window, reports): control characters become
// spaces so a paste cannot drive a terminal, and a value after a secret's label ("X-Web-Token: …",
// "password=…") is masked, since a pasted log line can carry one. Linear scans, no regular expressions.
import { REDACTED } from '../privacy/redact.js';
import { compileNeedle, findNeedle, type StepCounter } from './literal-search.js';
import { isQuote } from './normalise.js';

export function showControlsAsSpaces(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = (code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code < 0xa0);
    out += control ? ' ' : char;
  }
  return out;
}

const SECRET_LABELS = [
  'arena_session_id',
  'arena-session-id',
  'session id',
  'sessionid',
  'x-web-token',
  'webtoken',
  'web token',
  'password',
  'authorization',
  'cookie',
].map(compileNeedle);

const isGap = (char: string | undefined) => char === ' ' || char === '\t' || char === '\\' || isQuote(char);
const endsValue = (char: string | undefined) =>
  char === undefined || char === ' ' || char === '\n' || char === '\t' || char === ',' || char === ';' || char === '}' || isQuote(char);

export function maskLabelledSecrets(text: string, counter: StepCounter): string {
  const folded = text.toLowerCase();
  // toLowerCase can change length for a few characters; then positions would not line up, so mask nothing less safely.
  const haystack = folded.length === text.length ? folded : text;
  const ranges: [number, number][] = [];
  for (const label of SECRET_LABELS) {
    let from = 0;
    for (;;) {
      const at = findNeedle(haystack, label, from, counter);
      if (at < 0) break;
      let i = at + label.text.length;
      while (isGap(text[i])) i += 1;
      from = at + 1;
      if (text[i] !== ':' && text[i] !== '=') continue;
      i += 1;
      while (isGap(text[i])) i += 1;
      let end = i;
      while (!endsValue(text[end])) end += 1;
      counter.steps += end - at;
      if (end > i) ranges.push([i, end]);
      from = Math.max(from, end);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last) continue;
    out += text.slice(last, start) + REDACTED;
    last = end;
  }
  return out + text.slice(last);
}
