// Classifies what came back from Arena (or whatever stood in its place: a proxy, a captive portal, a load
// balancer) into one tagged value. Pure: no I/O, never throws, whatever the bytes.
// Secrets are removed after parsing: the body is parsed first and every string of the parsed value is
// redacted (JSON \u escapes are decoded by then), and text that is not JSON is redacted whole before any
// cut, so no part of an echoed secret survives an excerpt's or a message's length limit.
import { decodeHTML } from 'entities';
import type { FormatFailureCode } from '../../common/check-report.js';
import { networkText } from '../privacy/network-text.js';
import { redact, redactedPrefix, redactValue, secretReach } from '../privacy/redact.js';
import { titleOf } from './page-title.js';
import { SESSION_ID_KEYS } from './request-shapes.js';

export interface RawResponse {
  status: number;
  contentType: string | null;
  location: string | null;
  body: Buffer;
  /** True when the body was cut off at the client's size cap. */
  overCap: boolean;
}

export type ClassifiedResponse =
  /** sessionId: read from the answer before it was redacted; json no longer holds it. */
  | { kind: 'ok'; json: Record<string, unknown> | null; sessionId: string | null }
  | { kind: 'arena-error'; code: number | null; message: string }
  /** pageTitle: the <title> of a web page that came back, as safe text; null for anything else. */
  | { kind: 'format-error'; code: FormatFailureCode; message: string; excerpt: string | null; pageTitle: string | null };

/** What an answer that is not a success says of the call, in the call outcome's terms (client and reach probe). */
export function failureOf(classified: Exclude<ClassifiedResponse, { kind: 'ok' }>): {
  ok: false;
  errorCode: number | string | null;
  message: string;
  bodyExcerpt: string | null;
  pageTitle: string | null;
} {
  return classified.kind === 'arena-error'
    ? { ok: false, errorCode: classified.code, message: classified.message, bodyExcerpt: null, pageTitle: null }
    : {
        ok: false,
        errorCode: classified.code,
        message: classified.message,
        bodyExcerpt: classified.excerpt,
        pageTitle: classified.pageTitle,
      };
}

const EXCERPT_CHARS = 300;
/** A title is a line on the screen, not a paragraph. */
const TITLE_CHARS = 150;
/** The part of an unexpected body an excerpt is read from. */
const EXCERPT_WINDOW = 64 * 1024;

/** secrets: every secret of the check (credentials, session id), removed from everything returned. */
export function classifyResponse(response: RawResponse, secrets: readonly string[] = []): ClassifiedResponse {
  const classified = classify(response, secrets);
  // The tool's own words may quote a header (the redirect target): swept like everything else.
  if (classified.kind === 'format-error') return { ...classified, message: redact(classified.message, secrets) };
  return classified;
}

function classify(response: RawResponse, secrets: readonly string[]): ClassifiedResponse {
  const { status } = response;
  if (response.overCap) {
    return formatError('BODY_TOO_LARGE', `The answer was larger than this tool reads (${response.body.length} bytes kept).`, null);
  }
  if (status === 407) {
    return formatError('PROXY_AUTH_REQUIRED', 'A proxy asked for its own login (HTTP 407).', pageOf(response, secrets));
  }
  if (status >= 300 && status < 400) {
    const location = response.location === null ? null : redact(response.location, secrets);
    return formatError('REDIRECT', `The API address redirected (HTTP ${status}) to ${describeLocation(location)}.`, null);
  }

  const text = response.body.toString('utf8');
  if (text.trim() === '') {
    if (status >= 200 && status < 300) return { kind: 'ok', json: null, sessionId: null };
    // A bare 503 from a load balancer means the same as Arena's own 503.
    if (status === 503) return { kind: 'arena-error', code: 503, message: 'The service is currently unavailable.' };
    return formatError(status >= 400 ? 'UNEXPECTED_STATUS' : 'EMPTY_BODY', `HTTP ${status} with an empty body.`, null);
  }
  if (looksLikeHtml(text, response.contentType)) {
    return formatError('HTML_RESPONSE', `A web page came back instead of Arena's JSON (HTTP ${status}).`, pageOf(response, secrets));
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text on an error status (Go's "Client sent an HTTP request to an HTTPS server.") is not JSON cut short.
    if (status >= 400 && !looksLikeJson(text, response.contentType)) {
      return formatError(
        'UNEXPECTED_STATUS',
        `HTTP ${status} with a plain-text answer instead of Arena's JSON.`,
        pageOf(response, secrets),
      );
    }
    return formatError(
      'INVALID_JSON',
      `The answer is not complete JSON (HTTP ${status}, ${response.body.length} bytes).`,
      pageOf(response, secrets),
    );
  }

  const ok = status >= 200 && status < 300;
  const sessionId = ok ? readSessionId(parsed) : null;
  const all = sessionId === null ? secrets : [...secrets, sessionId];
  const clean = redactValue(parsed, all);
  const arenaError = readArenaError(clean, all);
  if (arenaError) return { kind: 'arena-error', ...arenaError };
  if (ok) {
    if (isRecord(clean)) return { kind: 'ok', json: clean, sessionId };
    return formatError('WRONG_SHAPE', `The answer is JSON but not the object Arena sends (HTTP ${status}).`, pageOf(response, all));
  }
  return formatError('UNEXPECTED_STATUS', `HTTP ${status} without an Arena error code.`, pageOf(response, all));
}

/** The session id of a login answer: Arena's docs and its OpenAPI copy spell the key differently. */
function readSessionId(parsed: unknown): string | null {
  if (!isRecord(parsed)) return null;
  for (const key of SESSION_ID_KEYS) {
    const value = parsed[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

/** Arena's error body: {"status": 400, "errors": [{"code": 4001, "message": "…"}]}. */
function readArenaError(parsed: unknown, secrets: readonly string[]): { code: number | null; message: string } | null {
  if (!isRecord(parsed) || !Array.isArray(parsed.errors) || parsed.errors.length === 0) return null;
  const errors = parsed.errors.filter(isRecord);
  const first = errors[0];
  if (!first) return null;
  const code = toCode(first.code);
  const messages = errors.map((error) => (typeof error.message === 'string' ? error.message : '')).filter(Boolean);
  return { code, message: oneLine(messages.join(' '), secrets) || 'Arena gave no message.' };
}

const MAX_MESSAGE_CHARS = 1000;

/**
 * Arena's message as one line of bounded length: a body can hold thousands of errors or control
 * characters. Swept again once joined and flattened (a secret split across two messages), before the cut.
 */
function oneLine(text: string, secrets: readonly string[]): string {
  return redactedPrefix(networkText(text), secrets, MAX_MESSAGE_CHARS);
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

/**
 * Readable text of an unexpected body (tags, scripts, styles and the title removed, entities decoded, secrets
 * redacted), for support and the admin.
 */
export function excerptOf(body: Buffer, secrets: readonly string[] = []): string | null {
  const reach = Math.min(EXCERPT_WINDOW, secretReach(secrets));
  const window = body.subarray(0, EXCERPT_WINDOW + reach).toString('utf8');
  // Redacted before tags and controls are removed (they could join a split secret), and before the cut.
  let readable = redact(window, secrets);
  // A secret cut off at the end of the window has no whole form to recognise: drop the tail it could be in.
  if (body.length > EXCERPT_WINDOW + reach && reach > 0) readable = readable.slice(0, -reach);
  // Entities decoded once the tags are gone: "&lt;b&gt;" is the page's text, and "&amp;" reads as "&".
  const text = networkText(decodeHTML(removeTags(removeBlocks(readable))));
  if (text === '') return null;
  return redactedPrefix(text, secrets, EXCERPT_CHARS);
}

/**
 * The title of a web page that came back, as one safe line: parsed first (entities decoded, tags and
 * comments inside it dropped), then redacted of every secret in any encoding, then cut. Only the start of
 * the page is read, where a title is; a title not closed within it is not shown.
 */
export function pageTitleOf(response: Pick<RawResponse, 'body' | 'contentType'>, secrets: readonly string[] = []): string | null {
  const window = response.body.subarray(0, EXCERPT_WINDOW).toString('utf8');
  if (!looksLikeHtml(window, response.contentType)) return null;
  const title = titleOf(window);
  if (title === null) return null;
  const text = redactedPrefix(networkText(title), secrets, TITLE_CHARS);
  return text === '' ? null : text;
}

// The two removals below do what .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ') and
// .replace(/<[^>]*>/g, ' ') did, in linear time: those regular expressions rescan to the end of the text
// for every unclosed "<" or "<script", so 64 KiB of "<" took seconds of the main process.

const BLOCK_NAMES = ['script', 'style', 'title'] as const;

/**
 * Replaces each <script …>…</script>, <style …>…</style> and <title …>…</title> block with a space: code
 * is not the page's text, and its title is shown apart (pageTitleOf).
 */
function removeBlocks(text: string): string {
  const opening = /<(script|style|title)/gi;
  const closers = { script: /<\/script>/gi, style: /<\/style>/gi, title: /<\/title>/gi };
  // Cached search results: the first ">" / closing tag at or after the last place searched; -1: none left.
  let nextGt = -2;
  const nextClose = { script: -2, style: -2, title: -2 };
  let result = '';
  let copied = 0;
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const start = match.index;
    const opened = match[0].slice(1).toLowerCase();
    const name = BLOCK_NAMES.find((block) => block === opened) ?? 'script';
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

/** What a person is shown of an answer that is not Arena's: its text, and its title when it is a web page. */
interface PageEvidence {
  excerpt: string | null;
  pageTitle: string | null;
}

function pageOf(response: RawResponse, secrets: readonly string[]): PageEvidence {
  return { excerpt: excerptOf(response.body, secrets), pageTitle: pageTitleOf(response, secrets) };
}

function formatError(code: FormatFailureCode, message: string, page: PageEvidence | null): ClassifiedResponse {
  return { kind: 'format-error', code, message: networkText(message), excerpt: page?.excerpt ?? null, pageTitle: page?.pageTitle ?? null };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
