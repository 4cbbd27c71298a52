// The wizard's state machine: its transitions (pure), its effects against a scripted API, and its routing
// (every state renders a screen; a refused check is answered on the details screen).
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckOutcome, GateQuery, IpcError, Result } from '../../common/ipc/contract';
import Wizard from '../../renderer/src/Wizard.svelte';
import { DOCTOR_API_KEY } from '../../renderer/src/lib/context';
import {
  CANCELLED_MESSAGE,
  REACH_CANCELLED_MESSAGE,
  Wizard as WizardMachine,
  transition,
  type DetailsState,
  type WizardEvent,
  type WizardKind,
  type WizardState,
} from '../../renderer/src/lib/wizard.svelte';
import { SCENARIOS, login4089Outcome, passedOutcome, reachRefusedOutcome, startupInfo } from './support/fixtures';
import { expectFocused, failedHeading, fillValidDetails, heading, openDetails, renderApp, screen } from './support/render-app';
import { createScriptedApi } from './support/scripted-api';
import { EXPLAINED, INTENT, REACH_INTENT, RESULT, WIZARD_STATE_EXAMPLES } from './support/wizard-states';

const NEEDS_CHANGE: IpcError = { code: 'recheck-needs-change', message: 'The last check of this account failed; confirm a change.' };
const ok = (data: CheckOutcome): Result<CheckOutcome> => ({ ok: true, data });

const EVENTS: WizardEvent[] = [
  { type: 'open-details' },
  { type: 'open-practice' },
  { type: 'back' },
  { type: 'start-over' },
  { type: 'submit-details', intent: INTENT },
  { type: 'confirm-change', confirmed: true },
  { type: 'gate', gate: { integration: { waitUntil: null, needsChange: true, reason: 'Held.' }, user: null } },
  { type: 'run-started', run: { kind: 'check', intent: INTENT }, at: 0 },
  { type: 'run-started', run: { kind: 'practice', scenario: SCENARIOS[0]! }, at: 0 },
  { type: 'progress', event: { type: 'step-started', step: 'login', at: '2025-11-22T10:00:00Z' } },
  { type: 'run-finished', result: ok(passedOutcome()) },
  { type: 'run-finished', result: { ok: false, error: NEEDS_CHANGE } },
  { type: 'answer', step: 'login', answer: 'yes' },
  { type: 'check-again-invalid' },
  { type: 'open-report' },
  { type: 'ticket', text: 'T-1' },
  { type: 'open-explain' },
  { type: 'explain-text', text: '3024' },
  { type: 'explain-started' },
  { type: 'explain-finished', result: { ok: true, data: EXPLAINED.explanation } },
  {
    type: 'explain-finished',
    result: { ok: false, error: { code: 'invalid-payload', message: 'Paste the error message Onshape shows first.' } },
  },
  { type: 'choose-candidate', id: 'add-file.3024' },
  { type: 'explain-answer', answer: 'yes' },
  { type: 'check-next' },
  { type: 'open-user-recheck' },
  { type: 'user-recheck-confirm', confirmed: true },
  {
    type: 'run-started',
    run: {
      kind: 'user-recheck',
      intent: { ...INTENT, details: { ...INTENT.details, userEmail: 'dana@example.com' }, userChangeConfirmed: false },
    },
    at: 0,
  },
];

EVENTS.push(
  { type: 'open-reach' },
  { type: 'run-started', run: { kind: 'reach', intent: REACH_INTENT }, at: 0 },
  { type: 'reach-finished', result: { ok: true, data: reachRefusedOutcome() } },
  { type: 'reach-finished', result: { ok: false, error: { code: 'check-in-progress', message: 'A check is already running.' } } },
  { type: 'answer', step: 'reach', answer: 'no' },
  { type: 'change-answer', step: 'reach', index: 0 },
  { type: 'restart-questions', step: 'reach' },
);

const KINDS = Object.keys(WIZARD_STATE_EXAMPLES) as WizardKind[];

function refusedDetails(confirmed: boolean): DetailsState {
  return { kind: 'details', notice: { kind: 'refused', refusal: { kind: 'needs-change', message: NEEDS_CHANGE.message, confirmed } } };
}

function runFrom(state: WizardState, result: Result<CheckOutcome>): WizardState {
  const running = transition(state, { type: 'run-started', run: { kind: 'check', intent: INTENT }, at: 0 });
  expect(running.kind).toBe('running');
  return transition(running, { type: 'run-finished', result });
}

describe('wizard transitions', () => {
  it('the network test: start → form → running (one step) → result → report, Back to the form; cancel and refusal return to it', () => {
    const form = transition({ kind: 'start' }, { type: 'open-reach' });
    expect(form).toEqual({ kind: 'reach-input', error: null });
    const running = transition(form, { type: 'run-started', run: { kind: 'reach', intent: REACH_INTENT }, at: 0 });
    expect(running).toMatchObject({ kind: 'running', progress: [{ step: 'reach', status: 'waiting' }] });
    // A check's answer does not end a network test, nor the other way round.
    expect(transition(running, { type: 'run-finished', result: ok(passedOutcome()) })).toBe(running);
    const result = transition(running, { type: 'reach-finished', result: { ok: true, data: reachRefusedOutcome() } });
    expect(result).toMatchObject({ kind: 'reach-result', intent: REACH_INTENT, answers: [] });
    const answered = transition(result, { type: 'answer', step: 'reach', answer: 'no' });
    expect(answered).toMatchObject({ answers: [{ causeId: 'wrong-address', answer: 'no' }] });
    expect(transition(answered, { type: 'answer', step: 'login', answer: 'no' })).toBe(answered);
    expect(transition(answered, { type: 'change-answer', step: 'reach', index: 0 })).toMatchObject({ answers: [] });
    const report = transition(answered, { type: 'open-report' });
    expect(report).toMatchObject({ kind: 'reach-report' });
    expect(transition(transition(report, { type: 'ticket', text: 'SR-1' }), { type: 'back' })).toMatchObject({
      kind: 'reach-result',
      ticket: 'SR-1',
    });
    expect(transition(result, { type: 'back' })).toEqual({ kind: 'reach-input', error: null });
    expect(transition(result, { type: 'open-details' })).toEqual({ kind: 'details', notice: null });
    const cancelled = transition(running, {
      type: 'reach-finished',
      result: { ok: true, data: { ...reachRefusedOutcome(), cancelled: true } },
    });
    expect(cancelled).toEqual({ kind: 'reach-input', error: { code: 'cancelled', message: REACH_CANCELLED_MESSAGE } });
    const busy = { code: 'check-in-progress' as const, message: 'A check is already running.' };
    expect(transition(running, { type: 'reach-finished', result: { ok: false, error: busy } })).toEqual({
      kind: 'reach-input',
      error: busy,
    });
  });

  it('every event in every state leads to a state the router knows (an unhandled event changes nothing)', () => {
    for (const kind of KINDS) {
      for (const event of EVENTS) {
        const next = transition(WIZARD_STATE_EXAMPLES[kind].state, event);
        expect(KINDS).toContain(next.kind);
      }
    }
    const warning = WIZARD_STATE_EXAMPLES.warning.state;
    expect(transition(warning, { type: 'answer', step: 'login', answer: 'yes' })).toBe(warning);
  });

  it('the explain path: blank text is not explained, an error keeps the text, Back keeps it too', () => {
    const input = transition({ kind: 'start' }, { type: 'open-explain' });
    expect(input).toEqual({ kind: 'explain-input', text: '', error: null });
    expect(transition(input, { type: 'explain-started' })).toBe(input);
    const typed = transition(input, { type: 'explain-text', text: '3024' });
    const explaining = transition(typed, { type: 'explain-started' });
    expect(explaining).toEqual({ kind: 'explaining', text: '3024' });
    const error = { code: 'internal' as const, message: 'Broken.' };
    expect(transition(explaining, { type: 'explain-finished', result: { ok: false, error } })).toEqual({
      kind: 'explain-input',
      text: '3024',
      error,
    });
    expect(transition(EXPLAINED, { type: 'back' })).toEqual({ kind: 'explain-input', text: EXPLAINED.text, error: null });
    // A reserve-number error is not one a check can test: no check is offered next.
    expect(transition(EXPLAINED, { type: 'check-next' })).toBe(EXPLAINED);
    expect(transition(EXPLAINED, { type: 'choose-candidate', id: 'login.4001' })).toBe(EXPLAINED);
  });

  it('a refusal of a check started from the details lands on the details screen, with the confirmation unticked', () => {
    const warning = transition({ kind: 'details', notice: null }, { type: 'submit-details', intent: INTENT });
    expect(runFrom(warning, { ok: false, error: NEEDS_CHANGE })).toEqual(refusedDetails(false));
    const retryAt = '2025-11-22T10:05:00.000Z';
    expect(runFrom(warning, { ok: false, error: { code: 'recheck-wait', message: 'Locked.', retryAt } })).toEqual({
      kind: 'details',
      notice: { kind: 'refused', refusal: { kind: 'wait', message: 'Locked.', retryAt } },
    });
    expect(runFrom(warning, { ok: false, error: { code: 'secret-missing', message: 'Type it.' } })).toEqual({
      kind: 'details',
      notice: { kind: 'problem', error: { code: 'secret-missing', message: 'Type it.' } },
    });
  });

  it('the ticked confirmation goes with the next intent, and Back from the warning keeps it ticked', () => {
    const confirmed = transition(refusedDetails(false), { type: 'confirm-change', confirmed: true });
    expect(confirmed).toEqual(refusedDetails(true));
    const warning = transition(confirmed, { type: 'submit-details', intent: INTENT });
    expect(warning).toMatchObject({ kind: 'warning', intent: { confirmedChange: true } });
    expect(transition(warning, { type: 'back' })).toEqual(refusedDetails(true));
    const unconfirmed = transition(refusedDetails(false), { type: 'submit-details', intent: INTENT });
    expect(unconfirmed).toMatchObject({ kind: 'warning', intent: { confirmedChange: false } });
  });

  it('a cancelled run goes back where it started, saying so; a finished one shows a fresh result', () => {
    const warning = transition({ kind: 'details', notice: null }, { type: 'submit-details', intent: INTENT });
    expect(runFrom(warning, ok({ ...passedOutcome(), cancelled: true }))).toEqual({
      kind: 'details',
      notice: { kind: 'problem', error: { code: 'cancelled', message: CANCELLED_MESSAGE } },
    });
    const answered = transition(RESULT, { type: 'answer', step: 'login', answer: 'no' });
    const again = runFrom(answered, ok(login4089Outcome()));
    expect(again).toMatchObject({ kind: 'result', answers: {}, answerOrder: [], ticket: '' });
  });

  it('a run cannot start while one runs; Back while running changes nothing', () => {
    const running = WIZARD_STATE_EXAMPLES.running.state;
    expect(transition(running, { type: 'run-started', run: { kind: 'check', intent: INTENT }, at: 1 })).toBe(running);
    expect(transition(running, { type: 'back' })).toBe(running);
    expect(transition(running, { type: 'start-over' })).toBe(running);
  });

  it('Back on the result leaves it for a details screen without the old notice, answers or not: it never undoes an answer', () => {
    const answered = transition(RESULT, { type: 'answer', step: 'login', answer: 'no' });
    expect(answered).toMatchObject({ answers: { login: [{ answer: 'no' }] } });
    expect(transition(answered, { type: 'back' })).toEqual({ kind: 'details', notice: null });
    expect(transition(RESULT, { type: 'back' })).toEqual({ kind: 'details', notice: null });
  });

  it('changing an answer takes it back with every later one of that step; starting again takes back all of them', () => {
    const three = (['no', 'not-sure', 'no'] as const).reduce<WizardState>(
      (state, answer) => transition(state, { type: 'answer', step: 'login', answer }),
      RESULT,
    );
    expect(three).toMatchObject({
      answers: { login: [{ answer: 'no' }, { answer: 'not-sure' }, { answer: 'no' }] },
      answerOrder: ['login', 'login', 'login'],
    });
    const changed = transition(three, { type: 'change-answer', step: 'login', index: 1 });
    expect(changed).toMatchObject({ kind: 'result', answers: { login: [{ answer: 'no' }] }, answerOrder: ['login'] });
    // An index that is not an answer changes nothing.
    expect(transition(changed, { type: 'change-answer', step: 'login', index: 5 })).toBe(changed);
    expect(transition(three, { type: 'restart-questions', step: 'login' })).toMatchObject({ answers: { login: [] }, answerOrder: [] });
  });

  it('a past result from the history opens only from the start screen, cannot be checked again, and Back returns to the start', async () => {
    const report = RESULT.outcome.report;
    expect(transition(RESULT, { type: 'history-opened', id: 'abcdefgh12', report })).toBe(RESULT);
    const opened = transition({ kind: 'start' }, { type: 'history-opened', id: 'abcdefgh12', report });
    expect(opened).toMatchObject({
      kind: 'result',
      run: { kind: 'history', id: 'abcdefgh12' },
      recheck: { waitUntil: null, needsChange: false },
    });
    expect(transition(opened, { type: 'back' })).toEqual({ kind: 'start' });
    const scripted = createScriptedApi();
    const wizard = new WizardMachine(scripted.api, { initial: opened });
    await wizard.checkAgain(true);
    expect(scripted.payloadsOf('runCheck')).toEqual([]);
  });

  it('the report keeps the support ticket across Back and returning', () => {
    const report = transition(transition(RESULT, { type: 'open-report' }), { type: 'ticket', text: 'CASE-7' });
    const result = transition(report, { type: 'back' });
    expect(result).toMatchObject({ kind: 'result', ticket: 'CASE-7' });
    expect(transition(result, { type: 'open-report' })).toMatchObject({ kind: 'report', result: { ticket: 'CASE-7' } });
  });
});

describe("the guard's answer for the details as they are now", () => {
  const open = { waitUntil: null, needsChange: false, reason: null };
  const held = { waitUntil: null, needsChange: true, reason: 'The last check of this account failed.' };

  it('shows a hold on the details screen, keeps a ticked confirmation, and lifts it when the guard does', () => {
    const shown = transition({ kind: 'details', notice: null }, { type: 'gate', gate: { integration: held, user: null } });
    expect(shown).toEqual({
      kind: 'details',
      notice: { kind: 'refused', refusal: { kind: 'needs-change', message: held.reason, confirmed: false } },
    });
    const ticked = transition(shown, { type: 'confirm-change', confirmed: true });
    expect(transition(ticked, { type: 'gate', gate: { integration: held, user: null } })).toBe(ticked);
    expect(transition(ticked, { type: 'gate', gate: { integration: open, user: null } })).toEqual({ kind: 'details', notice: null });
  });

  it('a lockout of either account wins over a needed confirmation; a problem notice stays when nothing holds', () => {
    const waitUntil = '2025-11-22T10:05:00.000Z';
    const gate = { integration: held, user: { waitUntil, needsChange: false, reason: 'The Onshape user is locked.' } };
    expect(transition({ kind: 'details', notice: null }, { type: 'gate', gate })).toEqual({
      kind: 'details',
      notice: { kind: 'refused', refusal: { kind: 'wait', message: 'The Onshape user is locked.', retryAt: waitUntil } },
    });
    const problem: DetailsState = { kind: 'details', notice: { kind: 'problem', error: { code: 'cancelled', message: 'Cancelled.' } } };
    expect(transition(problem, { type: 'gate', gate: { integration: open, user: null } })).toBe(problem);
  });
});

describe('wizard effects', () => {
  it('a cancelled check says what the main process says was left in Arena', async () => {
    const note = "Cancelled; Arena's late answer was logged out of.";
    const scripted = createScriptedApi({ checkResults: [ok({ ...passedOutcome(), cancelled: true, cancelNote: note })] });
    const wizard = new WizardMachine(scripted.api, { initial: WIZARD_STATE_EXAMPLES.warning.state });
    await wizard.continueCheck();
    expect(wizard.state).toEqual({ kind: 'details', notice: { kind: 'problem', error: { code: 'cancelled', message: note } } });
  });

  it('only the answer to the latest gate query counts, even when an older one arrives last', async () => {
    const held = { waitUntil: null, needsChange: true, reason: 'Held.' };
    const open = { waitUntil: null, needsChange: false, reason: null };
    const isOld = (query: GateQuery) => query.integrationSecret.source === 'typed' && query.integrationSecret.value === 'wt-old';
    const scripted = createScriptedApi({ gate: (query) => ({ integration: isOld(query) ? held : open, user: null }) });
    // The answer about the old token is slow: it arrives after the one about the new token.
    const api = {
      ...scripted.api,
      gateFor: async (query: GateQuery) => {
        if (isOld(query)) await new Promise((resolve) => setTimeout(resolve, 30));
        return scripted.api.gateFor(query);
      },
    };
    const wizard = new WizardMachine(api, { initial: { kind: 'details', notice: null } });
    const query = (value: string): GateQuery => ({
      details: INTENT.details,
      integrationSecret: { source: 'typed', value },
      userPassword: { source: 'none' },
    });
    await Promise.all([wizard.checkGate(query('wt-old')), wizard.checkGate(query('wt-new'))]);
    expect(scripted.payloadsOf('gateFor')).toHaveLength(2);
    expect(wizard.state).toEqual({ kind: 'details', notice: null });
  });

  it('"Check again" sends the details as they are in the form now, not the request of the shown result', async () => {
    const scripted = createScriptedApi({ checkResults: [ok(passedOutcome())] });
    const wizard = new WizardMachine(scripted.api, { initial: RESULT });
    await wizard.loadStartup();
    Object.assign(wizard.form, {
      workspaceId: '987654321',
      integrationEmail: 'new-user@example.com',
      integrationSecret: 'wt-corrected-0001',
    });
    await wizard.checkAgain(true);
    expect(scripted.payloadsOf('runCheck')).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ workspaceId: 987654321, integrationEmail: 'new-user@example.com' }),
        integrationSecret: { source: 'typed', value: 'wt-corrected-0001' },
        confirmedChange: true,
      }),
    ]);
    expect(wizard.state.kind).toBe('result');
  });

  it('"Check again" with details that are no longer valid opens the details instead of sending anything', async () => {
    const scripted = createScriptedApi();
    const wizard = new WizardMachine(scripted.api, { initial: RESULT });
    await wizard.loadStartup();
    await wizard.checkAgain(false);
    expect(scripted.payloadsOf('runCheck')).toHaveLength(0);
    expect(wizard.state).toMatchObject({ kind: 'details', notice: { kind: 'problem' } });
    expect(wizard.form.submitted).toBe(true);
  });

  it('Continue pressed twice runs one check', async () => {
    const scripted = createScriptedApi({ holdRuns: true });
    const wizard = new WizardMachine(scripted.api, { initial: WIZARD_STATE_EXAMPLES.warning.state });
    const first = wizard.continueCheck();
    const second = wizard.continueCheck();
    scripted.release();
    await Promise.all([first, second]);
    expect(scripted.payloadsOf('runCheck')).toHaveLength(1);
  });
});

describe('wizard routing', () => {
  it('every state renders a screen with its heading', async () => {
    for (const kind of KINDS) {
      const { state, heading: name } = WIZARD_STATE_EXAMPLES[kind];
      const scripted = createScriptedApi({ startup: startupInfo() });
      const { unmount } = render(Wizard, { props: { initial: state }, context: new Map([[DOCTOR_API_KEY, scripted.api]]) });
      const shown = await screen.findByRole('heading', { level: 1, name });
      expect(shown, kind).toHaveTextContent(name);
      unmount();
    }
  });
});

describe('after a "check again only after a change" failure', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function runFromDetails(rendered: ReturnType<typeof renderApp>): Promise<void> {
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
  }

  it('Back, a corrected WebToken and Continue run the check once, with the corrected token', async () => {
    const rendered = renderApp({ checkResults: [ok(login4089Outcome()), ok(passedOutcome())] });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await runFromDetails(rendered);
    await failedHeading();
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    expectFocused(await heading('Connection details'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const token = screen.getByLabelText('WebToken');
    await rendered.user.clear(token);
    await rendered.user.type(token, 'wt-corrected-0001');
    await runFromDetails(rendered);
    await heading('The connection works');
    const sent = rendered.scripted.payloadsOf('runCheck');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ integrationSecret: { source: 'typed', value: 'wt-corrected-0001' }, confirmedChange: false });
  });

  const HELD_TOKEN = 'wt-0123456789abcdef';
  const held = { waitUntil: null, needsChange: true, reason: 'The last check of this account failed with this WebToken.' };
  const open = { waitUntil: null, needsChange: false, reason: null };
  /** Like the service's guard: after the first check, the WebToken it rejected is held until a change is confirmed. */
  const guardLike = (query: GateQuery, checks: number) => ({
    integration: checks > 0 && query.integrationSecret.source === 'typed' && query.integrationSecret.value === HELD_TOKEN ? held : open,
    user: null,
  });

  it('Back shows the hold on the details screen with the confirmation right there; a new WebToken lifts it', async () => {
    const rendered = renderApp({ checkResults: [ok(login4089Outcome()), ok(passedOutcome())], gate: guardLike });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await runFromDetails(rendered);
    await failedHeading();
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Connection details');
    expect(await screen.findByRole('alert')).toHaveTextContent(held.reason);
    expect(screen.getByLabelText(/I changed something since the last check/)).not.toBeChecked();
    const token = screen.getByLabelText('WebToken');
    await rendered.user.clear(token);
    await rendered.user.type(token, 'wt-corrected-0001');
    await vi.waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.queryByLabelText(/I changed something/)).not.toBeInTheDocument();
  });

  it('the same details again: ticking the confirmation sends it with the check', async () => {
    const rendered = renderApp({ checkResults: [ok(login4089Outcome()), ok(passedOutcome())], gate: guardLike });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await runFromDetails(rendered);
    await failedHeading();
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Connection details');
    await rendered.user.click(await screen.findByLabelText(/I changed something since the last check/));
    await runFromDetails(rendered);
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck').map((intent) => intent.confirmedChange)).toEqual([false, true]);
  });

  it('a refusal of the check itself shows on the details screen too (when the guard could not be asked first)', async () => {
    const rendered = renderApp({
      checkResults: [{ ok: false, error: NEEDS_CHANGE }, ok(passedOutcome())],
      failures: { gateFor: { code: 'internal', message: 'No answer.' } },
    });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await runFromDetails(rendered);
    await heading('Connection details');
    expect(screen.getByRole('alert')).toHaveTextContent(NEEDS_CHANGE.message);
    await rendered.user.click(screen.getByLabelText(/I changed something since the last check/));
    await runFromDetails(rendered);
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck').map((intent) => intent.confirmedChange)).toEqual([false, true]);
  });

  it('a lockout shows when checking is possible again in local time, not ISO, and counts down', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2025-11-22T10:00:00Z'));
    const retryAt = '2025-11-22T10:04:30.000Z';
    const locked = { waitUntil: retryAt, needsChange: false, reason: 'Arena has locked this account for five minutes.' };
    const rendered = renderApp({ gate: { integration: locked, user: null } }, { advanceTimers: vi.advanceTimersByTime });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(locked.reason);
    expect(alert).toHaveTextContent(new Date(retryAt).toLocaleString());
    expect(alert.textContent).not.toContain('2025-11-22T');
    const timer = screen.getByRole('timer', { name: 'Time left before checking again' });
    expect(timer.textContent).toMatch(/^04:(30|29|28)$/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(screen.getByRole('timer', { name: 'Time left before checking again' }).textContent).toMatch(/^03:(30|29|28)$/);
    expect(screen.queryByLabelText(/I changed something/)).not.toBeInTheDocument();
  });
});
