// "Check only the Onshape user again" in Chromium over the development bridge, against the simulator:
// authorize fails on a wrong Onshape user password; the control opens the small form, which shows the
// guard's hold at once; the rejected password again is refused there with the confirmation, and nothing is sent; the correct password logs
// in with the same WebToken, authorizes, logs out and passes. Requests are counted at the simulator; axe
// runs on each new state.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../main/simulator/recording.js';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/harness.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import { credentialed, logins, scenario } from './support/scenarios.js';
import { heading, PASSED_HEADING, START_HEADING, waitForHeading, waitForProblem } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();
const CONTROL = 'Check only the Onshape user again';

describe('Check only the Onshape user again', () => {
  it('refuses the rejected password unchanged, with the confirmation; the corrected one runs once with the same WebToken and passes', async () => {
    const { app, simulator: sim, chosen } = await session.start('user-wrong-password');
    const { page } = app;
    const rejected = chosen.check.userPassword ?? '';
    const correct = scenario('healthy').check.userPassword ?? '';
    const authorizes = () => sim.requests.filter((request) => request.path.endsWith('/authorizeuser'));

    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...chosen.check, apiUrl: sim.apiUrl });
    await continueAndLogIn(page);
    await waitForProblem(page);
    expect(await page.locator('body').textContent()).toContain('20000');
    expect([logins(sim).length, authorizes().length]).toEqual([1, 1]);
    expect(await axeViolations(page)).toEqual([]);

    await screenshot(page, 'user-recheck-offered');
    await page.getByRole('button', { name: CONTROL }).click();
    await waitForHeading(page, CONTROL);
    expect(await page.getByLabel('Onshape user email').inputValue()).toBe(chosen.check.userEmail);
    expect(await page.getByLabel('Workspace ID').count()).toBe(0);
    // The guard's hold on the Onshape user shows as the form opens, before anything is typed or sent.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('alert').textContent()).toContain('Onshape user');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'user-recheck-form-held');

    // The rejected password again, unchanged: refused on this screen, with the confirmation; nothing sent.
    const sentBefore = credentialed(sim);
    await page.getByLabel("Onshape user's Arena password", { exact: true }).fill(rejected);
    await page.getByRole('button', { name: 'Check the Onshape user' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByLabel(/I changed something since the last check/).isVisible()).toBe(true);
    expect(await heading(page)).toBe(CONTROL);
    expect(credentialed(sim)).toBe(sentBefore);
    expect(await axeViolations(page)).toEqual([]);

    // The correct password is a change by itself: the hold lifts, and it runs once, logging in with the same WebToken.
    await page.getByLabel("Onshape user's Arena password", { exact: true }).fill(correct);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: 'Check the Onshape user' }).click();
    await waitForHeading(page, PASSED_HEADING);
    const sentLogins = logins(sim);
    expect(sentLogins).toHaveLength(2);
    expect(sentLogins[1]?.credentialFingerprint).toBe(sentLogins[0]?.credentialFingerprint);
    expect(sentLogins[1]?.credentialFingerprint).toBe(fingerprint(chosen.check.secret));
    expect(authorizes().map((request) => request.credentialFingerprint)).toEqual([fingerprint(rejected), fingerprint(correct)]);
    expect(sim.requests.filter((request) => request.path.endsWith('/logout') && request.sessionFingerprint !== null)).toHaveLength(2);
    expect(await axeViolations(page)).toEqual([]);

    // Kept in the recent checks like any check.
    await page.getByRole('button', { name: 'Start over' }).click();
    await waitForHeading(page, START_HEADING);
    const recent = page.getByRole('region', { name: 'Recent checks' });
    await expect.poll(() => recent.getByRole('listitem').count()).toBe(2);
    expect(await recent.getByRole('listitem').first().textContent()).toContain('The connection works');
  });
});
