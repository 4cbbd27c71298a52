// Arena's error codes and messages, in one table. Messages marked VERBATIM are copied from Arena's own
// pages (shared/seeds, shared/arena-api-notes.md); the others are not published and are our wording,
// kept here so a real capture can replace them in one place.

export interface ArenaErrorBody {
  status: number;
  errors: { code: number; message: string }[];
}

interface ErrorDef {
  status: number;
  code: number;
  message: string;
}

function def(status: number, code: number, message: string): ErrorDef {
  return { status, code, message };
}

export const ARENA_ERRORS = {
  // POST /login (seeds/login-errors.md) — VERBATIM
  serviceUnavailable: def(503, 503, 'The service is currently unavailable.'),
  apiFeatureDisabled: def(400, 4079, 'API feature is not enabled for your workspace.'),
  onshapeFeatureDisabled: def(400, 4090, 'The Onshape feature is not enabled in your workspace.'),
  invalidToken: def(400, 4089, 'Invalid Token.'),
  loginInvalid: def(
    400,
    4001,
    'The username, password or workspace ID is not valid or you are not allowed to log in due to IP restriction.',
  ),
  lockedOut: def(400, 4083, 'Too many invalid password attempts, account disabled for five minutes.'),
  // POST /login/authorizeuser (seeds/authorize-user-errors.md) — VERBATIM
  passwordResetOrExpired: def(
    400,
    4081,
    'Your password has either been reset by an Account Administrator or has expired. Please proceed to the browser-based Arena user interface and configure a new password.',
  ),
  insufficientPrivileges: def(400, 20001, 'Insufficient privileges for this user.'),
  userNotAuthenticated: def(500, 20000, 'User not authenticated.'),
  userNotAuthorizedForWorkspace: def(400, 20016, 'User not authorized for workspace.'),
  userEmailNotFound: def(400, 20015, 'User email address not found.'),
  // PUT /logout (arena-api-notes.md) — VERBATIM
  invalidAccessToken: def(401, 401, 'There is no access token associated with this request or the access token is not valid.'),
  // Request validation (arena-api-notes.md "Codes beyond the seed tables") — VERBATIM
  invalidJson: def(400, 20010, 'Invalid JSON data.'),
  invalidEmail: def(400, 20012, 'Invalid email address.'),
  invalidData: def(400, 20014, 'Data or format is invalid.'),
  // GET /settings/users by an account that may not read users. Code and message are documented (4082
  // "Access not allowed.", arena-api-notes.md) but not for this endpoint, and not with a status: that this is
  // what a missing privilege returns, and the 400, are OURS (INFERRED; see USERS_PRIVILEGE_ERROR_CODES).
  accessNotAllowed: def(400, 4082, 'Access not allowed.'),
  // Code documented, message NOT published: our wording.
  requestLimitReached: def(
    429,
    4084,
    'The maximum number of API requests allowed for this workspace in a 24-hour period has been reached.',
  ),
  unsupportedMediaType: def(415, 415, 'Unsupported media type.'),
  // Published only as "Sorry, a system error occurred…" (truncated); 500 is our guess.
  systemError: def(500, 3000, 'Sorry, a system error occurred.'),
  // Not Arena's: the simulator's own plumbing answers, in Arena's error shape.
  notFound: def(404, 404, 'Resource not found.'),
  methodNotAllowed: def(405, 405, 'Method not allowed.'),
  bodyTooLarge: def(413, 413, 'Request entity too large.'),
} as const satisfies Record<string, ErrorDef>;

export type ArenaErrorName = keyof typeof ARENA_ERRORS;

/**
 * 4087's documented message is "Unknown errors encountered. Please contact Arena Technical Support{0}."
 * where {0} carries a code to quote to support. How Arena fills {0} is not published: this form is ours.
 */
export function unknownErrorMessage(supportCode: string): string {
  return `Unknown errors encountered. Please contact Arena Technical Support with support code ${supportCode}.`;
}
export const UNKNOWN_ERROR_CODE = 4087;
/** Arena documents 4087 without a status; 400 like the rest of its 4xxx codes is our guess. */
export const UNKNOWN_ERROR_STATUS = 400;

export function errorBody(e: ErrorDef): ArenaErrorBody {
  return { status: e.status, errors: [{ code: e.code, message: e.message }] };
}

/** What the simulator answers, before HTTP: status, JSON body (null for none), extra headers. */
export interface ArenaReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export function errorReply(name: ArenaErrorName, headers: Record<string, string> = {}): ArenaReply {
  const e = ARENA_ERRORS[name];
  return { status: e.status, body: errorBody(e), headers };
}
