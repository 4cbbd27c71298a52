// The request bodies the check sends. Two of them are INFERRED, not documented by Arena; they live here,
// and only here, so that when Arena documents them (or a customer shows otherwise) one file changes.
// The simulator reads the same shapes, so tests cannot drift from what the client sends.
import type { LoginType } from '../../common/check-report.js';

/** Fields of Arena's LoginDetail schema that we send (OpenAPI "Access" part; nothing it does not define). */
export interface LoginBody {
  email: string;
  workspaceId: number;
  password?: string;
  webtoken?: string;
  loginType?: 'EMAIL' | 'WEBTOKEN';
}

/** INFERRED body of POST /login/authorizeuser: its errors (4081, 4083, 20015) speak of a user's email and password. */
export interface AuthorizeBody {
  email: string;
  password: string;
}

export interface IntegrationCredentials {
  email: string;
  workspaceId: number;
  loginType: LoginType;
  /** The WebToken or the password, by loginType. */
  secret: string;
}

export function loginBody(credentials: IntegrationCredentials): LoginBody {
  if (credentials.loginType === 'webtoken') {
    // INFERRED: a WebToken login is {email, webtoken, loginType: "WEBTOKEN"} (OpenAPI LoginDetail).
    return {
      email: credentials.email,
      webtoken: credentials.secret,
      loginType: 'WEBTOKEN',
      workspaceId: credentials.workspaceId,
    };
  }
  // Documented: {email, password, workspaceId}.
  return { email: credentials.email, password: credentials.secret, workspaceId: credentials.workspaceId };
}

export function authorizeBody(userEmail: string, userPassword: string): AuthorizeBody {
  return { email: userEmail, password: userPassword };
}

/** Body fields that hold a secret: never printed, logged, stored or reported. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'webtoken', 'accesstoken']);

/** The header every request after login carries. */
export const SESSION_HEADER = 'arena_session_id';

/** Documented (arena-api-notes.md): a session times out 90 minutes after its last action. */
export const SESSION_IDLE_MS = 90 * 60_000;

/** Response keys the session id may come under: Arena's docs and its OpenAPI copy disagree. */
export const SESSION_ID_KEYS = ['arena_session_id', 'arenaSessionId'] as const;

export const BUDGET_HEADERS = {
  remaining: 'x-arena-requests-remaining',
  reset: 'x-arena-next-request-limit-reset',
} as const;

/**
 * The reach step's probe: PUT /logout with no session header and no body, which Arena answers 401 with code
 * 401 in its JSON error shape ("There is no access token associated with this request…"), so an answer in
 * that shape proves the request got through to Arena's API. It carries no credential and no session.
 * INFERRED (Arena does not document it): this request costs nothing from the workspace's daily request
 * budget, because without a session Arena cannot tell which workspace sent it.
 */
export const REACH_PROBE = {
  endpoint: 'PUT /logout',
  method: 'PUT',
  path: '/logout',
  /** Arena's answer when the request reached it: HTTP status and error code. */
  reachedWith: { httpStatus: 401, code: 401 },
} as const;

export const ENDPOINT_PATHS = {
  login: { endpoint: 'POST /login', method: 'POST', path: '/login' },
  authorize: { endpoint: 'POST /login/authorizeuser', method: 'POST', path: '/login/authorizeuser' },
  users: { endpoint: 'GET /settings/users', method: 'GET', path: '/settings/users' },
  logout: { endpoint: 'PUT /logout', method: 'PUT', path: '/logout' },
} as const;

// ---- GET /settings/users (endpoint-get-settings-users.md): the workspace's users, for the users check.

/** Documented: `limit` defaults to 20 and may be at most 400. */
export const USERS_PAGE_LIMIT = 400;

/** One page of the list: documented parameters `offset` and `limit`. */
export function usersPageQuery(offset: number): Record<string, string> {
  return { offset: String(offset), limit: String(USERS_PAGE_LIMIT) };
}

/**
 * A search by email: `email` is a documented searchable attribute. INFERRED: it matches whole addresses,
 * ignoring case, and `*` is a wildcard (as in the documented `fullName=*john`); the client keeps only exact
 * matches, so a looser search costs nothing but bytes.
 */
export function usersSearchQuery(email: string): Record<string, string> {
  return { email, limit: String(USERS_PAGE_LIMIT) };
}

/** The fields of one user the check reads. */
export interface ArenaUserRecord {
  email: string;
  enabled: boolean;
  type: string;
  fullName: string | null;
}

/** `count` is every user matching the query; `results` the page. */
export interface UsersPage {
  count: number;
  results: ArenaUserRecord[];
}

/**
 * Reads a users page. Documented by a sample only: {count, results: [{email, enabled, firstName, fullName,
 * guid, lastName, type}]}. INFERRED: `count` is the total across all pages (the sample's 25 with 3 shown
 * says so), paging ends when offset reaches count (or at a short page), `enabled` may come as the string
 * "true"/"false" (Arena's search takes it so), and a name may come as first and last name only.
 * Null when the answer is not that shape.
 */
export function readUsersPage(json: Record<string, unknown> | null): UsersPage | null {
  if (!json) return null;
  const { count, results } = json;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || !Array.isArray(results)) return null;
  const users: ArenaUserRecord[] = [];
  for (const item of results) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    if (typeof record.email !== 'string' || record.email.trim() === '') continue;
    const enabled = record.enabled === true || record.enabled === 'true' || record.enabled === 'True';
    const type = typeof record.type === 'string' ? record.type.trim().toUpperCase() : 'UNKNOWN';
    users.push({ email: record.email, enabled, type, fullName: fullNameOf(record) });
  }
  return { count, results: users };
}

function fullNameOf(record: Record<string, unknown>): string | null {
  if (typeof record.fullName === 'string' && record.fullName.trim() !== '') return record.fullName.trim();
  const parts = [record.firstName, record.lastName].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.join(' ').trim() : null;
}

/**
 * INFERRED: which Arena error codes mean "this user may not read the workspace's users". Arena documents
 * none for this endpoint; these three speak of access or privileges ("Access not allowed.", "Insufficient
 * privileges for this user.", "User not authenticated to access this endpoint.").
 */
export const USERS_PRIVILEGE_ERROR_CODES = [4082, 20001, 20002] as const;

/** The three calls Onshape makes (the reach probe is not one of them). */
export type ArenaCall = keyof typeof ENDPOINT_PATHS;
