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

/** Response keys the session id may come under: Arena's docs and its OpenAPI copy disagree. */
export const SESSION_ID_KEYS = ['arena_session_id', 'arenaSessionId'] as const;

export const BUDGET_HEADERS = {
  remaining: 'x-arena-requests-remaining',
  reset: 'x-arena-next-request-limit-reset',
} as const;

export const ENDPOINT_PATHS = {
  login: { endpoint: 'POST /login', method: 'POST', path: '/login' },
  authorize: { endpoint: 'POST /login/authorizeuser', method: 'POST', path: '/login/authorizeuser' },
  logout: { endpoint: 'PUT /logout', method: 'PUT', path: '/logout' },
} as const;
