// What tells the screens apart, as the tests read them: the page heading, the result's kicker line, and
// everything the page holds (its DOM and its form fields' values).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const START_HEADING = 'Check the Onshape–Arena connection';
export const WARNING_HEADING = 'Before the check runs';
export const PASSED_HEADING = 'The connection works';
export const PROBLEM_KICKER = 'The check found a problem';

export function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

/** The line above a failed result's heading ("The check found a problem"). */
export function kicker(page: Page): Promise<string | null> {
  return page.locator('.result-kicker').textContent();
}

/** A failed result's kicker line, or a passed result's heading. */
export async function outcomeShown(page: Page): Promise<string | null> {
  return (await page.locator('.result-kicker').count()) > 0 ? kicker(page) : heading(page);
}

/** Waits for a failed check's result screen. */
export async function waitForProblem(page: Page, timeout = 10_000): Promise<void> {
  await expect.poll(() => kicker(page), { timeout }).toBe(PROBLEM_KICKER);
}

/** Waits for the screen with this heading. */
export async function waitForHeading(page: Page, text: string, timeout = 10_000): Promise<void> {
  await expect.poll(() => heading(page), { timeout }).toBe(text);
}

/** The whole page as text: its HTML and the values of its form fields (which the HTML does not show). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(
    () => `${document.documentElement.outerHTML}\n${[...document.querySelectorAll('input')].map((input) => input.value).join('\n')}`,
  );
}
