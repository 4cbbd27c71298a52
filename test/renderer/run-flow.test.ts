import { afterEach, describe, expect, it, vi } from 'vitest';
import { STEP_LABELS } from '../../common/labels';
import { login4089Outcome, step } from './support/fixtures';
import { expectFocused, failedHeading, fillValidDetails, heading, openDetails, renderApp, screen, within } from './support/render-app';

function stepRows(): string[] {
  const list = screen.getByRole('list', { name: 'Steps' });
  // Each step's own row (its label and status), not the timeline listed under the reach step.
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list)
    .map((item) =>
      [...item.children]
        .filter((part) => !part.classList.contains('step-detail'))
        .map((part) => part.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

describe('Before running', () => {
  it("warns that the test login can end Onshape's session; Back returns to the filled form", async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expectFocused(await heading('Before the check runs'));
    expect(screen.getByText(/a second login cancels the first/)).toBeInTheDocument();
    expect(screen.getAllByText('onshape-integration@example.com')).toHaveLength(2);
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Connection details');
    expect(screen.getByLabelText('Workspace ID')).toHaveValue('123456789');
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(0);
  });

  it('summarises where the check connects, says the Onshape user\'s password is tried once, and logs in only on "Log in now"', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await fillValidDetails(rendered);
    expect(screen.queryByText(/password is tried once/)).not.toBeInTheDocument();
    await rendered.user.click(screen.getByLabelText('Also check an Onshape user'));
    await rendered.user.type(screen.getByLabelText("Onshape user's email"), 'dana@example.com');
    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'pw-dana');
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    const summary = screen.getByRole('heading', { level: 2, name: 'Where the check connects' }).nextElementSibling;
    expect(summary?.textContent).toMatch(/Arena address\s*https:\/\/api\.arenasolutions\.com\/v1/);
    expect(summary?.textContent).toMatch(/Workspace ID\s*123456789/);
    expect(summary?.textContent).toMatch(/Integration user\s*onshape-integration@example\.com/);
    expect(summary?.textContent).toMatch(/Onshape user\s*dana@example\.com/);
    expect(screen.getByText(/The Onshape user's password is tried once/)).toHaveTextContent(/counts toward that user's lockout/);
    expect(screen.queryByRole('button', { name: 'Continue' })).not.toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(0);
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(1);
  });
});

describe('Running', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('can be cancelled: back on the details screen, saying the check was cancelled', async () => {
    const rendered = renderApp({ holdRuns: true });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Log in now' }));
    await heading('Checking the connection');
    await rendered.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expectFocused(await heading('Connection details'));
    // The main process's own words for what was left in Arena, not a sentence of the renderer's.
    expect(screen.getByRole('alert')).toHaveTextContent('Cancelled; nothing was opened in Arena.');
    expect(rendered.scripted.payloadsOf('cancelCheck')).toHaveLength(1);
    // The typed details are still there for the next try.
    expect(screen.getByLabelText('Workspace ID')).toHaveValue('123456789');
  });

  it("shows each step's live status, announces results and counts the elapsed time", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const rendered = renderApp({ holdRuns: true });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Log in now' }));
    expectFocused(await heading('Checking the connection'));

    expect(stepRows()).toEqual([
      `${STEP_LABELS.reach} waiting`,
      `${STEP_LABELS.login} waiting`,
      `${STEP_LABELS.authorize} skipped: no Onshape user`,
      `${STEP_LABELS.logout} waiting`,
    ]);
    expect(screen.getByRole('timer', { name: 'Elapsed time' })).toHaveTextContent('00:00');

    rendered.scripted.emit({ type: 'step-started', step: 'reach', at: '2025-11-22T10:00:00Z' });
    await vi.waitFor(() => expect(stepRows()[0]).toBe(`${STEP_LABELS.reach} running…`));
    rendered.scripted.emit({
      type: 'step-finished',
      result: step('reach', {
        httpStatus: 401,
        network: {
          addresses: ['52.9.1.10'],
          addressUsed: '52.9.1.10',
          proxy: null,
          route: { via: 'direct', reason: 'system-direct' },
          phases: { dnsMs: 12, connectMs: 21, tlsMs: 35, firstByteMs: 60 },
          certificate: null,
          clockOffsetSeconds: 0,
          findings: [],
        },
      }),
    });
    // The reach step's timeline: each phase in words, in order.
    const timeline = await screen.findByRole('list', { name: 'Time to reach Arena, by phase' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.trim()),
    ).toEqual(['DNS 12 ms', 'connect 21 ms', 'TLS 35 ms', 'first byte 60 ms']);
    rendered.scripted.emit({ type: 'step-started', step: 'login', at: '2025-11-22T10:00:00Z' });
    await vi.waitFor(() => expect(stepRows()[1]).toBe(`${STEP_LABELS.login} running…`));
    rendered.scripted.emit({ type: 'step-finished', result: step('login') });
    rendered.scripted.emit({ type: 'step-started', step: 'logout', at: '2025-11-22T10:00:01Z' });
    await vi.waitFor(() => expect(stepRows()[1]).toBe(`${STEP_LABELS.login} passed`));
    expect(screen.getByText(`${STEP_LABELS.login}: passed.`)).toHaveAttribute('role', 'status');
    expect(stepRows()[3]).toBe(`${STEP_LABELS.logout} running…`);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.getByRole('timer', { name: 'Elapsed time' })).toHaveTextContent('00:05');

    rendered.scripted.release();
    await heading('The connection works');
  });

  it('returns to the form with the error in plain words when the check cannot run', async () => {
    const rendered = renderApp({
      checkResults: [
        {
          ok: false,
          error: { code: 'secret-missing', message: 'The keychain no longer holds a WebToken for these details; type it again.' },
        },
      ],
    });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Log in now' }));
    await heading('Connection details');
    expect(screen.getByRole('alert')).toHaveTextContent('The keychain no longer holds a WebToken');
  });
});

describe('Practice', () => {
  it('lists the scenarios and runs the picked one without the warning step', async () => {
    const rendered = renderApp({ practiceResults: [{ ok: true, data: practiceOutcome() }] });
    await rendered.user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
    expectFocused(await heading('Practice with sample problems'));
    const pick = await screen.findByRole('button', { name: 'WebToken was regenerated' });
    expect(pick).toHaveAccessibleDescription(/Arena Support generated a new WebToken/);
    await rendered.user.click(pick);
    await failedHeading();
    expect(rendered.scripted.payloadsOf('runPractice')).toEqual([{ scenario: 'webtoken-regenerated' }]);
    expect(screen.getByText('Practice: WebToken was regenerated (simulated Arena)')).toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Practice with sample problems');
  });

  it('shows why the scenarios could not be listed', async () => {
    const rendered = renderApp({ failures: { listScenarios: { code: 'internal', message: 'The simulator did not start.' } } });
    await rendered.user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
    expect(await screen.findByText('The simulator did not start.')).toBeInTheDocument();
  });
});

function practiceOutcome(): ReturnType<typeof login4089Outcome> {
  const outcome = login4089Outcome();
  return { ...outcome, report: { ...outcome.report, practiceScenario: 'webtoken-regenerated' } };
}
