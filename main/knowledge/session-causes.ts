// Why an Arena session stops being accepted. Shared by logout 401 and the any-endpoint 401 / 20002.
import type { KnowledgeCause } from './types.js';

export const SECOND_LOGIN: KnowledgeCause = {
  id: 'second-login',
  summary:
    'Another login as the same integration user replaced this session: Arena sessions are exclusive, so a second login cancels the first.',
  question: 'Could Onshape, another tool or a person have logged in as the same integration user while this check ran?',
  questionReviewed: 'one-condition',
  fixSteps: [
    {
      who: 'you',
      text: "Expect this when testing with the live integration user: this check's own login can also cut off Onshape's session. Test outside working hours, or with a second integration user set up the same way.",
    },
    {
      who: 'arena-admin',
      text: "Make sure nothing else (a person, a script, another integration) logs in with Onshape's integration user.",
    },
  ],
};

export const IDLE_EXPIRY: KnowledgeCause = {
  id: 'idle-expiry',
  summary: 'The session expired: Arena ends a session 90 minutes after its last request.',
  question: 'Did at least 90 minutes pass since the login, for example because the computer slept during the check?',
  answerFrom: 'time-since-login',
  fixSteps: [{ who: 'you', text: 'Run the check again; it logs in afresh.' }],
};

export const SESSION_HEADER_DROPPED: KnowledgeCause = {
  id: 'session-header-dropped',
  summary:
    'A proxy between this computer and Arena removed the arena_session_id header; some proxies drop header names containing underscores.',
  question: 'Does traffic from this computer go through a corporate proxy or TLS-inspecting firewall?',
  answerFrom: 'traffic-through-proxy',
  questionReviewed: 'one-condition',
  fixSteps: [
    {
      who: 'network-admin',
      text: 'Let the arena_session_id request header through the proxy unchanged (allow underscores in header names), or exempt the Arena API host from inspection.',
    },
  ],
};
