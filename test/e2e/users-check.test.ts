// The users check end to end in Chromium over the development bridge, against the simulator on loopback:
// start → connection details → the list (pasted and from a file) → preview → run → the table → CSV, with
// axe on each screen (colour contrast included) and no secret in the page, the messages or the files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedUser, usersScenario } from '../../main/simulator/index.js';
import { INTEGRATION_EMAIL, WEBTOKEN, WORKSPACE_ID } from '../../main/simulator/scenarios.js';
import { axeViolations } from './support/axe.js';
import { fillDetails } from './support/details-form.js';
import { screenshot } from './support/harness.js';
import { heading } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

const email = (index: number): string => generatedUser(index).email.toLowerCase();

describe('Check Onshape users', () => {
  it('from the start screen: details, a chosen CSV file, the cost, the run, the table and a CSV, accessible and secret-free', async () => {
    const { app, simulator } = await session.start(usersScenario({ users: 900 }), {}, { latencyMs: 5 });
    const { page } = app;
    await expect.poll(() => heading(page)).toBe('Check the Onshape–Arena connection');
    await page.getByRole('button', { name: 'Check Onshape users' }).click();
    await expect.poll(() => heading(page)).toBe('Connection details');
    await fillDetails(page, { apiUrl: simulator.apiUrl, workspaceId: WORKSPACE_ID, email: INTEGRATION_EMAIL, secret: WEBTOKEN });
    await page.getByRole('button', { name: 'Continue' }).click();
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
      '/v1/logout', // the reach probe: no credential, no session
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
