// The wizard's explain path in headless Chromium over the development bridge: paste, the explained
// error, the stage question, the walk, the report export; axe on each screen. Explaining makes no
// connection: the page only talks to the bridge, and only the explain methods are called.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { screenshot, type RunningApp } from './support/harness.js';
import { heading } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

/** Every request the page makes, as "origin path". */
function recordRequests(app: RunningApp): string[] {
  const requests: string[] = [];
  app.page.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(`${url.origin} ${url.pathname}`);
  });
  return requests;
}

describe('explain path in Chromium', () => {
  it('explains a pasted error without any connection, asks the stage, walks to the fix and exports the report', async () => {
    const app = await session.open({ now: () => new Date('2026-03-04T05:06:07.000Z') });
    const requests = recordRequests(app);
    const { page } = app;
    await page.getByRole('button', { name: 'Explain an error I see in Onshape' }).click();
    await expect.poll(() => heading(page)).toBe('Explain an error I see in Onshape');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'explain-input');

    await page
      .getByLabel('The error as Onshape shows it')
      .fill('Sync failed:\n  Either you do not have privileges to access the requested data or it does not exist.  ');
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => heading(page)).toBe('The integration user may not reserve item numbers');
    expect(await page.getByText('Explained from a message, no connection made.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'explain-question');

    await page.getByLabel('Creating a new part in Arena (its first sync or release)').check();
    await expect.poll(() => heading(page)).toBe('The Onshape user may not create this item in Arena');
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'The likely cause' }).count()).toBe(1);
    expect(await page.getByText('Arena > Workspace Settings > Access Policies').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'explain-walked');

    await page.getByRole('button', { name: 'Save or copy a report' }).click();
    await expect.poll(() => heading(page)).toBe('Report');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save as JSON' }).click();
    await expect.poll(() => page.getByText(/^Saved to /).count()).toBe(1);
    const reports = join(app.dataDir, 'reports');
    const json = JSON.parse(readFileSync(join(reports, readdirSync(reports)[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ recognized: true, chosenId: 'create-item.3024', diagnosis: { id: 'create-item.3024' } });

    // The page spoke only to the bridge, and only to explain: no check, practice or gate was asked for.
    const origin = app.bridge.origin;
    expect(requests.every((request) => request.startsWith(`${origin} `))).toBe(true);
    const methods = new Set(requests.filter((request) => request.includes(' /api/')).map((request) => request.split('/api/')[1]));
    for (const method of methods)
      expect(['getStartup', 'explainMessage', 'exportExplanation', 'copyExplanation', 'events', 'listHistory']).toContain(method);
    expect(methods).toContain('explainMessage');
    expect(app.received.some((message) => message.includes('step-started'))).toBe(false);
  });

  it("says plainly when a message is not in Arena's list, and offers a check for a login error", async () => {
    const app = await session.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Explain an error I see in Onshape' }).click();
    await page.getByLabel('The error as Onshape shows it').fill('Something odd happened');
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => heading(page)).toBe('This message is not in Arena’s list');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'explain-unknown');

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByLabel('The error as Onshape shows it').fill('Too many invalid password attempts, account disabled for five minutes.');
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => heading(page)).toBe('The integration user is locked out for five minutes');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check my connection next' }).click();
    await expect.poll(() => heading(page)).toBe('Connection details');
  });
});
