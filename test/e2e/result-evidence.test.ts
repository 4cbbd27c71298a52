// The result screen's evidence in real Chromium over the development bridge: the title and text of a web
// page that came back in Arena's place (the simulator's web filter), and the route the check took (direct,
// or through the proxy the admin set, here a refusing proxy on 127.0.0.1), each with axe.
import { describe, expect, it } from 'vitest';
import { startRefusingProxy } from '../faults/fault-server.js';
import { axeViolations } from './support/axe.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import { scenario } from './support/scenarios.js';
import { START_HEADING, waitForHeading, waitForProblem } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

describe('the evidence on the result screen', () => {
  it("shows a web filter's page title and text, and that the check went directly, with axe", async () => {
    const { page } = await session.open();
    await waitForHeading(page, START_HEADING);
    await page.getByRole('button', { name: 'Practice with sample problems' }).click();
    await page.getByRole('button', { name: scenario('web-filter-block-page').title, exact: true }).click();
    await waitForProblem(page);

    const figure = page.getByRole('figure', { name: /The web page that came back instead/ });
    // The title as the page spells it (&ndash;), decoded, as text in a quotation.
    await expect.poll(() => figure.locator('.page-title q').textContent()).toBe('Access denied – Northwind Secure Web Gateway');
    const excerpt = (await figure.locator('blockquote').textContent()) ?? '';
    expect(excerpt).toMatch(/^This website is blocked Your organisation's policy does not allow access to 127\.0\.0\.1:\d+/);
    expect(excerpt).not.toMatch(/Access denied|reportBlock|font-family/);
    expect(await figure.locator('blockquote *, .page-title b, script').count()).toBe(0);
    expect(await page.locator('.route-line').textContent()).toBe(
      'How this check reached Arena: directly, without a proxy (an address on this computer is never reached through a proxy)',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('names the proxy the admin set, which refused the check', async () => {
    const proxy = await startRefusingProxy(407);
    try {
      const { app, simulator, chosen } = await session.start('healthy');
      const { page } = app;
      await waitForHeading(page, START_HEADING);
      await page.getByRole('button', { name: 'Check my connection' }).click();
      await fillDetails(page, { ...chosen.check, apiUrl: simulator.apiUrl });
      await page.getByLabel('Use this proxy').check();
      await page.getByLabel('Proxy address').fill(proxy.url);
      await continueAndLogIn(page);
      await waitForProblem(page);
      expect(await page.locator('.route-line').textContent()).toBe(
        `How this check reached Arena: through the proxy ${proxy.url} (the proxy this tool is set to use)`,
      );
      expect(proxy.connects.length).toBeGreaterThan(0);
      expect(simulator.requests).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
