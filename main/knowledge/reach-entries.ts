// Answers to the reach step's probe (PUT /logout without a session) whose meaning differs from the same
// answer to a login. Every other failure of the probe is diagnosed by the 'any' entries (network, format).
import { PROXY_BLOCK_PAGE, WRONG_URL } from './format-entries.js';
import type { KnowledgeEntry } from './types.js';

export const REACH_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'reach.BODY_TOO_LARGE',
    match: { endpoints: ['reach'], codes: ['BODY_TOO_LARGE'] },
    title: 'Something other than Arena answered, with a very large body',
    meaning:
      'Arena answers this credential-free request with a short JSON error of a few hundred bytes. This answer was too large to be that, so something other than the Arena API answered.',
    causes: [WRONG_URL, PROXY_BLOCK_PAGE],
    recheck: 'after-change',
  },
];
