// "Check only the Onshape user again": offered only when the login passed and authorize failed; its small
// form corrects that user's email and password alone; the re-check sends the check's own connection and
// integration credential; a refusal of the guard comes back to the form with its confirmation; axe on each.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { CheckOutcome, DetailsGate, GateQuery, IpcError, Result } from '../../common/ipc/contract';
import { transition, userRecheckNotice, userRecheckOffered, type ResultState } from '../../renderer/src/lib/wizard.svelte';
import { login4089Outcome, passedOutcome } from './support/fixtures';
import { failedHeading, fillValidDetails, heading, openDetails, renderApp, screen, type Rendered } from './support/render-app';
import { authorize20000Outcome, authorizeFailedResult, USER_EMAIL } from './support/user-recheck-fixtures';
import { RESULT } from './support/wizard-states';

const ok = (data: CheckOutcome): Result<CheckOutcome> => ({ ok: true, data });
const NEEDS_CHANGE: IpcError = {
  code: 'recheck-needs-change',
  account: 'user',
  message: 'Arena refused the last check of the Onshape user (code 20000), and the same password would be refused the same way.',
};
const CONTROL = 'Check only the Onshape user again';
const REJECTED = 'Dana#Arena-2023';

/** The guard as the service answers after the authorize failure: the Onshape user is held for the rejected password (or none). */
function heldForRejected(query: GateQuery): DetailsGate {
  const open = { waitUntil: null, needsChange: false, reason: null };
  const typed = query.userPassword.source === 'typed' ? query.userPassword.value : null;
  const held = typed === null || typed === REJECTED;
  return { integration: open, user: held ? { waitUntil: null, needsChange: true, reason: NEEDS_CHANGE.message } : open };
}

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

/** Details with an Onshape user, then the check; waits for its failed result. */
async function runWithUser(rendered: Rendered): Promise<void> {
  await openDetails(rendered);
  await fillValidDetails(rendered);
  await rendered.user.click(screen.getByLabelText('Also check an Onshape user'));
  await rendered.user.type(screen.getByLabelText("Onshape user's email"), USER_EMAIL);
  await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'Dana#Arena-2023');
  await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
  await heading('Before the check runs');
  await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
  await failedHeading();
}

describe('when the control is offered', () => {
  it('only for a check whose login passed and authorize failed: not a failed login, practice, or a past check', () => {
    const failedAuthorize = authorizeFailedResult();
    expect(userRecheckOffered(failedAuthorize)).toBe(true);
    expect(transition(failedAuthorize, { type: 'open-user-recheck' }).kind).toBe('user-recheck');

    const cases: ResultState[] = [
      RESULT, // the login failed (4089)
      { ...failedAuthorize, outcome: passedOutcome() },
      { ...failedAuthorize, run: { kind: 'history', id: 'abcdefgh12' } },
      {
        ...failedAuthorize,
        run: {
          kind: 'practice',
          scenario: {
            name: 'user-wrong-password',
            title: 'x',
            description: 'x',
            group: 'authorize',
            expectedStep: 'authorize',
            expectedCode: 20000,
          },
        },
      },
    ];
    for (const state of cases) {
      expect(userRecheckOffered(state)).toBe(false);
      expect(transition(state, { type: 'open-user-recheck' })).toBe(state);
    }
  });

  it('is not on the result screen of a failed login', async () => {
    const rendered = renderApp({ checkResults: [ok(login4089Outcome())] });
    await runWithUser(rendered);
    expect(screen.queryByRole('button', { name: CONTROL })).not.toBeInTheDocument();
  });
});

describe('the re-check of the Onshape user', () => {
  it('corrects only the password, and sends the check as it ran with the new password; the result is a normal one', async () => {
    const rendered = renderApp({ checkResults: [ok(authorize20000Outcome()), ok(passedOutcome())] });
    await runWithUser(rendered);
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    await heading(CONTROL);
    expect(screen.getByLabelText('Onshape user email')).toHaveValue(USER_EMAIL);
    expect(screen.getByLabelText("Onshape user's Arena password")).toHaveValue('');
    expect(screen.queryByLabelText('Workspace ID')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('WebToken')).not.toBeInTheDocument();

    // Nothing is sent without a password.
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    expect(await screen.findByText('Enter the password.')).toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('recheckUser')).toHaveLength(0);
    expect(await violations()).toEqual([]);

    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'Dana#Arena-2025');
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    await heading('The connection works');
    const [sent] = rendered.scripted.payloadsOf('runCheck');
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(1);
    expect(rendered.scripted.payloadsOf('recheckUser')).toEqual([
      {
        details: sent?.details,
        integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
        userPassword: { source: 'typed', value: 'Dana#Arena-2025' },
        remember: sent?.remember,
        proxy: sent?.proxy,
        connectTimeoutSeconds: sent?.connectTimeoutSeconds,
        userChangeConfirmed: false,
      },
    ]);
  });

  it('a corrected email goes in the details; Back returns to the result without sending anything', async () => {
    const rendered = renderApp({ checkResults: [ok(authorize20000Outcome()), ok(passedOutcome())] });
    await runWithUser(rendered);
    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    await heading(CONTROL);
    await rendered.user.click(screen.getByRole('button', { name: 'Back to the result' }));
    await failedHeading();
    expect(rendered.scripted.payloadsOf('recheckUser')).toHaveLength(0);

    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    const email = screen.getByLabelText('Onshape user email');
    await rendered.user.clear(email);
    await rendered.user.type(email, 'dana.d@example.com');
    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'Dana#Arena-2025');
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('recheckUser')[0]?.details.userEmail).toBe('dana.d@example.com');
  });

  it("the guard's refusal comes back to the form with its confirmation, which then goes with the re-check", async () => {
    const rendered = renderApp({
      checkResults: [ok(authorize20000Outcome()), { ok: false, error: NEEDS_CHANGE }, ok(passedOutcome())],
      gate: heldForRejected,
    });
    await runWithUser(rendered);
    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'Dana#Arena-2023');
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    await heading(CONTROL);
    expect(await screen.findByRole('alert')).toHaveTextContent(NEEDS_CHANGE.message);
    // What was typed is still there.
    expect(screen.getByLabelText("Onshape user's Arena password")).toHaveValue('Dana#Arena-2023');
    expect(await violations()).toEqual([]);

    await rendered.user.click(screen.getByLabelText(/I changed something since the last check/));
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('recheckUser').map((payload) => payload.userChangeConfirmed)).toEqual([false, true]);
  });

  it('from the re-check\'s result, "Check again" runs the whole check with the corrected Onshape user', async () => {
    const rendered = renderApp({ checkResults: [ok(authorize20000Outcome()), ok(authorize20000Outcome()), ok(passedOutcome())] });
    await runWithUser(rendered);
    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'Dana#Arena-2024');
    await rendered.user.click(screen.getByRole('button', { name: 'Check the Onshape user' }));
    await failedHeading();
    // The re-check failed the same way: the control is offered again.
    expect(screen.getByRole('button', { name: CONTROL })).toBeInTheDocument();
    await rendered.user.click(screen.getByLabelText(/I have changed something/));
    await rendered.user.click(screen.getByRole('button', { name: 'Check again' }));
    await heading('The connection works');
    const checks = rendered.scripted.payloadsOf('runCheck');
    expect(checks).toHaveLength(2);
    expect(checks[1]?.userPassword).toEqual({ source: 'typed', value: 'Dana#Arena-2024' });
  });
});

describe('the hold, shown before anything is sent', () => {
  it('shows when the form opens, stays for the rejected password, and lifts for another one; the query is the re-check as typed', async () => {
    const rendered = renderApp({ checkResults: [ok(authorize20000Outcome())], gate: heldForRejected });
    await runWithUser(rendered);
    await rendered.user.click(screen.getByRole('button', { name: CONTROL }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NEEDS_CHANGE.message);
    expect(screen.getByLabelText(/I changed something since the last check/)).not.toBeChecked();

    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), REJECTED);
    const asked = (password: string) =>
      rendered.scripted
        .payloadsOf('gateFor')
        .some((query) => query.userPassword.source === 'typed' && query.userPassword.value === password);
    await expect.poll(() => asked(REJECTED)).toBe(true);
    expect(screen.getByRole('alert')).toHaveTextContent(NEEDS_CHANGE.message);

    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), '-new');
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    const last = rendered.scripted.payloadsOf('gateFor').at(-1);
    expect(last).toEqual({
      details: { ...authorize20000Outcome().report.target, userEmail: USER_EMAIL },
      integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
      userPassword: { source: 'typed', value: `${REJECTED}-new` },
    });
    expect(rendered.scripted.payloadsOf('recheckUser')).toHaveLength(0);
  });

  it('a wait of either account wins; a held integration user is said plainly, without a confirmation that could not help', () => {
    const open = { waitUntil: null, needsChange: false, reason: null };
    const held = { waitUntil: null, needsChange: true, reason: 'Held.' };
    const locked = { waitUntil: '2030-01-01T00:05:00.000Z', needsChange: false, reason: 'Locked.' };
    expect(userRecheckNotice(null, { integration: open, user: locked })).toEqual({
      kind: 'refused',
      refusal: { kind: 'wait', message: 'Locked.', retryAt: locked.waitUntil },
    });
    expect(userRecheckNotice(null, { integration: locked, user: held })).toMatchObject({ refusal: { kind: 'wait' } });
    expect(userRecheckNotice(null, { integration: held, user: held })).toMatchObject({
      kind: 'problem',
      error: { code: 'recheck-needs-change', account: 'integration' },
    });
    const ticked = { kind: 'refused', refusal: { kind: 'needs-change', message: 'Held.', confirmed: true } } as const;
    expect(userRecheckNotice(ticked, { integration: open, user: held })).toEqual(ticked);
    expect(userRecheckNotice(ticked, { integration: open, user: open })).toBeNull();
    const cancelled = { kind: 'problem', error: { code: 'cancelled', message: 'Cancelled.' } } as const;
    expect(userRecheckNotice(cancelled, { integration: open, user: open })).toEqual(cancelled);
  });
});
