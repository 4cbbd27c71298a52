import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTOR_LABELS, FACT_LABELS } from '../../common/labels';
import {
  DIAGNOSIS_4089,
  authorize20016Outcome,
  lockoutOutcome,
  login4089Outcome,
  passedOutcome,
  transportOutcome,
} from './support/fixtures';
import { localZone } from '../../renderer/src/lib/format';
import { expectFocused, failedHeading, heading, renderApp, runToFailure, runToResult, screen, within } from './support/render-app';

const [Q1, Q2, Q3, Q4] = DIAGNOSIS_4089.causes.map((cause) => cause.question);

async function questionHeading(n: number): Promise<HTMLElement> {
  return screen.findByRole('heading', { name: `Question ${n} of ${DIAGNOSIS_4089.causes.length}` });
}

describe('Result: all steps passed', () => {
  it('shows the workspace, the request budget and what to do next in Onshape', async () => {
    const rendered = renderApp({ checkResults: [{ ok: true, data: passedOutcome() }] });
    await runToResult(rendered, 'The connection works');
    expectFocused(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByText('Example Robotics (Production)')).toBeInTheDocument();
    expect(screen.getByText('24987 of 25000 requests')).toBeInTheDocument();
    // In the admin's time zone, and said to be past (the fixture's check ran in 2025).
    expect(
      screen.getByText(
        `${new Date('2025-11-23T00:00:00Z').toLocaleString()} (${localZone()}): already past, so the budget has been renewed since this check`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What to do next in Onshape' })).toBeInTheDocument();
    expect(screen.getByText('Onshape > Settings > Arena').tagName).toBe('CODE');
    expect(screen.getByText(/Refresh the Mappings/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check again' })).not.toBeInTheDocument();
  });
});

describe('Result: a step failed', () => {
  it("shows the step, Arena's code and message, the diagnosis and its facts by their labels", async () => {
    const outcome = login4089Outcome();
    const login = outcome.report.steps.find((step) => step.step === 'login')!;
    // Every fact there is, so none can reach the screen by its key.
    const facts = Object.fromEntries(Object.keys(FACT_LABELS).map((name) => [name, '7']));
    login.diagnosis = {
      ...login.diagnosis!,
      facts: { ...facts, supportCode: 'AB-12', clockOffsetSeconds: '-75', budgetResetsInMinutes: '1' },
    };
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcome }] });
    // The diagnosis is the heading, with the failed step and Arena's code right under it.
    expect(await runToFailure(rendered)).toHaveTextContent('Arena rejected the WebToken');
    expect(document.querySelector('.failed-where')).toHaveTextContent('Log in as the integration user failed · Arena code 4089 (HTTP 400)');
    const failed = screen.getByRole('article', { name: 'What the failed step got' });
    expect(failed.querySelector('.evidence')).toHaveTextContent('Arena said: Invalid Token.');
    expect(within(failed).getByText(DIAGNOSIS_4089.meaning)).toBeInTheDocument();
    expect(within(failed).getByText('Code to quote to Arena Support')).toBeInTheDocument();
    expect(within(failed).getByText('AB-12')).toBeInTheDocument();
    expect(within(failed).getByText("75 s behind Arena's")).toBeInTheDocument();
    expect(within(failed).getByText('1 minute')).toBeInTheDocument();
    // Every label is shown; no camelCase key is (one-word keys such as "value" are ordinary words).
    for (const { label } of Object.values(FACT_LABELS)) expect(within(failed).getAllByText(label).length).toBeGreaterThan(0);
    for (const name of Object.keys(FACT_LABELS).filter((key) => /[A-Z]/.test(key))) expect(failed.textContent).not.toContain(name);
  });

  it('walks the causes one question at a time: No advances, Back returns, Yes concludes', async () => {
    const rendered = renderApp({ checkResults: [{ ok: true, data: login4089Outcome() }] });
    await runToFailure(rendered);
    const { user, scripted } = rendered;

    await questionHeading(1);
    expect(screen.getByText(Q1!)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'No' }));
    expectFocused(await questionHeading(2));
    expect(screen.getByText(Q2!, { selector: '.question-text' })).toBeInTheDocument();

    // An answer is changed with its own control: that question is asked again.
    await user.click(screen.getByRole('button', { name: `Change your answer to: ${Q1}` }));
    expectFocused(await questionHeading(1));
    expect(screen.queryByRole('list', { name: 'Your answers so far' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Not sure' }));
    await questionHeading(2);
    await user.click(screen.getByRole('button', { name: 'Yes' }));

    const cause = await screen.findByRole('heading', { name: 'The likely cause' });
    expectFocused(cause);
    expect(screen.getByText(DIAGNOSIS_4089.causes[1]!.summary)).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'How to fix it' });
    const items = within(steps).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText(`Who: ${ACTOR_LABELS['arena-support']}`)).toBeInTheDocument();
    expect(within(items[1]!).getByText('Onshape > Settings > Arena').tagName).toBe('CODE');
    expect(within(items[1]!).getByText(`Who: ${ACTOR_LABELS['onshape-admin']}`)).toBeInTheDocument();
    expect(screen.getByText(/Check again only after the fix has been made/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy these steps' }));
    expect(await screen.findByText('Steps copied to the clipboard.')).toBeInTheDocument();
    const [copied] = scripted.payloadsOf('copyText');
    expect(copied).toContain('Cause: Arena Support generated a new WebToken');
    expect(copied).toContain('2. Onshape administrator: Replace the old WebToken with the current one. (Onshape > Settings > Arena)');

    // The path is kept for the report.
    await user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await user.click(screen.getByRole('button', { name: 'Save as JSON' }));
    expect(scripted.payloadsOf('exportReport')[0]).toEqual({
      format: 'json',
      supportTicket: null,
      historyId: null,
      diagnosisPath: [
        {
          step: 'login',
          diagnosisId: 'login.4089',
          answers: [
            { causeId: 'webtoken-invalid', question: Q1, answer: 'not-sure' },
            { causeId: 'webtoken-regenerated', question: Q2, answer: 'yes' },
          ],
          concludedCauseId: 'webtoken-regenerated',
        },
      ],
    });

    // Back from the report keeps the answers, each with its change control; "Start the questions again"
    // takes them all back; Back on the result leaves it (it never undoes answers silently).
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await failedHeading();
    expect(screen.getByRole('heading', { name: 'The likely cause' })).toBeInTheDocument();
    const given = within(screen.getByRole('list', { name: 'Your answers so far' })).getAllByRole('listitem');
    expect(given.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([`${Q1} Not sure Change`, `${Q2} Yes Change`]);
    await user.click(screen.getByRole('button', { name: `Change your answer to: ${Q2}` }));
    await questionHeading(2);
    expect(within(screen.getByRole('list', { name: 'Your answers so far' })).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Start the questions again' }));
    expectFocused(await questionHeading(1));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Connection details');
  });

  it('shows every remaining cause when the questions run out', async () => {
    const rendered = renderApp({ checkResults: [{ ok: true, data: login4089Outcome() }] });
    await runToFailure(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Not sure' }));
    await rendered.user.click(screen.getByRole('button', { name: 'No' }));
    await questionHeading(3);
    expect(screen.getByText(Q3!, { selector: '.question-text' })).toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Not sure' }));
    await questionHeading(4);
    expect(screen.getByText(Q4!, { selector: '.question-text' })).toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Not sure' }));
    expectFocused(await screen.findByRole('heading', { name: 'These causes are still possible' }));
    const [first, second, third, fourth] = DIAGNOSIS_4089.causes;
    for (const cause of [first!, third!, fourth!]) expect(screen.getByRole('heading', { name: cause.summary })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: second!.summary })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Copy these steps' })).toHaveLength(3);
  });

  it('shows the TLS hint prominently, and a transport code instead of an Arena code', async () => {
    const hint = {
      inspectionLikely: true,
      message: 'The same address answered through the system\'s network settings with a certificate issued by "Contoso Inspection CA".',
      askNetworkAdmin: ['Is HTTPS traffic to api.arenasolutions.com inspected?', 'Can api.arenasolutions.com be exempted?'],
    };
    const rendered = renderApp({ checkResults: [{ ok: true, data: transportOutcome(hint) }] });
    await runToFailure(rendered);
    const box = screen.getByRole('region', { name: 'A proxy or TLS inspection is likely in the way' });
    expect(within(box).getByText(/Contoso Inspection CA/)).toBeInTheDocument();
    expect(within(box).getAllByRole('listitem')).toHaveLength(2);
    // Not Arena's words: what this computer got.
    expect(document.querySelector('.evidence')).toHaveTextContent(
      'This computer got: SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain',
    );
    expect(screen.queryByText(/Arena said/)).not.toBeInTheDocument();
  });
});

describe('Check again', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down to waitUntil with the button disabled until then', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-11-22T10:00:00Z'));
    const rendered = renderApp({
      checkResults: [
        { ok: true, data: lockoutOutcome('2025-11-22T10:01:30Z') },
        { ok: true, data: passedOutcome() },
      ],
    });
    await runToFailure(rendered);
    const button = screen.getByRole('button', { name: 'Check again' });
    expect(button).toBeDisabled();
    const timer = screen.getByRole('timer', { name: 'Time left before checking again' });
    expect(timer).toHaveTextContent(/01:(30|29)/);
    expect(screen.getByText('You can check again in 2 minutes.')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(screen.getByRole('timer', { name: 'Time left before checking again' })).toHaveTextContent(/00:(30|29)/);
    expect(button).toBeDisabled();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(screen.queryByRole('timer', { name: 'Time left before checking again' })).not.toBeInTheDocument();
    expect(screen.getByText('You can check again now.')).toBeInTheDocument();
    expect(button).toBeEnabled();

    await rendered.user.click(button);
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(2);
    expect(rendered.scripted.payloadsOf('runCheck')[1]).toMatchObject({ confirmedChange: false });
  });

  it('needs "I have changed something" ticked first, and sends it as confirmedChange', async () => {
    const rendered = renderApp({
      checkResults: [
        { ok: true, data: login4089Outcome({ waitUntil: null, needsChange: true }) },
        { ok: true, data: passedOutcome() },
      ],
    });
    await runToFailure(rendered);
    const button = screen.getByRole('button', { name: 'Check again' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Tick the box above first.');
    await rendered.user.click(screen.getByLabelText('I have changed something in Arena or on this computer'));
    expect(button).toBeEnabled();
    await rendered.user.click(button);
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')[1]).toMatchObject({
      confirmedChange: true,
      integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
    });
  });

  it("shows the main process's recheck-wait refusal and counts down to its retryAt", async () => {
    const retryAt = new Date(Date.now() + 4 * 60_000).toISOString();
    const rendered = renderApp({
      checkResults: [
        { ok: true, data: login4089Outcome({ waitUntil: null, needsChange: false }) },
        {
          ok: false,
          error: { code: 'recheck-wait', message: 'Arena locks the user out for five minutes; wait before checking again.', retryAt },
        },
      ],
    });
    await runToFailure(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Check again' }));
    await failedHeading();
    expect(screen.getByRole('alert')).toHaveTextContent('Arena locks the user out for five minutes');
    expect(screen.getByRole('button', { name: 'Check again' })).toBeDisabled();
    expect(screen.getByRole('timer', { name: 'Time left before checking again' })).toHaveTextContent(/0[34]:\d\d/);
  });

  it('shows a recheck-needs-change refusal and asks for the confirmation', async () => {
    const rendered = renderApp({
      checkResults: [
        { ok: true, data: login4089Outcome({ waitUntil: null, needsChange: false }) },
        {
          ok: false,
          error: { code: 'recheck-needs-change', message: 'Nothing changed since the last check; it would fail the same way.' },
        },
      ],
    });
    await runToFailure(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Check again' }));
    await failedHeading();
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing changed since the last check');
    expect(screen.getByLabelText('I have changed something in Arena or on this computer')).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeDisabled();
  });
});

describe('Result notices', () => {
  it('shows what the main process wants the admin to know beside the result', async () => {
    const outcome = { ...passedOutcome(), notices: ['The keychain refused to remember the WebToken; type it again next time.'] };
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcome }] });
    await runToResult(rendered, 'The connection works');
    expect(screen.getByText(/The keychain refused to remember the WebToken/)).toBeInTheDocument();
  });
});

describe('Questions the check answered', () => {
  it('are not asked: they are listed as answered from this check, and the count leaves them out', async () => {
    const outcome = authorize20016Outcome();
    const causes = outcome.report.steps.find((step) => step.step === 'authorize')!.diagnosis!.causes;
    const answered = causes.filter((cause) => cause.answered);
    const asked = causes.filter((cause) => !cause.answered);
    // The real diagnosis: the check saw the login 0.2 s before, so "did 90 minutes pass?" is answered No.
    expect(answered.map((cause) => [cause.id, cause.answered])).toEqual([
      ['session-expired', { answer: 'no', evidence: 'login and authorize were 0.2 s apart' }],
    ]);
    const rendered = renderApp({ checkResults: [{ ok: true, data: outcome }] });
    await runToFailure(rendered);
    const list = screen.getByRole('list', { name: 'Answered from this check' });
    expect(list).toHaveTextContent(`${answered[0]!.question} Answered from this check: No (login and authorize were 0.2 s apart).`);
    expect(screen.queryByText(answered[0]!.question, { selector: '.question-text' })).not.toBeInTheDocument();
    expect(screen.getByText(asked[0]!.question, { selector: '.question-text' })).toBeInTheDocument();
    // No to the one question asked: the check's own No counts too, so every cause is ruled out at once.
    await rendered.user.click(screen.getByRole('button', { name: 'No' }));
    expect(await screen.findByRole('heading', { name: 'Your answers ruled out every known cause' })).toBeInTheDocument();
    expect(screen.queryByText(answered[0]!.question, { selector: '.question-text' })).not.toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: `Change your answer to: ${asked[0]!.question}` }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Yes' }));
    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await rendered.user.click(screen.getByRole('button', { name: /Save as HTML/ }));
    expect(rendered.scripted.payloadsOf('exportReport')[0]?.diagnosisPath).toEqual([
      expect.objectContaining({
        step: 'authorize',
        answers: [expect.objectContaining({ causeId: asked[0]!.id, answer: 'yes' })],
        concludedCauseId: asked[0]!.id,
      }),
    ]);
  });
});
