// The users check end to end in Chromium over the development bridge, against the simulator on loopback:
// start → connection details → the list (pasted and from a file) → preview → run → the table → CSV, with
// axe on each screen (colour contrast included) and no secret in the page, the messages or the files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generatedUser, startSimulator, usersScenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { INTEGRATION_EMAIL, WEBTOKEN } from '../../main/simulator/scenarios.js';
import { axeViolations } from './support/axe.js';
import { launchChromium, openApp, screenshot, type RunningApp } from './support/harness.js';

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

const email = (index: number): string => generatedUser(index).email.toLowerCase();
const heading = (page: Page): Promise<string | null> => page.getByRole('heading', { level: 1 }).textContent();

async function details(page: Page, apiUrl: string): Promise<void> {
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Custom API address').fill(apiUrl);
  await page.getByLabel('Workspace ID').fill('123456789');
  await page.getByLabel('Integration user email').fill(INTEGRATION_EMAIL);
  await page.getByLabel('WebToken', { exact: true }).fill(WEBTOKEN);
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('Check Onshape users', () => {
  it('from the start screen: details, a chosen CSV file, the cost, the run, the table and a CSV, accessible and secret-free', async () => {
    simulator = await startSimulator({ scenario: usersScenario({ users: 900 }), latencyMs: 5 });
    app = await openApp(browser);
    const { page } = app;
    await expect.poll(() => heading(page)).toBe('Check the Onshape–Arena connection');
    await page.getByRole('button', { name: 'Check Onshape users' }).click();
    await expect.poll(() => heading(page)).toBe('Connection details');
    await details(page, simulator.apiUrl);
    await expect.poll(() => heading(page)).toBe('Check Onshape users');
    expect(await axeViolations(page)).toEqual([]);

    const csv = [
      'First,Last,Email Address,Role',
      `Eng,1,${email(1)},Designer`,
      `Eng,16,${email(16)},Partner`,
      'Gone,Person,gone@northwind.example,',
      `Eng,850,${email(850)},Designer`,
    ].join('\n');
    await page
      .getByLabel('Or choose a file (CSV or text)')
      .setInputFiles({ name: 'onshape-users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'emails to check' }).first().textContent())
      .toContain('4 emails to check (from the column “Email Address”)');
    expect(simulator.requests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'users-1-list');

    await page.getByRole('button', { name: 'Check these users' }).click();
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('2 of 4 Onshape users are ready');
    expect(simulator.requests.map((request) => request.path)).toEqual([
      '/v1/login',
      '/v1/settings/users',
      '/v1/settings/users',
      '/v1/settings/users',
      '/v1/logout',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'users-2-result');

    await page.getByRole('button', { name: 'not an employee: 1' }).click();
    await page.getByRole('button', { name: 'In Arena, but not as an employee' }).click();
    await expect.poll(() => page.getByText(/Full License Standard Employee, with at least/).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save as CSV' }).click();
    await expect.poll(() => page.getByText(/^Saved: /).count()).toBe(1);
    const dir = join(app.dataDir, 'reports');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const saved = readFileSync(join(dir, files[0] ?? ''), 'utf8');
    expect(saved).toContain(`${email(16)},not-an-employee,PARTNER`);

    // No secret anywhere: the page, every message from the main process, the saved file.
    const seen = [await page.content(), ...app.received, saved].join('\n');
    expect(seen).not.toContain(WEBTOKEN);
    expect(seen).not.toMatch(/SIM-[A-Za-z0-9_-]{20,}\|/);
  });
});
