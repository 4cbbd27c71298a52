// What a stressed admin sees on the screens before a result, in real Chromium over the development bridge:
// the start screen without a focus ring on its heading, the practice list's groups and filter, the details
// form (labels beside their boxes, an error only after interaction), and the warning's summary. Each at the
// default width, in dark mode and at 480 px; axe and a horizontal-overflow check on every state; screenshots
// go to test-results/screenshots/ for review.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../main/simulator/index.js';
import { axeViolations } from './support/axe.js';
import { LAYOUTS, showAs, type Layout } from './support/layout.js';
import { reviewState } from './support/review.js';
import { heading, START_HEADING } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

async function open(layout: Layout = {}): Promise<Page> {
  const app = await session.open();
  const { page } = app;
  await showAs(page, layout);
  await page.goto(`${app.bridge.origin}/`);
  await expect.poll(() => heading(page)).toBe(START_HEADING);
  return page;
}

/** The focused element's tag and its drawn outline ("none" when no ring is drawn). */
function focusRing(page: Page): Promise<{ tag: string; outline: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName, outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}` };
  });
}

const EACH_LAYOUT = LAYOUTS.map((layout) => [layout.name, layout] as const);

describe.each(EACH_LAYOUT)('start screen (%s)', (name, layout) => {
  it('takes focus on its heading for screen readers, without drawing a ring on it; buttons still show theirs', async () => {
    const page = await open(layout);
    expect(await focusRing(page)).toEqual({ tag: 'H1', outline: 'none' });
    await reviewState(page, `admin-start-first-load-${name}`);
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    expect(ring.tag).toBe('BUTTON');
    expect(ring.outline).toMatch(/^solid [1-9]/);
  });
});

describe.each(EACH_LAYOUT)('practice list (%s)', (name, layout) => {
  it('groups by what fails and filters by code', async () => {
    const page = await open(layout);
    await page.getByRole('button', { name: 'Practice with sample problems' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allTextContents())
      .toEqual(['Reaching Arena', "The integration user's login", "The Onshape user's authorization", 'Logging out', 'Nothing fails']);
    await reviewState(page, `admin-practice-grouped-${name}`);
    await page.getByLabel('Filter by title, Arena code or description').fill('4083');
    await expect
      .poll(() => page.locator('button.scenario').allTextContents())
      .toEqual(['Integration user locked out', 'Onshape user locked out']);
    expect(await page.getByRole('status').textContent()).toBe(`2 of ${SCENARIOS.length} sample problems match`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Filter by title, Arena code or description').fill('nothing like this');
    await expect.poll(() => page.getByText(/No sample problem matches/).count()).toBe(1);
    await reviewState(page, `admin-practice-no-match-${name}`);
  });
});

describe.each([
  ...EACH_LAYOUT,
  ['480-dark', { width: 480, dark: true }],
  // 480 px at 150 % zoom, or large text: the long labels are where a wrapping row used to drop them.
  ['320', { width: 320, dark: false }],
] as const)('details form (%s)', (name, layout) => {
  it('keeps every checkbox and radio label beside its box, and passes axe with problems shown', async () => {
    const page = await open(layout);
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await page.getByLabel('Also check an Onshape user').check();
    expect(await page.locator('.field.checkbox').count()).toBeGreaterThanOrEqual(5);
    await reviewState(page, `admin-details-${name}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(2);
    await reviewState(page, `admin-details-problems-${name}`);
  });
});

describe.each(EACH_LAYOUT)('details form, errors after interaction (%s)', (name, layout) => {
  it('a field revealed after a failed submit waits until it is left', async () => {
    const page = await open(layout);
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await page.getByLabel('Also check an Onshape user').uncheck();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByLabel('Workspace ID').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Also check an Onshape user').check();
    expect(await page.getByLabel("Onshape user's email").getAttribute('aria-invalid')).toBeNull();
    await reviewState(page, `admin-details-revealed-${name}`);
    await page.getByLabel("Onshape user's email").focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByLabel("Onshape user's email").getAttribute('aria-invalid')).toBe('true');
    await reviewState(page, `admin-details-revealed-left-${name}`);
  });
});

describe.each(EACH_LAYOUT)('warning screen (%s)', (name, layout) => {
  it('summarises where the check connects and what it costs, with "Log in now"', async () => {
    const page = await open(layout);
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await page.getByLabel('Workspace ID').fill('123456789');
    await page.getByLabel('Integration user email').fill('onshape-integration@example.com');
    await page.getByLabel('WebToken', { exact: true }).fill('wt-0123456789abcdef');
    await page.getByLabel('Also check an Onshape user').check();
    await page.getByLabel("Onshape user's email").fill('dana@example.com');
    await page.getByLabel("Onshape user's Arena password", { exact: true }).fill('pw-dana-1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Before the check runs');
    const text = (await page.locator('main, body').first().textContent()) ?? '';
    expect(text).toMatch(/Arena address\s*https:\/\/api\.arenasolutions\.com\/v1/);
    expect(text).toMatch(/Workspace ID\s*123456789/);
    expect(text).toMatch(/Integration user\s*onshape-integration@example\.com/);
    expect(text).toMatch(/Onshape user\s*dana@example\.com/);
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /password is tried once, for dana@example\.com\. A wrong password counts toward that user's lockout/,
    );
    expect(await page.getByRole('button', { name: 'Log in now' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    await reviewState(page, `admin-warning-${name}`);
  });
});
