// Checks request bodies against the shapes the client sends (request-shapes.ts), answering the way Arena's
// request validation does. Strict on purpose: a field the client should not send fails here, not at Arena.
import type { AuthorizeBody, LoginBody } from '../arena/request-shapes.js';
import type { ArenaErrorName } from './errors.js';

/** What the HTTP layer could make of a body: the workspace decides when in its checks to reject it. */
export type BodyInput =
  { kind: 'json'; value: unknown } | { kind: 'wrong-content-type' } | { kind: 'invalid-json' } | { kind: 'too-large' };

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ArenaErrorName };

// Fields of Arena's LoginDetail schema (arena-openapi-access.json): anything else is refused.
const LOGIN_DETAIL_FIELDS = new Set(['email', 'password', 'forceLogin', 'workspaceId', 'webtoken', 'accesstoken', 'reason', 'loginType']);
const AUTHORIZE_FIELDS = new Set(['email', 'password']);
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function bodyObject(input: BodyInput, allowed: Set<string>): Validated<Record<string, unknown>> {
  if (input.kind === 'wrong-content-type') return { ok: false, error: 'unsupportedMediaType' };
  if (input.kind === 'too-large') return { ok: false, error: 'bodyTooLarge' };
  if (input.kind === 'invalid-json') return { ok: false, error: 'invalidJson' };
  const value = input.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'invalidJson' };
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((k) => !allowed.has(k))) return { ok: false, error: 'invalidData' };
  return { ok: true, value: record };
}

function optionalString(v: unknown): v is string | undefined {
  return v === undefined || typeof v === 'string';
}

/** A login body as received: the schema makes workspaceId optional (Arena then uses the last workspace). */
export type ReceivedLogin = Omit<LoginBody, 'workspaceId'> & { workspaceId?: number };

export function validateLogin(input: BodyInput): Validated<ReceivedLogin> {
  const parsed = bodyObject(input, LOGIN_DETAIL_FIELDS);
  if (!parsed.ok) return parsed;
  const { email, password, webtoken, workspaceId, loginType } = parsed.value;
  if (typeof email !== 'string' || !EMAIL_PATTERN.test(email)) return { ok: false, error: 'invalidEmail' };
  // workspaceId may be absent but must otherwise be an integer: a quoted
  // or fractional id is a format error, which Arena reports as 20014 (20011 is for ids it refuses).
  if (workspaceId !== undefined && !Number.isSafeInteger(workspaceId)) return { ok: false, error: 'invalidData' };
  if (!optionalString(password) || !optionalString(webtoken)) return { ok: false, error: 'invalidData' };
  // ACCESSTOKEN logins exist in the schema but are not what Onshape uses: not modelled.
  if (loginType !== undefined && loginType !== 'EMAIL' && loginType !== 'WEBTOKEN') {
    return { ok: false, error: 'invalidData' };
  }
  const body: ReceivedLogin = { email };
  if (workspaceId !== undefined) body.workspaceId = workspaceId as number;
  if (password !== undefined) body.password = password;
  if (webtoken !== undefined) body.webtoken = webtoken;
  if (loginType !== undefined) body.loginType = loginType;
  return { ok: true, value: body };
}

export function validateAuthorize(input: BodyInput): Validated<AuthorizeBody> {
  const parsed = bodyObject(input, AUTHORIZE_FIELDS);
  if (!parsed.ok) return parsed;
  const { email, password } = parsed.value;
  if (typeof email !== 'string' || !EMAIL_PATTERN.test(email)) return { ok: false, error: 'invalidEmail' };
  if (typeof password !== 'string') return { ok: false, error: 'invalidData' };
  return { ok: true, value: { email, password } };
}
