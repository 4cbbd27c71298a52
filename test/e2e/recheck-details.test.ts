// The re-check guard as an admin meets it in the window: after a rejected WebToken, going Back and
// pasting the corrected one runs once with it; the rejected one again is refused on the details screen,
// with the confirmation right there; after a lockout, adding an Onshape user or respelling the address
// sends nothing for five minutes. Requests are counted at the simulator.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { fingerprint } from '../../main/simulator/recording.js';
import { launchChromium, openApp, type AppOptions, type RunningApp } from './support/harness.js';

let browser: Browser;
let simulator: SimulatorHandle | null = null;
let app: RunningApp | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await app?.close();
  await simulator?.close();
  app = null;
  simulator = null;
});
afterAll(async () => {
  await browser.close();
});

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

async function start(name: string, options: AppOptions = {}): Promise<{ page: Page; chosen: Scenario; sim: SimulatorHandle }> {
  const chosen = scenario(name);
  const sim = await startSimulator({ scenario: chosen });
  simulator = sim;
  app = await openApp(browser, options);
  return { page: app.page, chosen, sim };
}

function logins(sim: SimulatorHandle): { credentialFingerprint: string | null }[] {
  return sim.requests.filter((request) => request.path.endsWith('/login'));
}

/** Every request that carried a credential or a session (the reach probe carries neither). */
function credentialed(sim: SimulatorHandle): number {
  return sim.requests.filter((request) => request.credentialFingerprint !== null || request.sessionFingerprint !== null).length;
}

async function fillDetails(page: Page, chosen: Scenario, apiUrl: string): Promise<void> {
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Custom API address').fill(apiUrl);
  await page.getByLabel('Workspace ID').fill(String(chosen.check.workspaceId));
  await page.getByLabel('Integration user email').fill(chosen.check.email);
  await page.getByLabel('WebToken', { exact: true }).fill(chosen.check.secret);
}

async function continueAndLogIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Log in now' }).click();
}

const kicker = (page: Page) => page.locator('.result-kicker').textContent();

describe('the re-check guard on the details screen', () => {
  it('after a 4089, Back and the corrected WebToken run once with it; the rejected one again is refused there, with the confirmation', async () => {
    const { page, chosen, sim } = await start('webtoken-regenerated');
    const corrected = chosen.workspace().employees.find((employee) => employee.email === chosen.check.email)?.webtoken;
    if (!corrected) throw new Error('the scenario has no current WebToken');

    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, chosen, sim.apiUrl);
    await continueAndLogIn(page);
    await expect.poll(() => kicker(page), { timeout: 10_000 }).toBe('The check found a problem');
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
    const { page, chosen, sim } = await start('integration-user-locked', { now: () => new Date(clock.now()) });
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, chosen, sim.apiUrl);
    await continueAndLogIn(page);
    await expect.poll(() => kicker(page), { timeout: 10_000 }).toBe('The check found a problem');
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
