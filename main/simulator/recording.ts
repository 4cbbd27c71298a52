// What the simulator remembers about each request: enough to count "the same credential was sent N
// times", never the secrets themselves.
import type { ArenaCall } from '../arena/request-shapes.js';
import { createHash } from 'node:crypto';
import type { BodyInput } from './request-validation.js';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, e.g. "?offset=400&limit=400" (holds no secret: the users list's parameters). */
  search: string;
  /** Simulator clock, ms since the epoch. */
  time: number;
  /** The email in the body (integration user for login, Onshape user for authorize). */
  email: string | null;
  credentialKind: 'password' | 'webtoken' | null;
  /** sha256 of the secret, first 12 hex digits. */
  credentialFingerprint: string | null;
  /** Same for the arena_session_id header: a session id is a credential too. */
  sessionFingerprint: string | null;
  status: number;
  /** The first Arena error code of the reply, null on success. */
  code: number | null;
}

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

function field(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

/** The credential a body presents: a login's webtoken or password, an authorize call's password. */
export function presentedCredential(
  route: ArenaCall | null,
  body: BodyInput | null,
): Pick<RecordedRequest, 'email' | 'credentialKind' | 'credentialFingerprint'> {
  const value = body?.kind === 'json' ? body.value : null;
  const email = field(value, 'email');
  const webtoken = route === 'login' ? field(value, 'webtoken') : null;
  if (webtoken !== null) return { email, credentialKind: 'webtoken', credentialFingerprint: fingerprint(webtoken) };
  const password = route === 'login' || route === 'authorize' ? field(value, 'password') : null;
  if (password !== null) return { email, credentialKind: 'password', credentialFingerprint: fingerprint(password) };
  return { email, credentialKind: null, credentialFingerprint: null };
}

export function firstErrorCode(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return null;
  const code = (errors[0] as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : null;
}
