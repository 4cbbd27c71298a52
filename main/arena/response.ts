// Classifies what came back from Arena (or whatever stood in its place: a proxy, a captive portal, a load
// balancer) into one tagged value. Pure: no I/O, never throws, whatever the bytes.
import type { FormatFailureCode } from '../../common/check-report.js';

export interface RawResponse {
  status: number;
  contentType: string | null;
  location: string | null;
  body: Buffer;
  /** True when the body was cut off at the client's size cap. */
  overCap: boolean;
}

export type ClassifiedResponse =
  | { kind: 'ok'; json: Record<string, unknown> | null }
  | { kind: 'arena-error'; code: number | null; message: string }
  | { kind: 'format-error'; code: FormatFailureCode; message: string; excerpt: string | null };

const EXCERPT_CHARS = 300;

export function classifyResponse(response: RawResponse): ClassifiedResponse {
  const { status } = response;
  if (response.overCap) {
    return formatError('BODY_TOO_LARGE', `The answer was larger than this tool reads (${response.body.length} bytes kept).`, null);
  }
  if (status === 407) {
    return formatError('PROXY_AUTH_REQUIRED', 'A proxy asked for its own login (HTTP 407).', excerptOf(response.body));
  }
  if (status >= 300 && status < 400) {
    return formatError('REDIRECT', `The API address redirected (HTTP ${status}) to ${describeLocation(response.location)}.`, null);
  }

  const text = response.body.toString('utf8');
  if (text.trim() === '') {
    if (status >= 200 && status < 300) return { kind: 'ok', json: null };
    // A bare 503 from a load balancer means the same as Arena's own 503.
    if (status === 503) return { kind: 'arena-error', code: 503, message: 'The service is currently unavailable.' };
    return formatError(status >= 400 ? 'UNEXPECTED_STATUS' : 'EMPTY_BODY', `HTTP ${status} with an empty body.`, null);
  }
  if (looksLikeHtml(text, response.contentType)) {
    return formatError('HTML_RESPONSE', `A web page came back instead of Arena's JSON (HTTP ${status}).`, excerptOf(response.body));
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text on an error status (Go's "Client sent an HTTP request to an HTTPS server.") is not JSON cut short.
    if (status >= 400 && !looksLikeJson(text, response.contentType)) {
      return formatError('UNEXPECTED_STATUS', `HTTP ${status} with a plain-text answer instead of Arena's JSON.`, excerptOf(response.body));
    }
    return formatError('INVALID_JSON', `The answer is not complete JSON (HTTP ${status}, ${response.body.length} bytes).`, excerptOf(response.body));
  }

  const arenaError = readArenaError(parsed);
  if (arenaError) return { kind: 'arena-error', ...arenaError };
  if (status >= 200 && status < 300) {
    if (isRecord(parsed)) return { kind: 'ok', json: parsed };
    return formatError('WRONG_SHAPE', `The answer is JSON but not the object Arena sends (HTTP ${status}).`, excerptOf(response.body));
  }
  return formatError('UNEXPECTED_STATUS', `HTTP ${status} without an Arena error code.`, excerptOf(response.body));
}

/** Arena's error body: {"status": 400, "errors": [{"code": 4001, "message": "…"}]}. */
function readArenaError(parsed: unknown): { code: number | null; message: string } | null {
  if (!isRecord(parsed) || !Array.isArray(parsed.errors) || parsed.errors.length === 0) return null;
  const errors = parsed.errors.filter(isRecord);
  const first = errors[0];
  if (!first) return null;
  const code = toCode(first.code);
  const messages = errors.map((error) => (typeof error.message === 'string' ? error.message : '')).filter(Boolean);
  return { code, message: oneLine(messages.join(' ')) || 'Arena gave no message.' };
}

const MAX_MESSAGE_CHARS = 1000;

/** Arena's message as one line of bounded length: a body can hold thousands of errors or control characters. */
function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS)}…` : flat;
}

function toCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return null;
}

function looksLikeJson(text: string, contentType: string | null): boolean {
  return (contentType !== null && /json/i.test(contentType)) || /^\s*[[{"]/.test(text);
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /text\/html|application\/xhtml/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<)/i.test(text) && !/^\s*[[{"]/.test(text);
}

/** Readable text of an unexpected body (tags, scripts and styles removed), for support and the admin. */
export function excerptOf(body: Buffer): string | null {
  const text = removeTags(removeScriptsAndStyles(body.subarray(0, 64 * 1024).toString('utf8')))
    .replace(/&nbsp;/g, ' ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

// The two removals below do what .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ') and
// .replace(/<[^>]*>/g, ' ') did, in linear time: those regular expressions rescan to the end of the text
// for every unclosed "<" or "<script", so 64 KiB of "<" took seconds of the main process.

/** Replaces each <script …>…</script> and <style …>…</style> block with a space. */
function removeScriptsAndStyles(text: string): string {
  const opening = /<(script|style)/gi;
  const closers = { script: /<\/script>/gi, style: /<\/style>/gi };
  // Cached search results: the first ">" / closing tag at or after the last place searched; -1: none left.
  let nextGt = -2;
  const nextClose = { script: -2, style: -2 };
  let result = '';
  let copied = 0;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const start = match.index;
    const name = match[0].slice(1).toLowerCase() === 'script' ? 'script' : 'style';
    const afterName = start + match[0].length;
    if (nextGt !== -1 && nextGt < afterName) nextGt = text.indexOf('>', afterName);
    if (nextGt === -1) break;
    if (nextClose[name] !== -1 && nextClose[name] <= nextGt) {
      const closer = closers[name];
      closer.lastIndex = nextGt + 1;
      nextClose[name] = closer.exec(text)?.index ?? -1;
    }
    const close = nextClose[name];
    if (close === -1) {
      opening.lastIndex = start + 1;
      continue;
    }
    const end = close + name.length + 3;
    result += `${text.slice(copied, start)} `;
    copied = end;
    opening.lastIndex = end;
  }
  return result + text.slice(copied);
}

/** Replaces each <…> with a space; a "<" with no ">" after it stays text. */
function removeTags(text: string): string {
  let result = '';
  let index = 0;
  for (;;) {
    const lt = text.indexOf('<', index);
    if (lt === -1) break;
    const gt = text.indexOf('>', lt + 1);
    if (gt === -1) break;
    result += `${text.slice(index, lt)} `;
    index = gt + 1;
  }
  return result + text.slice(index);
}

function describeLocation(location: string | null): string {
  if (!location) return 'an address it did not give';
  try {
    const url = new URL(location);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'an address that is not a valid URL';
  }
}

function formatError(code: FormatFailureCode, message: string, excerpt: string | null): ClassifiedResponse {
  return { kind: 'format-error', code, message, excerpt };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
