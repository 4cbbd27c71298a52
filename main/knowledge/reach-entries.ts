// Answers to the reach step's probe (PUT /logout without a session) whose meaning differs from the same
// answer to a login. Every other failure of the probe is diagnosed by the 'any' entries (network, format).
import type { KnowledgeEntry } from './types.js';
import { API_BASES } from './shared-text.js';

export const REACH_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'reach.BODY_TOO_LARGE',
    match: { endpoints: ['reach'], codes: ['BODY_TOO_LARGE'] },
    title: 'Something other than Arena answered, with a very large body',
    meaning:
      'Arena answers this credential-free request with a short JSON error of a few hundred bytes. This answer was too large to be that, so something other than the Arena API answered.',
    causes: [
      {
        id: 'wrong-url',
        summary: 'The API URL points at another site or a file server instead of the Arena API.',
        question: 'Does the API URL differ from your data centre\'s API address?',
        fixSteps: [{ who: 'you', text: `Set the Arena API URL to your data centre's API address exactly, ending in /v1: ${API_BASES}.` }],
      },
      {
        id: 'proxy-block-page',
        summary: 'A company proxy or web filter answered in Arena\'s place.',
        question: 'Does your company route web traffic through a proxy or web filter?',
        fixSteps: [
          { who: 'network-admin', text: 'Allow HTTPS from this computer to the Arena API host in the proxy or web filter, without a warning or sign-in page.' },
        ],
      },
    ],
    recheck: 'after-change',
  },
];
