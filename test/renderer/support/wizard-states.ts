// One example of every wizard state. Typed as a record over every kind, so a new state cannot be added
// without an example here, and the "every state renders a screen" test covers it at once.
import type { CheckIntent, ReachIntent } from '../../../common/ipc/contract';
import type { ResultState, WizardKind, WizardState } from '../../../renderer/src/lib/wizard.svelte';
import { initialProgress, reachProgress } from '../../../renderer/src/lib/progress';
import type { ExplainedState } from '../../../renderer/src/lib/wizard.svelte';
import type { ReachResultState, UsersInputState, UsersResultState } from '../../../renderer/src/lib/wizard.svelte';
import { DATA_CENTRES, SCENARIOS, explained, login4089Outcome, reachRefusedOutcome, usersOutcome } from './fixtures';
import { authorizeFailedResult } from './user-recheck-fixtures';

export const INTENT: CheckIntent = {
  details: {
    dataCentre: 'us',
    apiUrl: DATA_CENTRES[0]!.apiBase,
    workspaceId: 123456789,
    integrationEmail: 'onshape-integration@example.com',
    loginType: 'webtoken',
    userEmail: null,
  },
  integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
  userPassword: { source: 'none' },
  remember: false,
  confirmedChange: false,
  proxy: { mode: 'system' },
};

const outcome = login4089Outcome();
export const RESULT: ResultState = {
  kind: 'result',
  run: { kind: 'check', intent: INTENT },
  outcome,
  answers: {},
  answerOrder: [],
  recheck: outcome.recheck,
  recheckError: null,
  ticket: '',
};

export const DELETED_CATEGORY = 'Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.';
export const EXPLAINED: ExplainedState = {
  kind: 'explained',
  text: DELETED_CATEGORY,
  explanation: explained(DELETED_CATEGORY),
  chosenId: null,
  answers: [],
};

export const REACH_INTENT: ReachIntent = {
  target: { dataCentre: 'us', apiUrl: DATA_CENTRES[0]!.apiBase },
  proxy: { mode: 'system' },
  connectTimeoutSeconds: 10,
};
export const REACH_RESULT: ReachResultState = {
  kind: 'reach-result',
  intent: REACH_INTENT,
  outcome: reachRefusedOutcome(),
  answers: [],
  ticket: '',
  historyId: null,
};

export const USERS_INPUT: UsersInputState = {
  kind: 'users-input',
  intent: INTENT,
  text: 'dana@example.com',
  preview: { emails: 1, duplicates: 0, invalid: [], column: null, atMostRequests: 3, perPage: 400 },
  error: null,
  refusal: null,
};
export const USERS_RESULT: UsersResultState = {
  kind: 'users-result',
  outcome: usersOutcome(),
  input: USERS_INPUT,
  filter: 'all',
  sort: 'input',
  exported: null,
  exportError: null,
};

/** Each state with the h1 its screen shows. */
export const WIZARD_STATE_EXAMPLES: Readonly<Record<WizardKind, { state: WizardState; heading: string }>> = {
  start: { state: { kind: 'start' }, heading: 'Check the Onshape–Arena connection' },
  details: {
    state: { kind: 'details', notice: { kind: 'refused', refusal: { kind: 'needs-change', message: 'Refused.', confirmed: false } } },
    heading: 'Connection details',
  },
  practice: { state: { kind: 'practice', notice: null }, heading: 'Practice with sample problems' },
  warning: { state: { kind: 'warning', intent: INTENT, back: { kind: 'details', notice: null } }, heading: 'Before the check runs' },
  running: {
    state: {
      kind: 'running',
      run: { kind: 'practice', scenario: SCENARIOS[1]! },
      returnTo: { kind: 'practice', notice: null },
      progress: initialProgress(null),
      said: '',
      startedAt: 0,
    },
    heading: `Practice: ${SCENARIOS[1]!.title}`,
  },
  result: { state: RESULT, heading: 'Arena rejected the WebToken' },
  'user-recheck': {
    state: {
      kind: 'user-recheck',
      result: authorizeFailedResult(),
      notice: { kind: 'refused', refusal: { kind: 'needs-change', message: 'Refused.', confirmed: false } },
    },
    heading: 'Check only the Onshape user again',
  },
  report: { state: { kind: 'report', result: RESULT }, heading: 'Report' },
  'explain-input': { state: { kind: 'explain-input', text: '3024', error: null }, heading: 'Explain an error I see in Onshape' },
  explaining: { state: { kind: 'explaining', text: '3024' }, heading: 'Explain an error I see in Onshape' },
  explained: { state: EXPLAINED, heading: 'The Arena category the Onshape category is mapped to was deleted' },
  'explain-report': { state: { kind: 'explain-report', explained: EXPLAINED }, heading: 'Report' },
  'users-input': { state: USERS_INPUT, heading: 'Check Onshape users' },
  'users-result': { state: USERS_RESULT, heading: '1 of 2 Onshape users are ready' },
  'reach-input': { state: { kind: 'reach-input', error: null }, heading: 'Test the network only' },
  'reach-result': { state: REACH_RESULT, heading: 'The connection to Arena was refused' },
  'reach-report': { state: { kind: 'reach-report', result: REACH_RESULT }, heading: 'Report' },
};
/** The running screen of a network test: the one step. */
export const REACH_RUNNING: WizardState = {
  kind: 'running',
  run: { kind: 'reach', intent: REACH_INTENT },
  returnTo: { kind: 'reach-input', error: null },
  progress: reachProgress(),
  said: '',
  startedAt: 0,
};
