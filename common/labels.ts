// Words for the report's codes, shared by every rendering (CLI, Markdown, HTML, the wizard).
import type { Actor, ReachNetwork, RecheckPolicy, StepName, StepOutcome } from './check-report.js';

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  'arena-admin': 'Arena administrator',
  'arena-support': 'Arena Support',
  'onshape-user': 'The Onshape user',
  'onshape-admin': 'Onshape administrator',
  'network-admin': 'Network administrator',
  you: 'You',
};

export const STEP_LABELS: Readonly<Record<StepName, string>> = {
  reach: 'Reach Arena (no sign-in)',
  login: 'Log in as the integration user',
  authorize: 'Authorize the Onshape user',
  users: "Read the workspace's users",
  logout: 'Log out',
};

export const OUTCOME_LABELS: Readonly<Record<StepOutcome, string>> = {
  passed: 'passed',
  failed: 'FAILED',
  skipped: 'skipped',
};

export const RECHECK_LABELS: Readonly<Record<RecheckPolicy, string>> = {
  now: 'You can check again now.',
  'wait-five-minutes': 'Wait five minutes before checking again: another attempt now extends the lockout.',
  'after-change': 'Check again only after the fix has been made: the same details will fail the same way.',
};

/** The reach step's phases, in the order they happen, as the timeline and the reports name them. */
export const PHASE_LABELS: readonly { key: keyof ReachNetwork['phases']; label: string }[] = [
  { key: 'dnsMs', label: 'DNS' },
  { key: 'connectMs', label: 'connect' },
  { key: 'tlsMs', label: 'TLS' },
  { key: 'firstByteMs', label: 'first byte' },
];
