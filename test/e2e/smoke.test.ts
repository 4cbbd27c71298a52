import { expect, it } from 'vitest';
import { screenshot } from './support/harness.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

it('opens on the start screen and practises a scenario', async () => {
  const { page } = await session.open();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Onshape');
  await screenshot(page, 'smoke-start');
  await page.getByRole('button', { name: 'Practice with sample problems' }).click();
  await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(20);
  await screenshot(page, 'screen-practice-list');
  await page.getByRole('button', { name: '"For Integration Use" is off' }).click();
  await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('4089');
  await screenshot(page, 'smoke-result');
});
