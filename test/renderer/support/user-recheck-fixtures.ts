// A check whose login passed and whose authorize failed (Arena's 20000 for a wrong Onshape user password),
// diagnosed by the real knowledge base, for the "Check only the Onshape user again" tests.
import type { CheckIntent, CheckOutcome } from '../../../common/ipc/contract';
import { diagnose } from '../../../main/diagnosis/diagnose';
import type { ResultState } from '../../../renderer/src/lib/wizard.svelte';
import { report, step } from './fixtures';

export const USER_EMAIL = 'dana@example.com';

export const AUTHORIZE_INTENT: CheckIntent = {
  details: {
    dataCentre: 'us',
    apiUrl: 'https://api.arenasolutions.com/v1',
    workspaceId: 123456789,
    integrationEmail: 'onshape-integration@example.com',
    loginType: 'webtoken',
    userEmail: USER_EMAIL,
  },
  integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
  userPassword: { source: 'typed', value: 'Dana#Arena-2023' },
  remember: false,
  confirmedChange: false,
  proxy: { mode: 'system' },
};

export function authorize20000Outcome(): CheckOutcome {
  const message = 'User not authenticated.';
  const diagnosis = diagnose(
    { endpoint: 'POST /login/authorizeuser', httpStatus: 500, errorCode: 20000, message, budget: null, serverDate: null },
    { now: new Date('2025-11-22T10:00:01.000Z') },
  );
  return {
    report: report({
      ok: false,
      target: { ...AUTHORIZE_INTENT.details },
      steps: [
        step('login'),
        step('authorize', { outcome: 'failed', httpStatus: 500, errorCode: 20000, message, diagnosis }),
        step('logout'),
      ],
    }),
    recheck: { waitUntil: null, needsChange: true },
    tlsHint: null,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

export function authorizeFailedResult(): ResultState {
  const outcome = authorize20000Outcome();
  return {
    kind: 'result',
    run: { kind: 'check', intent: AUTHORIZE_INTENT },
    outcome,
    answers: {},
    answerOrder: [],
    recheck: outcome.recheck,
    recheckError: null,
    ticket: '',
  };
}
