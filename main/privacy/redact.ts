// Removes known secrets from text and values that came from the network (an error message, a header or a
// web page may echo what it was sent, in any encoding). Matching runs case-folded on normalised views of
// the text: terminal escape sequences, control, invisible and space characters and tags dropped, HTML
// entities, %xx (either case), JSON \u and \x escapes decoded, repeatedly (double encoding). A match is mapped back to the original text and that
// whole span is replaced, so nothing later (removing tags or controls for display) can rebuild a secret.
import { decodeHTML } from 'entities';
import { escapeSequenceAt, HIDING_SOURCE } from './network-text.js';

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 4;

/** Rounds of decoding: one per layer of encoding a server might stack (%26amp%3B…). */
const MAX_PASSES = 4;
/** A "<…>" longer than this is text, not a tag. */
const MAX_TAG_CHARS = 512;

/**
 * Invisible in a terminal or a page, so a secret split by them still reads as the secret: C0, DEL, C1,
 * the line/paragraph separators, and what network-text.ts removes as hiding (zero-width, bidi, …).
 */
const INVISIBLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|${HIDING_SOURCE}`);
/**
 * Dropped too when stripping: what a control becomes once text is shown (a space), so a secret split by
 * one is still found at a sink that sees the text after it was made one line.
 */
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** Text, and for each of its UTF-16 code units the span [start, end) of the original text it came from. */
interface View {
  text: string;
  starts: number[];
  ends: number[];
}

export function redact(text: string, secrets: readonly string[]): string {
  const needles = needlesOf(secrets);
  if (needles.length === 0 || text.length === 0) return text;
  let result = text;
  // Replacing can only shrink what is left to find; a few rounds settle every overlap.
  for (let round = 0; round < 3; round += 1) {
    const spans = findSpans(result, needles);
    if (spans.length === 0) break;
    result = replaceSpans(result, spans);
  }
  return result;
}

/** Characters one secret character can take once encoded (&#x10ffff;): how far a cut-off secret can reach. */
export const MAX_ENCODED_CHAR = 10;

/** How far from a cut an encoded secret can reach: text within this of a cut may hold part of one. */
export function secretReach(secrets: readonly string[]): number {
  return Math.max(0, ...secrets.map((secret) => secret.length)) * MAX_ENCODED_CHAR;
}

/**
 * The first maxChars characters of text, redacted, with "…" when cut. Only the start of a long text is
 * searched; the tail of that window, where a secret cut off by the window could sit, is dropped.
 */
export function redactedPrefix(text: string, secrets: readonly string[], maxChars: number): string {
  const reach = secretReach(secrets);
  let clean: string;
  if (text.length <= maxChars + 2 * reach) clean = redact(text, secrets);
  else clean = redact(text.slice(0, maxChars + 2 * reach), secrets).slice(0, reach > 0 ? -reach : undefined) + '…';
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
}

export function redactNullable(text: string | null, secrets: readonly string[]): string | null {
  return text === null ? null : redact(text, secrets);
}

/** A copy of a parsed (JSON-like) value with every string, keys included, redacted. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (needlesOf(secrets).length === 0) return value;
  return redactDeep(value, secrets, 0) as T;
}

function redactDeep(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  // Deeper than any report or Arena answer; such a value is not kept whole anyway.
  if (depth > 64) return REDACTED;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [redact(key, secrets), redactDeep(item, secrets, depth + 1)]),
  );
}

/** True when text holds one of the secrets in any form redact() recognises. */
export function holdsSecret(text: string, secrets: readonly string[]): boolean {
  const needles = needlesOf(secrets);
  return needles.length > 0 && findSpans(text, needles).length > 0;
}

/** Each secret with every form its own decoding passes give (a secret may itself hold "%41" or "&amp;"). */
function needlesOf(secrets: readonly string[]): string[] {
  const raw = [...new Set(secrets.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH))];
  return [...new Set(raw.flatMap((secret) => views(secret).map((view) => view.text)))].filter((text) => text.length >= MIN_SECRET_LENGTH);
}

/** Every place a needle shows in any decoding pass of text, as spans of the original text. */
function findSpans(text: string, needles: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  // Compared case-folded: a server may echo a secret upper- or lower-cased (a header, a URL).
  const folded = needles.map(fold);
  for (const view of views(text)) {
    const haystack = fold(view.text);
    for (const needle of folded) {
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
        spans.push([view.starts[at] ?? 0, view.ends[at + needle.length - 1] ?? text.length]);
      }
    }
  }
  return spans;
}

/** Lower case, one code unit for one (a letter whose lower case is longer stays as it is), so spans still map. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const unit of text) {
    const small = unit.toLowerCase();
    result += small.length === unit.length ? small : unit;
  }
  return result;
}

function replaceSpans(text: string, spans: [number, number][]): string {
  spans.sort((a, b) => a[0] - b[0]);
  let result = '';
  let copied = 0;
  for (const [start, end] of spans) {
    if (end <= copied) continue;
    if (start >= copied) result += text.slice(copied, start) + REDACTED;
    copied = end;
  }
  return result + text.slice(copied);
}

type Pass = 'strip' | 'entity' | 'percent' | 'unicode' | 'hex' | 'backslash';
/** One round: every decoding, then stripping what the decodings may have revealed. */
const ROUND: readonly Pass[] = ['entity', 'percent', 'unicode', 'hex', 'backslash', 'strip'];
/** Characters without which a pass changes nothing (a cheap test before building a view). */
const PASS_TRIGGERS: Readonly<Record<Pass, RegExp>> = {
  strip: new RegExp(`<|${INVISIBLE.source}|${SPACE.source}`),
  entity: /&/,
  percent: /%/,
  unicode: /\\u/,
  hex: /\\x/,
  backslash: /\\/,
};

/**
 * The text and every pass of decoding and stripping it, in two chains (from the text as it is, and from
 * the text stripped first), one kind of pass at a time: each reading of an ambiguous text ("\\\\u0061")
 * is searched. Bounded: at most MAX_PASSES rounds per chain.
 */
function views(text: string): View[] {
  const identity: View = { text, starts: [], ends: [] };
  for (let index = 0; index < text.length; index += 1) {
    identity.starts.push(index);
    identity.ends.push(index + 1);
  }
  const all = [identity];
  const stripped = PASS_TRIGGERS.strip.test(text) ? transform(identity, 'strip') : identity;
  if (stripped !== identity) all.push(stripped);
  for (const start of stripped === identity ? [identity] : [identity, stripped]) {
    let current = start;
    for (let round = 0; round < MAX_PASSES; round += 1) {
      const before = current.text;
      for (const pass of ROUND) {
        if (!PASS_TRIGGERS[pass].test(current.text)) continue;
        const next = transform(current, pass);
        if (next.text === current.text) continue;
        all.push(next);
        current = next;
      }
      if (current.text === before) break;
    }
  }
  return all;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/y;
const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** One pass: strip (escape sequences, invisible characters, tags) or decode one kind of encoding. */
function transform(input: View, kind: Pass): View {
  const { text } = input;
  const out: View = { text: '', starts: [], ends: [] };
  const parts: string[] = [];
  const emit = (decoded: string, from: number, to: number): void => {
    parts.push(decoded);
    const start = input.starts[from] ?? 0;
    const end = input.ends[to - 1] ?? start;
    for (let unit = 0; unit < decoded.length; unit += 1) {
      out.starts.push(start);
      out.ends.push(end);
    }
  };
  // The next ">" at or after a position, cached so a text full of "<" stays linear.
  let nextGt = -2;
  let index = 0;
  while (index < text.length) {
    const character = text.charAt(index);
    if (kind !== 'strip') {
      const decoded = decodedAt(text, index, kind);
      if (decoded) {
        emit(decoded.text, index, index + decoded.length);
        index += decoded.length;
        continue;
      }
      emit(character, index, index + 1);
      index += 1;
      continue;
    }
    const sequence = escapeSequenceAt(text, index);
    if (sequence > 0) {
      index += sequence;
      continue;
    }
    if (INVISIBLE.test(character) || SPACE.test(character)) {
      index += 1;
      continue;
    }
    if (character === '<' && /[A-Za-z/!?]/.test(text.charAt(index + 1))) {
      if (nextGt !== -1 && nextGt <= index) nextGt = text.indexOf('>', index + 1);
      if (nextGt !== -1 && nextGt - index <= MAX_TAG_CHARS) {
        index = nextGt + 1;
        continue;
      }
    }
    emit(character, index, index + 1);
    index += 1;
  }
  out.text = parts.join('');
  return out;
}

/** The character encoded at index in this pass's encoding, or null. */
function decodedAt(text: string, index: number, kind: Exclude<Pass, 'strip'>): { text: string; length: number } | null {
  const character = text.charAt(index);
  if (character === '&' && kind === 'entity') {
    ENTITY.lastIndex = index;
    const entity = ENTITY.exec(text);
    if (!entity) return null;
    const decoded = decodeHTML(entity[0]);
    return decoded === entity[0] ? null : { text: decoded, length: entity[0].length };
  }
  if (character === '%' && kind === 'percent') {
    const length = percentSequence(text, index);
    return length > 0 ? { text: percentDecoded(text.slice(index, index + length)), length } : null;
  }
  if (character === '\\') {
    const next = text.charAt(index + 1);
    if (kind === 'unicode') {
      return next === 'u' && HEX4.test(text.slice(index + 2, index + 6))
        ? { text: String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16)), length: 6 }
        : null;
    }
    if (kind === 'hex') {
      return next === 'x' && HEX2.test(text.slice(index + 2, index + 4))
        ? { text: String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 4), 16)), length: 4 }
        : null;
    }
    if (kind !== 'backslash') return null;
    const simple = SIMPLE_ESCAPES[next];
    return simple === undefined ? null : { text: simple, length: 2 };
  }
  return null;
}

/** The length of one percent-encoded character at index: %xx, or a whole UTF-8 sequence %xx%xx…; 0: none. */
function percentSequence(text: string, index: number): number {
  const byteAt = (at: number): number | null => {
    const hex = text.slice(at + 1, at + 3);
    return text.charAt(at) === '%' && HEX2.test(hex) ? Number.parseInt(hex, 16) : null;
  };
  const lead = byteAt(index);
  if (lead === null) return 0;
  const continuations = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : 0;
  if (lead < 0x80 || continuations === 0) return 3;
  for (let part = 1; part <= continuations; part += 1) {
    const byte = byteAt(index + part * 3);
    if (byte === null || byte < 0x80 || byte > 0xbf) return 3;
  }
  return 3 * (continuations + 1);
}

function percentDecoded(sequence: string): string {
  if (sequence.length === 3) {
    const byte = Number.parseInt(sequence.slice(1), 16);
    // A lone byte of a multi-byte character: read as Latin-1, which keeps it one unit.
    return String.fromCharCode(byte);
  }
  try {
    return decodeURIComponent(sequence);
  } catch {
    return sequence;
  }
}
