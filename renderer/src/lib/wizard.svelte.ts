// The wizard as an explicit state machine: one discriminated union of states, each carrying exactly the
// data its screen needs, and one pure transition function. The Wizard class below holds the current state
// and runs the effects (API calls); Wizard.svelte only maps a state to its screen and intents to events.
//
// How to add a state (e.g. a new screen):
//   1. Add a member to WizardState with a new `kind` and only the data that screen needs.
//   2. Add the events that lead into and out of it to WizardEvent, and handle them in transition()
//      (an event a state does not handle leaves the state unchanged: it is never an error or a blank screen).
//   3. Add its example to WIZARD_STATE_EXAMPLES in test/renderer/support/wizard-states.ts (the type forces it) and a
//      branch in Wizard.svelte; its `{:else}` branch fails the type check while a kind is not routed.
//   4. If it calls the API, add a method to the Wizard class that sends the events around the call.
import type { Answer, StepName } from '../../../common/check-report';
import type {
  CheckIntent,
  CheckOutcome,
  CheckProgress,
  DetailsGate,
  DoctorApi,
  ExportRequest,
  ExportResult,
  GateQuery,
  IpcError,
  ReachIntent,
  ReachOutcome,
  RecheckGate,
  Result,
  ScenarioSummary,
  StartupInfo,
  UserRecheckIntent,
  UsersIntent,
  UsersOutcome,
  UsersPreview,
} from '../../../common/ipc/contract';
import type { UserStatus } from '../../../common/users-report';
import { shownDiagnosisIndex, type Explanation, type ExplanationReport } from '../../../common/explanation';
import { emailProblem, MAX_SECRET_LENGTH } from '../../../common/fields';
import { safeCall } from './call';
import { DetailsForm } from './details-form.svelte';
import { answerQuestion, diagnosedSteps, type WalkAnswer } from './diagnosis-path';
import { announcement, applyProgress, initialProgress, reachProgress, usersProgress, type StepProgress } from './progress';
import type { UsersSort } from './users-table';
import { UserRecheckForm } from './user-recheck-form.svelte';

export type Run =
  | { kind: 'check'; intent: CheckIntent }
  /** "Check only the Onshape user again": the check's connection and integration user, the Onshape user corrected. */
  | { kind: 'user-recheck'; intent: UserRecheckIntent }
  | { kind: 'practice'; scenario: ScenarioSummary }
  | { kind: 'users'; intent: UsersIntent };
/** "Test the network only": the reach step alone, no credential; its result has a screen of its own. */
export type ReachRun = { kind: 'reach'; intent: ReachIntent };
/** Where a result on screen came from: a run just now, or the history of recent checks (read-only). */
export type ResultSource = Run | { kind: 'history'; id: string };

/** Why the service would not send the details: shown on the screen the check was started from. */
export type Refusal =
  { kind: 'wait'; message: string; retryAt: string | null } | { kind: 'needs-change'; message: string; confirmed: boolean };

/** What the details screen says above the form. */
export type DetailsNotice = { kind: 'problem'; error: IpcError } | { kind: 'refused'; refusal: Refusal };

/** next 'users': the details are for a users check, which comes after them instead of the warning. */
export type DetailsState = { kind: 'details'; notice: DetailsNotice | null; next?: 'users' };
/** The users check's list: pasted or read from a file, previewed (count, invalid lines, cost) by the service. */
export type UsersInputState = {
  kind: 'users-input';
  intent: CheckIntent;
  text: string;
  preview: UsersPreview | null;
  error: IpcError | null;
  refusal: Refusal | null;
};
export type UsersResultState = {
  kind: 'users-result';
  outcome: UsersOutcome;
  input: UsersInputState;
  filter: UserStatus | 'all';
  sort: UsersSort;
  exported: { fileName: string } | null;
  exportError: IpcError | null;
};
export type PracticeState = { kind: 'practice'; notice: IpcError | null };
export type ResultState = {
  kind: 'result';
  run: ResultSource;
  outcome: CheckOutcome;
  answers: Partial<Record<StepName, WalkAnswer[]>>;
  /** Steps in the order their questions were answered, so Back undoes the last answer first. */
  answerOrder: StepName[];
  /** The re-check gate: the outcome's, then whatever a refused "Check again" said. */
  recheck: RecheckGate;
  recheckError: IpcError | null;
  ticket: string;
};
/**
 * "Check only the Onshape user again", offered on a result whose login passed and authorize failed: the
 * small form for that user's email and password. A refusal of the guard comes back here, with its
 * confirmation; the confirmation speaks for the Onshape user only.
 */
export type UserRecheckState = { kind: 'user-recheck'; result: ResultState; notice: DetailsNotice | null };
/** The explain path: pasted text in, the same result layout as a check out. No connection is made. */
export type ExplainInputState = { kind: 'explain-input'; text: string; error: IpcError | null };
export type ExplainedState = {
  kind: 'explained';
  text: string;
  explanation: Explanation;
  /** The candidate picked by answering "What were you doing…?"; null: the best-ranked one. */
  chosenId: string | null;
  /** Answers to the shown diagnosis's questions; choosing another candidate starts them afresh. */
  answers: WalkAnswer[];
  /** Set when it is a past explanation from the recent checks: its entry and when it was explained. */
  past?: { id: string; createdAt: string };
};

/** "Test the network only (no sign-in)": where Arena is and how to get there; why the last test did not run. */
export type ReachInputState = { kind: 'reach-input'; error: IpcError | null };
/** The network test's one step: its diagnosis walked like a check's, its evidence, a report like a check's. */
export type ReachResultState = {
  kind: 'reach-result';
  intent: ReachIntent;
  outcome: ReachOutcome;
  answers: WalkAnswer[];
  ticket: string;
  /** Set when the result is a past one from the recent checks (read-only: nothing is sent again from it). */
  historyId: string | null;
};

/** The screens a run goes back to when it is cancelled or cannot run. */
export type ReturnState = DetailsState | PracticeState | ResultState | UsersInputState | UserRecheckState | ReachInputState;

export type WizardState =
  | { kind: 'start' }
  | DetailsState
  | PracticeState
  | { kind: 'warning'; intent: CheckIntent; back: DetailsState }
  | {
      kind: 'running';
      run: Run | ReachRun;
      returnTo: ReturnState;
      progress: StepProgress[];
      said: string;
      startedAt: number;
    }
  | ResultState
  | UserRecheckState
  | { kind: 'report'; result: ResultState }
  | ExplainInputState
  | { kind: 'explaining'; text: string }
  | ExplainedState
  | { kind: 'explain-report'; explained: ExplainedState }
  | UsersInputState
  | UsersResultState
  | ReachInputState
  | ReachResultState
  | { kind: 'reach-report'; result: ReachResultState };

export type WizardKind = WizardState['kind'];

/** For the router's last branch: a state kind without a screen fails the type check here. */
export function unrouted(state: never): string {
  return `Unknown screen ${JSON.stringify(state)}`;
}

export type WizardEvent =
  | { type: 'open-details' }
  | { type: 'open-practice' }
  | { type: 'back' }
  | { type: 'start-over' }
  | { type: 'submit-details'; intent: CheckIntent }
  | { type: 'confirm-change'; confirmed: boolean }
  | { type: 'gate'; gate: DetailsGate }
  | { type: 'run-started'; run: Run | ReachRun; at: number }
  | { type: 'progress'; event: CheckProgress }
  | { type: 'run-finished'; result: Result<CheckOutcome> }
  | { type: 'answer'; step: StepName; answer: Answer }
  /** Takes back the answer at index and every later one of that step (or of an explained message). */
  | { type: 'change-answer'; step: StepName | 'explain'; index: number }
  | { type: 'restart-questions'; step: StepName | 'explain' }
  | { type: 'history-opened'; id: string; report: CheckOutcome['report'] }
  | { type: 'history-explanation-opened'; id: string; report: ExplanationReport }
  | { type: 'history-reach-opened'; id: string; report: ReachOutcome['report'] }
  | { type: 'check-again-invalid' }
  | { type: 'open-user-recheck' }
  | { type: 'user-recheck-confirm'; confirmed: boolean }
  | { type: 'user-recheck-gate'; gate: DetailsGate }
  | { type: 'open-report' }
  | { type: 'ticket'; text: string }
  | { type: 'open-explain' }
  | { type: 'explain-text'; text: string }
  | { type: 'explain-started' }
  | { type: 'explain-finished'; result: Result<Explanation> }
  | { type: 'choose-candidate'; id: string }
  | { type: 'explain-answer'; answer: Answer }
  | { type: 'check-next' }
  | { type: 'open-users'; intent: CheckIntent | null }
  | { type: 'users-text'; text: string }
  | { type: 'users-previewed'; text: string; result: Result<UsersPreview> }
  | { type: 'users-confirm-change'; confirmed: boolean }
  | { type: 'users-finished'; result: Result<UsersOutcome> }
  | { type: 'users-filter'; filter: UserStatus | 'all' }
  | { type: 'users-sort'; sort: UsersSort }
  | { type: 'users-exported'; result: Result<ExportResult> }
  | { type: 'open-reach' }
  | { type: 'reach-finished'; result: Result<ReachOutcome> };

export const START: WizardState = { kind: 'start' };
const FRESH_DETAILS: DetailsState = { kind: 'details', notice: null };

/** Said after a cancel when the main process sent no note of what was left in Arena. */
export const CANCELLED_MESSAGE = 'The check was cancelled. Nothing more was sent to Arena.';

const INVALID_FOR_AGAIN: IpcError = {
  code: 'invalid-payload',
  message: 'The connection details need attention before checking again: see the fields marked below.',
};

/** The refusal an error stands for, or null when it is not a re-check refusal. */
export function refusalOf(error: IpcError): Refusal | null {
  if (error.code === 'recheck-wait') return { kind: 'wait', message: error.message, retryAt: error.retryAt ?? null };
  if (error.code === 'recheck-needs-change') return { kind: 'needs-change', message: error.message, confirmed: false };
  return null;
}

/**
 * What the re-check guard holds against a check about to run, as the details screen shows it: a lockout
 * wait wins over a needed confirmation (confirming does not shorten a wait). Null when nothing holds it.
 */
export function refusalOfGate(gate: DetailsGate): Refusal | null {
  const accounts = [gate.integration, gate.user].filter((account) => account !== null);
  const waits = accounts.filter((account) => account.waitUntil !== null);
  const latest = waits.sort((a, b) => Date.parse(b.waitUntil ?? '') - Date.parse(a.waitUntil ?? ''))[0];
  if (latest) return { kind: 'wait', message: latest.reason ?? LOCKED_REASON, retryAt: latest.waitUntil };
  const held = accounts.filter((account) => account.needsChange);
  if (held.length === 0) return null;
  return { kind: 'needs-change', message: held.map((account) => account.reason ?? NEEDS_CHANGE_REASON).join(' '), confirmed: false };
}

const LOCKED_REASON = 'Arena has locked this account for five minutes after failed attempts; trying sooner extends the lockout.';
const NEEDS_CHANGE_REASON = 'The last check of these details failed in a way that repeats until something is changed.';

/** The details screen after the guard answered for the details as they are now. */
function withGate(state: DetailsState, gate: DetailsGate): DetailsState {
  const refusal = refusalOfGate(gate);
  const shown = state.notice?.kind === 'refused' ? state.notice.refusal : null;
  if (!refusal) {
    // The change the admin made (e.g. a new WebToken) is what the guard wanted: the hold is gone.
    return shown ? { kind: 'details', notice: null } : state;
  }
  // A ticked confirmation stays ticked while the guard still asks for it.
  const confirmed = refusal.kind === 'needs-change' && shown?.kind === 'needs-change' && shown.confirmed;
  const next: Refusal = refusal.kind === 'needs-change' ? { ...refusal, confirmed } : refusal;
  if (shown && JSON.stringify(shown) === JSON.stringify(next)) return state;
  return { kind: 'details', notice: { kind: 'refused', refusal: next } };
}

/** The intent as it is sent: a confirmation ticked on the details screen goes with it. */
function withConfirmation(intent: CheckIntent, notice: DetailsNotice | null): CheckIntent {
  const confirmed = notice?.kind === 'refused' && notice.refusal.kind === 'needs-change' && notice.refusal.confirmed;
  return { ...intent, confirmedChange: intent.confirmedChange || confirmed };
}

/** A run of the connection (a check, or a re-check of its Onshape user), as opposed to practice, users or history. */
function isConnectionRun(run: ResultSource): run is Extract<Run, { kind: 'check' | 'user-recheck' }> {
  return run.kind === 'check' || run.kind === 'user-recheck';
}

/**
 * Whether the result offers "Check only the Onshape user again": a check of the connection (not practice,
 * not a past one) whose login passed and whose authorize failed.
 */
export function userRecheckOffered(state: ResultState): boolean {
  if (!isConnectionRun(state.run)) return false;
  const outcome = (step: StepName) => state.outcome.report.steps.find((candidate) => candidate.step === step)?.outcome;
  return outcome('login') === 'passed' && outcome('authorize') === 'failed';
}

/**
 * What the re-check form says before anything is sent, from the guard's answer for the re-check as typed:
 * a lockout wait of either account; a needed change of the Onshape user's account, which the form's
 * confirmation answers (kept ticked while it is still asked); or a held integration user, which that
 * confirmation does not answer (the whole check, from the result screen, does). Null when nothing holds it.
 */
export function userRecheckNotice(current: DetailsNotice | null, gate: DetailsGate): DetailsNotice | null {
  // A wait wins: no confirmation shortens it.
  const waiting = refusalOfGate({
    ...gate,
    integration: { ...gate.integration, needsChange: false },
    user: gate.user && { ...gate.user, needsChange: false },
  });
  if (waiting) return { kind: 'refused', refusal: waiting };
  if (gate.integration.needsChange) {
    const message = `${gate.integration.reason ?? NEEDS_CHANGE_REASON} Check the whole connection again from the result screen instead.`;
    return { kind: 'problem', error: { code: 'recheck-needs-change', account: 'integration', message } };
  }
  if (gate.user?.needsChange) {
    const shown = current?.kind === 'refused' && current.refusal.kind === 'needs-change' ? current.refusal : null;
    return {
      kind: 'refused',
      refusal: { kind: 'needs-change', message: gate.user.reason ?? NEEDS_CHANGE_REASON, confirmed: shown?.confirmed ?? false },
    };
  }
  // The change the admin typed (another password, another user) is what the guard wanted.
  return current?.kind === 'refused' || current?.error.code === 'recheck-needs-change' ? null : current;
}

/** The connection, integration credential and proxy a re-check of the Onshape user sends again: those of the run shown. */
export function userRecheckBase(state: ResultState): Omit<UserRecheckIntent, 'userPassword' | 'userChangeConfirmed'> | null {
  const run = state.run;
  if (!isConnectionRun(run)) return null;
  const { details, integrationSecret, remember, proxy, connectTimeoutSeconds } = run.intent;
  return { details: { ...details, userEmail: details.userEmail ?? '' }, integrationSecret, remember, proxy, connectTimeoutSeconds };
}

/** Where the result screen's Back goes once no answer is left to undo. */
function usersInput(intent: CheckIntent): UsersInputState {
  return { kind: 'users-input', intent, text: '', preview: null, error: null, refusal: null };
}

function finishUsers(state: Extract<WizardState, { kind: 'running' }>, result: Result<UsersOutcome>): WizardState {
  if (state.returnTo.kind !== 'users-input') return state;
  if (!result.ok) return returnWith(state.returnTo, result.error);
  if (result.data.cancelled) return returnWith(state.returnTo, { code: 'cancelled', message: CANCELLED_MESSAGE });
  return {
    kind: 'users-result',
    outcome: result.data,
    input: state.returnTo,
    filter: 'all',
    sort: 'input',
    exported: null,
    exportError: null,
  };
}

function beforeResult(result: ResultState): WizardState {
  if (result.run.kind === 'history') return START;
  return result.run.kind === 'practice' ? { kind: 'practice', notice: null } : FRESH_DETAILS;
}

/** A past result as the result screen shows it: nothing to re-check, no notices from back then. */
function historyResult(id: string, report: CheckOutcome['report']): ResultState {
  const outcome: CheckOutcome = {
    report,
    recheck: { waitUntil: null, needsChange: false },
    tlsHint: null,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
  return resultOf({ kind: 'history', id }, outcome);
}

/** A past explanation as the explained screen shows it: as it was kept, the admin's choice included. */
function pastExplanation(id: string, report: ExplanationReport): ExplainedState {
  const { explanation } = report;
  return {
    kind: 'explained',
    text: explanation.input,
    explanation,
    chosenId: report.chosenId,
    answers: [],
    past: { id, createdAt: report.createdAt },
  };
}

/** The answers of one step with the one at index and every later one taken back. */
function changeAnswer(state: ResultState, step: StepName, index: number): ResultState {
  const before = state.answers[step] ?? [];
  if (index < 0 || index >= before.length) return state;
  const kept = before.slice(0, index);
  let dropped = before.length - kept.length;
  // answerOrder holds one entry per answer: drop this step's last `dropped` entries.
  const order = [...state.answerOrder];
  for (let at = order.length - 1; at >= 0 && dropped > 0; at -= 1) {
    if (order[at] === step) {
      order.splice(at, 1);
      dropped -= 1;
    }
  }
  return { ...state, answers: { ...state.answers, [step]: kept }, answerOrder: order };
}

function resultOf(run: ResultSource, outcome: CheckOutcome): ResultState {
  return {
    kind: 'result',
    run,
    outcome,
    answers: {},
    answerOrder: [],
    recheck: outcome.recheck,
    recheckError: null,
    ticket: '',
  };
}

/** A run that did not produce a result goes back where it came from, saying why. */
function returnWith(returnTo: ReturnState, error: IpcError): ReturnState {
  switch (returnTo.kind) {
    case 'details': {
      const refusal = refusalOf(error);
      return { kind: 'details', notice: refusal ? { kind: 'refused', refusal } : { kind: 'problem', error } };
    }
    case 'practice':
      return { kind: 'practice', notice: error };
    case 'users-input':
      return { ...returnTo, error, refusal: refusalOf(error) };
    case 'user-recheck': {
      const refusal = refusalOf(error);
      return { ...returnTo, notice: refusal ? { kind: 'refused', refusal } : { kind: 'problem', error } };
    }
    case 'reach-input':
      return { ...returnTo, error };
    case 'result': {
      const recheck: RecheckGate = { ...returnTo.recheck };
      if (error.code === 'recheck-wait' && error.retryAt) recheck.waitUntil = error.retryAt;
      if (error.code === 'recheck-needs-change') recheck.needsChange = true;
      return { ...returnTo, recheck, recheckError: error };
    }
  }
}

function finishRun(state: Extract<WizardState, { kind: 'running' }>, result: Result<CheckOutcome>): WizardState {
  if (state.run.kind === 'reach') return state;
  if (!result.ok) return returnWith(state.returnTo, result.error);
  // A cancelled run is not shown as a result: back to where it was started, saying what the main process
  // knows was left in Arena (a late login answer logged out of, or nothing opened).
  if (result.data.cancelled) {
    return returnWith(state.returnTo, { code: 'cancelled', message: result.data.cancelNote ?? CANCELLED_MESSAGE });
  }
  return resultOf(state.run, result.data);
}

/** A network test that ran shows its result; one that could not run, or was cancelled, goes back to its form. */
function finishReach(state: Extract<WizardState, { kind: 'running' }>, result: Result<ReachOutcome>): WizardState {
  if (state.run.kind !== 'reach') return state;
  if (!result.ok) return returnWith(state.returnTo, result.error);
  if (result.data.cancelled) return returnWith(state.returnTo, { code: 'cancelled', message: REACH_CANCELLED_MESSAGE });
  return { kind: 'reach-result', intent: state.run.intent, outcome: result.data, answers: [], ticket: '', historyId: null };
}

/** A past network test as its result screen shows it: read-only, no notices from back then. */
function historyReach(id: string, report: ReachOutcome['report']): ReachResultState {
  // Its intent is where it went, for the form's sake only: a past result is not tested again from here.
  const intent: ReachIntent = { target: report.target, proxy: { mode: 'system' } };
  return { kind: 'reach-result', intent, outcome: { report, notices: [], cancelled: false }, answers: [], ticket: '', historyId: id };
}

/** Said after a cancelled network test: it sends no credential, so nothing can have been left in Arena. */
export const REACH_CANCELLED_MESSAGE = 'The network test was cancelled. No credential was sent, so nothing was opened in Arena.';

function answerReach(state: ReachResultState, given: Answer): ReachResultState {
  const found = diagnosedSteps(state.outcome.report)[0];
  if (!found) return state;
  const after = answerQuestion(found.diagnosis, state.answers, given);
  return after.length === state.answers.length ? state : { ...state, answers: after };
}

function answer(state: ResultState, step: StepName, given: Answer): ResultState {
  const found = diagnosedSteps(state.outcome.report).find((entry) => entry.step === step);
  if (!found) return state;
  const before = state.answers[step] ?? [];
  const after = answerQuestion(found.diagnosis, before, given);
  if (after.length === before.length) return state;
  return { ...state, answers: { ...state.answers, [step]: after }, answerOrder: [...state.answerOrder, step] };
}

/** The diagnosis the explained screen shows: the chosen candidate's, else the best-ranked (or generic) one. */
export function shownDiagnosis(state: ExplainedState): Explanation['diagnoses'][number] | undefined {
  return state.explanation.diagnoses[shownDiagnosisIndex(state)];
}

/** A login or authorize error, which a check of the connection can reproduce and test a fix for. */
export function checkCanTest(state: ExplainedState): boolean {
  const candidate = state.explanation.candidates[shownDiagnosisIndex(state)];
  return candidate !== undefined && (candidate.endpoint === 'POST /login' || candidate.endpoint === 'POST /login/authorizeuser');
}

function explainFinished(text: string, result: Result<Explanation>): WizardState {
  if (!result.ok) return { kind: 'explain-input', text, error: result.error };
  return { kind: 'explained', text, explanation: result.data, chosenId: null, answers: [] };
}

function answerExplained(state: ExplainedState, given: Answer): ExplainedState {
  const diagnosis = shownDiagnosis(state);
  if (!diagnosis) return state;
  const after = answerQuestion(diagnosis, state.answers, given);
  return after.length === state.answers.length ? state : { ...state, answers: after };
}

function chooseCandidate(state: ExplainedState, id: string): ExplainedState {
  if (!state.explanation.candidates.some((candidate) => candidate.id === id)) return state;
  const current = state.explanation.candidates[shownDiagnosisIndex(state)]?.id;
  return current === id && state.chosenId !== null ? state : { ...state, chosenId: id, answers: [] };
}

function back(state: WizardState): WizardState {
  switch (state.kind) {
    case 'start':
      return state;
    case 'details':
    case 'practice':
      return START;
    case 'warning':
      return state.back;
    case 'running':
      // Leaving a running check is a cancel, which the service answers; the run's end moves on.
      return state;
    case 'result':
      // Answers are changed with their own controls; Back leaves the result.
      return beforeResult(state);
    case 'report':
    case 'user-recheck':
      return state.result;
    case 'explain-input':
      return START;
    case 'explaining':
      return state;
    case 'explained':
      // Undo the last answer first, like a check's result; then back to the text, as it was pasted
      // (a past explanation goes back to the start screen it was opened from).
      if (state.answers.length > 0) return { ...state, answers: state.answers.slice(0, -1) };
      return state.past ? START : { kind: 'explain-input', text: state.text, error: null };
    case 'explain-report':
      return state.explained;
    case 'users-input':
      return START;
    case 'users-result':
      return { ...state.input, error: null, refusal: null };
    case 'reach-input':
      return START;
    case 'reach-result':
      // A past one goes back to the recent checks; else the same form, as it was, to change and test again.
      return state.historyId !== null ? START : { kind: 'reach-input', error: null };
    case 'reach-report':
      return state.result;
  }
}

/** The one transition function: the next state for an event; unchanged when the state does not take it. */
export function transition(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'open-details':
      // From the start, or from a network test: Arena is reachable, or the admin goes on to check anyway.
      return state.kind === 'start' || state.kind === 'reach-result' ? FRESH_DETAILS : state;
    case 'open-reach':
      return state.kind === 'start' ? { kind: 'reach-input', error: null } : state;
    case 'reach-finished':
      return state.kind === 'running' ? finishReach(state, event.result) : state;
    case 'open-practice':
      return state.kind === 'start' ? { kind: 'practice', notice: null } : state;
    case 'back':
      return back(state);
    case 'start-over':
      return state.kind === 'running' ? state : START;
    case 'submit-details':
      if (state.kind === 'details' && state.next === 'users') return usersInput(withConfirmation(event.intent, state.notice));
      return state.kind === 'details' ? { kind: 'warning', intent: withConfirmation(event.intent, state.notice), back: state } : state;
    case 'confirm-change':
      if (state.kind !== 'details' || state.notice?.kind !== 'refused' || state.notice.refusal.kind !== 'needs-change') {
        return state;
      }
      return {
        kind: 'details',
        notice: { kind: 'refused', refusal: { ...state.notice.refusal, confirmed: event.confirmed } },
      };
    case 'gate':
      return state.kind === 'details' ? withGate(state, event.gate) : state;
    case 'run-started': {
      let returnTo: ReturnState;
      if (state.kind === 'warning' && event.run.kind === 'check') returnTo = state.back;
      else if (state.kind === 'practice' && event.run.kind === 'practice') returnTo = { kind: 'practice', notice: null };
      // "Check again" from a re-check of the Onshape user is a whole check of the form as it is now.
      else if (state.kind === 'result' && (event.run.kind === state.run.kind || (event.run.kind === 'check' && isConnectionRun(state.run))))
        returnTo = { ...state, recheckError: null };
      else if (state.kind === 'user-recheck' && event.run.kind === 'user-recheck') returnTo = { ...state, notice: null };
      else if (state.kind === 'users-input' && event.run.kind === 'users' && state.preview !== null) returnTo = state;
      else if (state.kind === 'reach-input' && event.run.kind === 'reach') returnTo = { kind: 'reach-input', error: null };
      // "Test again" from the network test's result; a cancel returns to its form.
      else if (state.kind === 'reach-result' && state.historyId === null && event.run.kind === 'reach')
        returnTo = { kind: 'reach-input', error: null };
      else return state;
      const withUser =
        event.run.kind === 'check' ? event.run.intent.details.userEmail !== null : event.run.kind === 'user-recheck' ? true : null;
      const progress =
        event.run.kind === 'users' ? usersProgress() : event.run.kind === 'reach' ? reachProgress() : initialProgress(withUser);
      return { kind: 'running', run: event.run, returnTo, progress, said: '', startedAt: event.at };
    }
    case 'progress': {
      if (state.kind !== 'running') return state;
      const said = announcement(event.event);
      return { ...state, progress: applyProgress(state.progress, event.event), said: said ?? state.said };
    }
    case 'run-finished':
      return state.kind === 'running' ? finishRun(state, event.result) : state;
    case 'answer':
      if (state.kind === 'reach-result') return event.step === 'reach' ? answerReach(state, event.answer) : state;
      return state.kind === 'result' ? answer(state, event.step, event.answer) : state;
    case 'change-answer':
      if (state.kind === 'reach-result') {
        return event.step === 'reach' && event.index >= 0 && event.index < state.answers.length
          ? { ...state, answers: state.answers.slice(0, event.index) }
          : state;
      }
      if (event.step === 'explain') {
        return state.kind === 'explained' && event.index >= 0 && event.index < state.answers.length
          ? { ...state, answers: state.answers.slice(0, event.index) }
          : state;
      }
      return state.kind === 'result' ? changeAnswer(state, event.step, event.index) : state;
    case 'restart-questions':
      if (state.kind === 'reach-result') return event.step === 'reach' ? { ...state, answers: [] } : state;
      if (event.step === 'explain') return state.kind === 'explained' ? { ...state, answers: [] } : state;
      return state.kind === 'result' ? changeAnswer(state, event.step, 0) : state;
    case 'history-opened':
      return state.kind === 'start' ? historyResult(event.id, event.report) : state;
    case 'history-reach-opened':
      return state.kind === 'start' ? historyReach(event.id, event.report) : state;
    case 'history-explanation-opened':
      return state.kind === 'start' ? pastExplanation(event.id, event.report) : state;
    case 'open-user-recheck':
      return state.kind === 'result' && userRecheckOffered(state) ? { kind: 'user-recheck', result: state, notice: null } : state;
    case 'user-recheck-confirm':
      if (state.kind !== 'user-recheck' || state.notice?.kind !== 'refused' || state.notice.refusal.kind !== 'needs-change') return state;
      return { ...state, notice: { kind: 'refused', refusal: { ...state.notice.refusal, confirmed: event.confirmed } } };
    case 'user-recheck-gate': {
      if (state.kind !== 'user-recheck') return state;
      const notice = userRecheckNotice(state.notice, event.gate);
      return JSON.stringify(notice) === JSON.stringify(state.notice) ? state : { ...state, notice };
    }
    case 'check-again-invalid':
      return state.kind === 'result' && isConnectionRun(state.run)
        ? { kind: 'details', notice: { kind: 'problem', error: INVALID_FOR_AGAIN } }
        : state;
    case 'open-report':
      if (state.kind === 'explained') return { kind: 'explain-report', explained: state };
      if (state.kind === 'reach-result') return { kind: 'reach-report', result: state };
      return state.kind === 'result' ? { kind: 'report', result: state } : state;
    case 'ticket':
      if (state.kind === 'reach-report') return { ...state, result: { ...state.result, ticket: event.text } };
      return state.kind === 'report' ? { ...state, result: { ...state.result, ticket: event.text } } : state;
    case 'open-explain':
      return state.kind === 'start' ? { kind: 'explain-input', text: '', error: null } : state;
    case 'explain-text':
      return state.kind === 'explain-input' ? { ...state, text: event.text } : state;
    case 'explain-started':
      return state.kind === 'explain-input' && state.text.trim() !== '' ? { kind: 'explaining', text: state.text } : state;
    case 'explain-finished':
      return state.kind === 'explaining' ? explainFinished(state.text, event.result) : state;
    case 'choose-candidate':
      return state.kind === 'explained' ? chooseCandidate(state, event.id) : state;
    case 'explain-answer':
      return state.kind === 'explained' ? answerExplained(state, event.answer) : state;
    case 'check-next':
      return state.kind === 'explained' && !state.past && checkCanTest(state) ? FRESH_DETAILS : state;
    case 'open-users': {
      // From the start screen, or from a check that passed: the connection is then known to work.
      const from = state.kind === 'start' || (state.kind === 'result' && isConnectionRun(state.run) && state.outcome.report.ok);
      if (!from) return state;
      return event.intent ? usersInput(event.intent) : { kind: 'details', notice: null, next: 'users' };
    }
    case 'users-text':
      return state.kind === 'users-input' ? { ...state, text: event.text, preview: null, error: null } : state;
    case 'users-previewed':
      if (state.kind !== 'users-input' || state.text !== event.text) return state;
      return event.result.ok
        ? { ...state, preview: event.result.data, error: null }
        : { ...state, preview: null, error: event.result.error };
    case 'users-confirm-change':
      if (state.kind !== 'users-input' || state.refusal?.kind !== 'needs-change') return state;
      return {
        ...state,
        refusal: { ...state.refusal, confirmed: event.confirmed },
        intent: { ...state.intent, confirmedChange: event.confirmed },
      };
    case 'users-finished':
      return state.kind === 'running' ? finishUsers(state, event.result) : state;
    case 'users-filter':
      return state.kind === 'users-result' ? { ...state, filter: event.filter } : state;
    case 'users-sort':
      return state.kind === 'users-result' ? { ...state, sort: event.sort } : state;
    case 'users-exported':
      if (state.kind !== 'users-result') return state;
      if (!event.result.ok) return { ...state, exported: null, exportError: event.result.error };
      return event.result.data.saved ? { ...state, exported: { fileName: event.result.data.fileName }, exportError: null } : state;
  }
}

export type StartupState = { kind: 'loading' } | { kind: 'loaded'; info: StartupInfo } | { kind: 'failed'; error: IpcError };

export interface WizardOptions {
  /** The state to begin in (tests); the start screen otherwise. */
  initial?: WizardState | undefined;
  /** Milliseconds since the epoch, for the running screen's elapsed time. */
  now?: () => number;
}

/** The running wizard: its state, the form it keeps across screens, and the effects of its intents. */
export class Wizard {
  state: WizardState = $state.raw(START);
  startup: StartupState = $state.raw({ kind: 'loading' });
  /** Kept here, not in a state, so Back, Start over and Check again find it as the admin left it. */
  readonly form = new DetailsForm();
  /** The Onshape user's email and password for "Check only the Onshape user again". */
  readonly userRecheckForm = new UserRecheckForm();
  private readonly now: () => number;
  private gateQueries = 0;

  constructor(
    private readonly api: DoctorApi,
    options: WizardOptions = {},
  ) {
    if (options.initial) this.state = options.initial;
    this.now = options.now ?? Date.now;
  }

  send(event: WizardEvent): void {
    this.state = transition(this.state, event);
  }

  /** Listens to progress events; returns the unsubscribe function. */
  listen(): () => void {
    return this.api.onCheckProgress((event) => this.send({ type: 'progress', event }));
  }

  async loadStartup(): Promise<StartupInfo | null> {
    this.startup = { kind: 'loading' };
    const result = await safeCall(() => this.api.getStartup());
    if (!result.ok) {
      this.startup = { kind: 'failed', error: result.error };
      return null;
    }
    this.startup = { kind: 'loaded', info: result.data };
    this.form.fillFrom(result.data.profile);
    return result.data;
  }

  /** Continue on the warning screen: runs the check the admin just confirmed. */
  async continueCheck(): Promise<void> {
    if (this.state.kind !== 'warning') return;
    await this.run({ kind: 'check', intent: this.state.intent });
  }

  async pickScenario(scenario: ScenarioSummary): Promise<void> {
    if (this.state.kind !== 'practice') return;
    await this.run({ kind: 'practice', scenario });
  }

  /** "Check again" on the result screen: the details as they are in the form now, not the old request. */
  async checkAgain(confirmedChange: boolean): Promise<void> {
    const state = this.state;
    if (state.kind !== 'result') return;
    if (state.run.kind === 'history') return;
    if (state.run.kind === 'practice') {
      await this.run(state.run);
      return;
    }
    const startup = this.startup;
    const intent = startup.kind === 'loaded' ? this.form.intent(startup.info.dataCentres, startup.info.keychain.available) : null;
    if (!intent) {
      this.form.markSubmitted();
      this.send({ type: 'check-again-invalid' });
      return;
    }
    await this.run({ kind: 'check', intent: { ...intent, confirmedChange } });
  }

  /** "Check only the Onshape user again" on a result: the small form, with that check's Onshape user's email. */
  openUserRecheck(): void {
    const state = this.state;
    if (state.kind !== 'result') return;
    this.send({ type: 'open-user-recheck' });
    if (this.state.kind === 'user-recheck') this.userRecheckForm.reset(userRecheckBase(state)?.details.userEmail ?? '');
  }

  /**
   * Runs the re-check with the corrected Onshape user: the shown run's connection and integration
   * credential, and the confirmation ticked here (which speaks for the Onshape user only). The details
   * form takes the correction too, so a later "Check again" sends what the admin typed last.
   */
  async recheckUser(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'user-recheck') return;
    const base = userRecheckBase(state.result);
    const user = this.userRecheckForm.submit();
    if (!base || !user) return;
    const confirmed = state.notice?.kind === 'refused' && state.notice.refusal.kind === 'needs-change' && state.notice.refusal.confirmed;
    this.form.checkUser = true;
    this.form.userEmail = user.email;
    this.form.userPassword = user.password;
    this.form.useRememberedUser = false;
    await this.run({
      kind: 'user-recheck',
      intent: {
        ...base,
        details: { ...base.details, userEmail: user.email },
        userPassword: { source: 'typed', value: user.password },
        userChangeConfirmed: confirmed,
      },
    });
  }

  /** Asks the guard about the re-check as the small form holds it now; the answer updates that form's notice. */
  async checkUserRecheckGate(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'user-recheck') return;
    const base = userRecheckBase(state.result);
    const { email, password } = this.userRecheckForm;
    if (!base || emailProblem(email, 'Onshape user') !== null || password.length > MAX_SECRET_LENGTH) return;
    const query: GateQuery = {
      details: { ...base.details, userEmail: email.trim() },
      integrationSecret: base.integrationSecret,
      userPassword: password === '' ? { source: 'none' } : { source: 'typed', value: password },
    };
    const asked = ++this.gateQueries;
    const result = await safeCall(() => this.api.gateFor(query));
    if (result.ok && asked === this.gateQueries) this.send({ type: 'user-recheck-gate', gate: result.data });
  }

  /** Explain on the explain screen: the pasted text, explained by the service without any connection. */
  async explain(): Promise<void> {
    this.send({ type: 'explain-started' });
    const state = this.state;
    if (state.kind !== 'explaining') return;
    const result = await safeCall(() => this.api.explainMessage({ text: state.text }));
    this.send({ type: 'explain-finished', result });
  }

  /** "Check Onshape users": straight to the list when the form holds usable details, else to the details first. */
  openUsers(): void {
    const startup = this.startup;
    const intent = startup.kind === 'loaded' ? this.form.intent(startup.info.dataCentres, startup.info.keychain.available) : null;
    this.send({ type: 'open-users', intent });
  }

  /** Reads the list (pasted or a file's text) in the main process: how many emails, which lines are invalid, the cost. */
  async previewUsers(text: string): Promise<void> {
    this.send({ type: 'users-text', text });
    if (text.trim() === '') return;
    const result = await safeCall(() => this.api.previewUsers(text));
    this.send({ type: 'users-previewed', text, result });
  }

  async runUsers(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'users-input' || state.preview === null) return;
    const { details, integrationSecret, remember, confirmedChange, proxy, connectTimeoutSeconds } = state.intent;
    await this.run({
      kind: 'users',
      intent: {
        details: { ...details, userEmail: null },
        integrationSecret,
        remember,
        confirmedChange,
        proxy,
        connectTimeoutSeconds,
        emailsText: state.text,
      },
    });
  }

  async exportUsers(format: ExportRequest['format']): Promise<void> {
    if (this.state.kind !== 'users-result') return;
    const result = await safeCall(() => this.api.exportReport({ format, supportTicket: null, diagnosisPath: [], historyId: null }));
    this.send({ type: 'users-exported', result });
  }

  /** Asks the guard about the details as the form holds them now; the answer updates the details screen. */
  async checkGate(query: GateQuery): Promise<void> {
    const asked = ++this.gateQueries;
    const result = await safeCall(() => this.api.gateFor(query));
    // Only the answer for the details as they are now counts; a failed query changes nothing (the check
    // itself is still refused if it has to be).
    if (result.ok && asked === this.gateQueries) this.send({ type: 'gate', gate: result.data });
  }

  /** Opens a past result from the recent checks; returns the error when it could not be opened. */
  async openHistory(id: string): Promise<IpcError | null> {
    if (this.state.kind !== 'start') return null;
    const result = await safeCall(() => this.api.openHistory(id));
    if (!result.ok) return result.error;
    const entry = result.data;
    if (entry.kind === 'explain') this.send({ type: 'history-explanation-opened', id, report: entry.report });
    else if (entry.kind === 'reach') this.send({ type: 'history-reach-opened', id, report: entry.report });
    else this.send({ type: 'history-opened', id, report: entry.report });
    return null;
  }

  async cancel(): Promise<void> {
    if (this.state.kind !== 'running') return;
    await safeCall(() => this.api.cancelCheck());
  }

  /** "Test the network" on its form: the reach step alone, with no credential. */
  async testNetwork(intent: ReachIntent): Promise<void> {
    if (this.state.kind !== 'reach-input') return;
    await this.run({ kind: 'reach', intent });
  }

  /** "Test again" on the network test's result: the same address, proxy and limit. */
  async testNetworkAgain(): Promise<void> {
    if (this.state.kind !== 'reach-result' || this.state.historyId !== null) return;
    await this.run({ kind: 'reach', intent: this.state.intent });
  }

  private async run(run: Run | ReachRun): Promise<void> {
    const before = this.state;
    this.send({ type: 'run-started', run, at: this.now() });
    if (this.state === before) return;
    if (run.kind === 'reach') {
      const intent = run.intent;
      this.send({ type: 'reach-finished', result: await safeCall(() => this.api.runReach(intent)) });
      return;
    }
    if (run.kind === 'users') {
      const intent = run.intent;
      this.send({ type: 'users-finished', result: await safeCall(() => this.api.runUsersCheck(intent)) });
      return;
    }
    const result = await safeCall(() => {
      switch (run.kind) {
        case 'check':
          return this.api.runCheck(run.intent);
        case 'user-recheck':
          return this.api.recheckUser(run.intent);
        case 'practice':
          return this.api.runPractice({ scenario: run.scenario.name });
      }
    });
    this.send({ type: 'run-finished', result });
  }
}
