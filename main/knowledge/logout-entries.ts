// PUT /logout. Its 401 is the only documented failure (arena-docs/connection-errors-logout.md). That page
// is titled POST /logout, a known mistake: the endpoint is PUT /logout (Arena's endpoint page, the API notes).
import { IDLE_EXPIRY, SECOND_LOGIN, SESSION_HEADER_DROPPED } from './session-causes.js';
import type { KnowledgeEntry } from './types.js';

export const LOGOUT_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'logout.401',
    match: { endpoints: ['PUT /logout'], codes: [401] },
    title: 'The Arena session had already ended before logout',
    meaning:
      'Login worked, but by the time this check logged out Arena no longer recognised the session. Login and authorization are not affected; this usually means something else logged in as the same integration user.',
    causes: [SECOND_LOGIN, IDLE_EXPIRY, SESSION_HEADER_DROPPED],
    recheck: 'now',
    documented: {
      httpStatus: 401,
      message: 'There is no access token associated with this request or the access token is not valid.',
      source: 'arena-docs/connection-errors-logout.md',
    },
  },
];
