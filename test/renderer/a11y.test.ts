// Automated accessibility checks (axe-core) on each screen. Colour contrast needs real layout, so it is
// left to browser tests; everything structural (names, labels, roles, ARIA references) is checked here.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { login4089Outcome, startupInfo } from './support/fixtures';
import { failedHeading, fillValidDetails, heading, openDetails, renderApp, runToResult, screen } from './support/render-app';

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('accessibility (axe)', () => {
  it('start and details screens, including shown problems', async () => {
    const rendered = renderApp({
      startup: startupInfo({ notices: ['A damaged settings file was set aside.'], keychain: { available: false, message: 'Locked.' } }),
    });
    await heading('Check the Onshape–Arena connection');
    expect(await violations()).toEqual([]);
    await openDetails(rendered);
    await rendered.user.click(screen.getByLabelText('Also check an Onshape user'));
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await violations()).toEqual([]);
  });

  it('remembered secrets, warning, result with a question, and report', async () => {
    const rendered = renderApp({
      remembered: { integration: true, user: false },
      checkResults: [{ ok: true, data: login4089Outcome() }],
    });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await screen.findByText('Remembered in the keychain');
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
    await failedHeading();
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Yes' }));
    await screen.findByRole('heading', { name: 'The likely cause' });
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    expect(await violations()).toEqual([]);
  });

  it('practice list and passed result', async () => {
    const rendered = renderApp();
    await rendered.user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
    await screen.findByRole('button', { name: 'WebToken was regenerated' });
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await runToResult(rendered, 'The connection works');
    expect(await violations()).toEqual([]);
  });

  it('a refusal on the details screen: the reason, the countdown and the confirmation', async () => {
    const retryAt = new Date(Date.now() + 4 * 60_000).toISOString();
    const rendered = renderApp({
      checkResults: [
        { ok: false, error: { code: 'recheck-needs-change', message: 'The last check of this account failed.' } },
        { ok: false, error: { code: 'recheck-wait', message: 'This account is locked for five minutes.', retryAt } },
      ],
      // The refusals come from the check itself here, not from asking the guard first.
      failures: { gateFor: { code: 'internal', message: 'No answer.' } },
    });
    await openDetails(rendered);
    await fillValidDetails(rendered);
    for (const shown of [/I changed something since the last check/, /Time left before checking again/]) {
      await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
      await heading('Before the check runs');
      await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
      await heading('Connection details');
      expect(screen.getAllByLabelText(shown)).toHaveLength(1);
      expect(await violations()).toEqual([]);
    }
  });
});
