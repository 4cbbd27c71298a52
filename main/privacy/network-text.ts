// The one sanitiser for every string that came from the network (Arena's messages, workspace name,
// headers, excerpts of web pages) before a person reads it in a terminal, a report or the window:
// terminal escape sequences (ESC and C1: colours, cursor moves, window titles, hyperlinks) are removed,
// bidi and zero-width controls are removed (they reorder or hide what is shown), every other control
// character and line break becomes a space, and the result is one trimmed line. Pure, never throws.

const ESC = '\u001b';
/** Strings (OSC, DCS, SOS, PM, APC) end at BEL or ST; one longer than this is not taken as a string. */
const MAX_STRING_SEQUENCE = 256;

/**
 * Removed outright: they change how the rest is shown without being seen themselves (soft hyphen,
 * zero-width and bidi controls, fillers, variation selectors, BOM). A string, not a literal: combining
 * marks inside a character class read as a misleading class to the linter.
 */
export const HIDING_SOURCE =
  '[\\u00ad\\u061c\\u115f\\u1160\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0]|\\u034f|\\u17b4|\\u17b5|[\\u180b-\\u180f]|[\\ufe00-\\ufe0f]';
const HIDING = new RegExp(HIDING_SOURCE, 'g');
/** Replaced with a space: C0, DEL, C1 and the Unicode line and paragraph separators. */
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The length of the terminal escape sequence starting at index (ESC … or a C1 introducer), 0 when there
 * is none. Follows ECMA-48: CSI parameters and intermediates up to a final byte; string sequences up to
 * BEL or ST when that comes within MAX_STRING_SEQUENCE (else only the introducer); two-character escapes.
 */
export function escapeSequenceAt(text: string, index: number): number {
  const first = text.charCodeAt(index);
  let body: number;
  let kind: 'csi' | 'string' | 'escape';
  if (first === 0x1b) {
    const second = text.charAt(index + 1);
    if (second === '[') kind = 'csi';
    else if (second === ']' || second === 'P' || second === 'X' || second === '^' || second === '_') kind = 'string';
    else kind = 'escape';
    body = index + (kind === 'escape' ? 1 : 2);
  } else if (first === 0x9b) {
    kind = 'csi';
    body = index + 1;
  } else if (first === 0x9d || first === 0x90 || first === 0x98 || first === 0x9e || first === 0x9f) {
    kind = 'string';
    body = index + 1;
  } else {
    return 0;
  }
  if (kind === 'csi') {
    let at = body;
    while (at < text.length && isBetween(text.charCodeAt(at), 0x30, 0x3f)) at += 1;
    while (at < text.length && isBetween(text.charCodeAt(at), 0x20, 0x2f)) at += 1;
    if (at < text.length && isBetween(text.charCodeAt(at), 0x40, 0x7e)) at += 1;
    return at - index;
  }
  if (kind === 'string') {
    const limit = Math.min(text.length, body + MAX_STRING_SEQUENCE);
    for (let at = body; at < limit; at += 1) {
      const code = text.charCodeAt(at);
      if (code === 0x07 || code === 0x9c) return at + 1 - index;
      if (code === 0x1b && text.charAt(at + 1) === '\\') return at + 2 - index;
    }
    return body - index;
  }
  // nF escapes: intermediates, then one final character; or ESC alone at the end.
  let at = body;
  while (at < text.length && isBetween(text.charCodeAt(at), 0x20, 0x2f)) at += 1;
  if (at < text.length && isBetween(text.charCodeAt(at), 0x30, 0x7e)) at += 1;
  return at - index;
}

function isBetween(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}

/** Text with every terminal escape sequence cut out (the characters between them kept). */
export function withoutEscapeSequences(text: string): string {
  if (!text.includes(ESC) && !/[\u0090-\u009f]/.test(text)) return text;
  let result = '';
  let copied = 0;
  for (let index = 0; index < text.length; index += 1) {
    const length = escapeSequenceAt(text, index);
    if (length === 0) continue;
    result += text.slice(copied, index);
    index += length - 1;
    copied = index + 1;
  }
  return result + text.slice(copied);
}

/** A string from the network as one safe line for a terminal, a report or the window. */
export function networkText(text: string): string {
  return withoutEscapeSequences(text)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(HIDING, '')
    .replace(BREAKING, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** networkText, for a value that may be absent. */
export function networkTextOrNull(text: string | null): string | null {
  return text === null ? null : networkText(text);
}

/** Controls a terminal may act on, except the line breaks and tabs of text laid out in lines. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text laid out in lines (a report, a CSV) made safe to write to a terminal: escape sequences, hiding
 * characters and every other control go, line breaks and tabs stay. For output whose parts were not
 * each made safe already (networkText is for single strings).
 */
export function terminalText(text: string): string {
  return withoutEscapeSequences(text).replace(LONE_SURROGATE, '\ufffd').replace(HIDING, '').replace(TERMINAL_CONTROLS, ' ');
}
