// "Test the network only (no sign-in)" in Chromium over the development bridge: from the start screen, a
// form that asks only where Arena is and how to get there, the running screen with the one reach step, and
// the result with its timeline and evidence, against the simulator and against a refused loopback port.
// The simulator receives the probe alone; axe runs on every new state, in light, dark and 480 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closedPort } from '../support/loopback-server.js';
import { isReachProbe } from '../support/scenario-check.js';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/harness.js';
import { horizontalOverflow, LAYOUTS, showAs } from './support/layout.js';
import { heading, pageText, START_HEADING, waitForHeading } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

const FORM_HEADING = 'Test the network only';
const RUNNING_HEADING = 'Testing the network (no sign-in)';
const REACHED_HEADING = 'Arena can be reached from this computer';

async function openForm(page: Page): Promise<void> {
  await waitForHeading(page, START_HEADING);
  await page.getByRole('button', { name: 'Test the network only (no sign-in)' }).click();
  await waitForHeading(page, FORM_HEADING);
}

async function fillForm(page: Page, apiUrl: string): Promise<void> {
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Custom API address').fill(apiUrl);
  await page.getByLabel('Connect directly, without a proxy').check();
}

/** No axe violation and nothing past the window's edge, in each layout. */
async function checkEveryLayout(page: Page, name: string): Promise<void> {
  for (const layout of LAYOUTS) {
    await showAs(page, layout);
    expect(await axeViolations(page), `${name} (${layout.name})`).toEqual([]);
    expect(await horizontalOverflow(page), `${name} (${layout.name})`).toEqual([]);
    await screenshot(page, `reach-${name}-${layout.name}`);
  }
  await showAs(page);
}

/** The evidence list's value for a label, as shown. */
function evidence(page: Page, label: string): Promise<string | null> {
  return page
    .getByRole('region', { name: 'How this computer reached Arena' })
    .locator('dt', { hasText: label })
    .locator('+ dd')
    .textContent();
}

describe('Test the network only', () => {
  it('reaches the simulator with the probe alone: the form, the one step running, the result with its timeline', async () => {
    // Each answer comes late enough for the running screen to be seen.
    const { app, simulator } = await session.start('healthy', {}, { latencyMs: 1500 });
    const { page } = app;
    await openForm(page);
    for (const absent of ['Workspace ID', 'Integration user email', 'WebToken']) expect(await page.getByLabel(absent).count()).toBe(0);
    await checkEveryLayout(page, 'form');

    // The shared rules, before anything is sent.
    await page.getByLabel('Data centre').selectOption('custom');
    await page.getByLabel('Custom API address').fill('http://arena.example.com/v1');
    await page.getByLabel('Connect limit (seconds)').fill('90');
    // Leaving the field shows its problem at once (the form below moves down): the button is pressed after that.
    await page.getByLabel('Connect limit (seconds)').press('Tab');
    await page.getByRole('button', { name: 'Test the network', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-api-url');
    const body = page.locator('body');
    await expect.poll(() => body.textContent()).toContain('must start with https://');
    await expect.poll(() => body.textContent()).toContain('must be between 1 and 60 seconds');
    await checkEveryLayout(page, 'form-problems');
    expect(simulator.requests).toEqual([]);

    await fillForm(page, simulator.apiUrl);
    await page.getByLabel('Connect limit (seconds)').fill('5');
    await page.getByRole('button', { name: 'Test the network', exact: true }).click();
    await waitForHeading(page, RUNNING_HEADING);
    const steps = page.getByRole('list', { name: 'Steps' }).locator('li.step');
    expect(await steps.count()).toBe(1);
    expect(await steps.first().textContent()).toContain('Reach Arena (no sign-in)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reach-running');

    await waitForHeading(page, REACHED_HEADING);
    const timeline = page
      .getByRole('region', { name: 'How this computer reached Arena' })
      .getByRole('list', { name: 'Time to reach Arena, by phase' });
    await expect.poll(() => timeline.textContent()).toMatch(/connect \d+ ms.*first byte \d+ ms/i);
    expect(await evidence(page, 'Connected to')).toBe('127.0.0.1');
    // The route, and why: the form chose a direct connection.
    expect(await evidence(page, 'Route')).toBe('directly, without a proxy (this tool is set to connect directly)');
    expect(await evidence(page, 'Certificate')).toBe('none (no TLS, or no handshake)');
    expect(await evidence(page, 'Clock')).toMatch(/clock/);
    await checkEveryLayout(page, 'reached');

    // The simulator saw one request: the logout without a session, carrying no credential.
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests.every(isReachProbe)).toBe(true);
    expect(simulator.requests[0]).toMatchObject({ email: null, credentialFingerprint: null });
    // The progress the page received named the step and its phases, like a check's.
    const finished = app.received.filter((message) => message.includes('"step-finished"'));
    expect(finished).toHaveLength(1);
    expect(finished[0]).toContain('"step":"reach"');
    expect(finished[0]).toContain('"phases"');

    await page.getByRole('button', { name: 'Save or copy a report' }).click();
    await waitForHeading(page, 'Report');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save as HTML' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Saved/)]));
    expect(app.received.filter((message) => message.startsWith('pageerror'))).toEqual([]);
  });

  it('names a refused loopback port with its diagnosis, sends nothing else, and tests again from the result', async () => {
    const { page, received } = await session.open();
    const refused = `http://127.0.0.1:${await closedPort()}/v1`;
    await openForm(page);
    await fillForm(page, refused);
    await page.getByRole('button', { name: 'Test the network', exact: true }).click();
    await expect.poll(() => page.locator('.result-kicker').textContent(), { timeout: 10_000 }).toBe('The network test found a problem');
    const title = await heading(page);
    expect(title).not.toBe(REACHED_HEADING);
    expect(await page.locator('.failed-where').textContent()).toContain('This computer got ECONNREFUSED');
    expect(await evidence(page, 'Connected to')).toBe('127.0.0.1');
    // Refused at once: no phase completed, and the evidence says so in words.
    expect(await evidence(page, 'Timeline')).toBe('no phase completed');
    await checkEveryLayout(page, 'refused');

    // Again, with the same address: the same answer, and no confirmation asked (no credential was sent).
    await page.getByRole('button', { name: 'Test again' }).click();
    await expect.poll(() => received.filter((message) => message.includes('"step-finished"')).length, { timeout: 10_000 }).toBe(2);
    await waitForHeading(page, title ?? '');
    await page.getByRole('button', { name: 'Back' }).click();
    await waitForHeading(page, FORM_HEADING);
    expect(await page.getByLabel('Custom API address').inputValue()).toBe(refused);
    // No secret field anywhere on the way.
    expect(await page.locator('input[type="password"]').count()).toBe(0);
    expect(await pageText(page)).not.toContain('arena_session_id');
  });
});
