import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, screenshot } from './support/harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

it('opens on the start screen and practises a scenario', async () => {
  const app = await openApp(browser);
  try {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Onshape');
    await screenshot(page, 'smoke-start');
    await page.getByRole('button', { name: 'Practice with sample problems' }).click();
    await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(20);
    await screenshot(page, 'screen-practice-list');
    await page.getByRole('button', { name: '"For Integration Use" is off' }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('4089');
    await screenshot(page, 'smoke-result');
  } finally {
    await app.close();
  }
});
