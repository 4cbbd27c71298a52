// The re-check guard as an admin meets it in the window: after a rejected WebToken, going Back and
// pasting the corrected one runs once with it; the rejected one again is refused on the details screen,
// with the confirmation right there; after a lockout, adding an Onshape user or respelling the address
// sends nothing for five minutes. Requests are counted at the simulator.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/simulator/index.js';
import { fingerprint } from '../../main/simulator/recording.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import { credentialed, logins } from './support/scenarios.js';
import { waitForProblem } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

describe('the re-check guard on the details screen', () => {
  it('after a 4089, Back and the corrected WebToken run once with it; the rejected one again is refused there, with the confirmation', async () => {
    const { app, simulator: sim, chosen } = await session.start('webtoken-regenerated');
    const { page } = app;
    const corrected = chosen.workspace().employees.find((employee) => employee.email === chosen.check.email)?.webtoken;
    if (!corrected) throw new Error('the scenario has no current WebToken');

    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...chosen.check, apiUrl: sim.apiUrl }, { onshapeUser: false });
    await continueAndLogIn(page);
    await waitForProblem(page);
    expect(await page.locator('body').textContent()).toContain('4089');
    expect(logins(sim)).toHaveLength(1);

    // Back to the form as it was: the rejected WebToken is held, and the screen says so before Continue.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(1);
    const confirm = page.getByLabel(/I changed something since the last check/);
    expect(await confirm.isVisible()).toBe(true);

    // The same details once more, unconfirmed: refused here, nothing sent.
    await page.getByRole('button', { name: 'Continue' }).click();
    const logIn = page.getByRole('button', { name: 'Log in now' });
    if (await logIn.isVisible().catch(() => false)) await logIn.click();
    await expect.poll(() => page.getByLabel(/I changed something since the last check/).isVisible()).toBe(true);
    expect(logins(sim)).toHaveLength(1);

    // The corrected WebToken is a change by itself: it runs once, with that token.
    await page.getByLabel('WebToken', { exact: true }).fill(corrected);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(0);
    await continueAndLogIn(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('The connection works');
    const sent = logins(sim);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.credentialFingerprint).toBe(fingerprint(corrected));
  });

  it('after a 4083, adding an Onshape user or respelling the address sends nothing for five minutes', async () => {
    const startMs = Date.now();
    const clock = new ManualClock(startMs);
    const { app, simulator: sim, chosen } = await session.start('integration-user-locked', { now: () => new Date(clock.now()) });
    const { page } = app;
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...chosen.check, apiUrl: sim.apiUrl }, { onshapeUser: false });
    await continueAndLogIn(page);
    await waitForProblem(page);
    expect(await page.locator('body').textContent()).toContain('4083');
    const before = credentialed(sim);
    expect(logins(sim)).toHaveLength(1);

    await page.getByRole('button', { name: 'Back' }).click();
    // Another spelling of the same address (dot segment, explicit host case), and an Onshape user added.
    const respelled = sim.apiUrl.replace('/v1', '/./x/../v1').replace('http://', 'HTTP://');
    await page.getByLabel('Custom API address').fill(respelled);
    await page.getByLabel('Also check an Onshape user').check();
    await page.getByLabel("Onshape user's email").fill('dana@northwind.example');
    await page.getByLabel("Onshape user's Arena password", { exact: true }).fill('Dana-Password-2026');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Continue' }).click();
    const logIn = page.getByRole('button', { name: 'Log in now' });
    if (await logIn.isVisible().catch(() => false)) await logIn.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count()).toBe(1);
    expect(credentialed(sim)).toBe(before);

    // Four minutes later, still nothing goes out.
    clock.advance(4 * 60_000);
    await page.getByLabel("Onshape user's email").fill('erin@northwind.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    if (await logIn.isVisible().catch(() => false)) await logIn.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The check did not run' }).count()).toBe(1);
    expect(credentialed(sim)).toBe(before);
    expect(logins(sim)).toHaveLength(1);
  });
});
