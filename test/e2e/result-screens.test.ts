// The result screens as a stressed admin meets them, in real Chromium over the development bridge against
// the simulator: the diagnosis as the heading with the failed step and Arena's code under it and one
// primary button; answers that can be changed; a lockout's countdown first, with its local end time;
// "This computer got:" for a failure on this side; when the request budget resets; Recent checks on the
// start screen (open one read-only, delete one, delete all). Each state at the default width, in dark
// mode and at 480 px, with axe and a horizontal-overflow check; a screenshot of each for review. The app's
// and the page's clocks are set (no wall-clock assertion), and the page's time zone and locale are fixed.
import { createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock, type Scenario } from '../../main/simulator/index.js';
import { axeViolations } from './support/axe.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import type { AppOptions } from './support/harness.js';
import { LAYOUTS, showAs, type Layout } from './support/layout.js';
import { reviewState } from './support/review.js';
import { scenario } from './support/scenarios.js';
import { heading, PASSED_HEADING, START_HEADING, waitForHeading, waitForProblem } from './support/screens.js';
import { usePerTestSession } from './support/session.js';

const session = usePerTestSession();

/** When the app (and the simulated Arena) think it is, and the page's zone: 06:06:07 in Berlin. */
const T0 = new Date('2026-03-04T05:06:07.000Z');
const ZONE = 'Europe/Berlin';
const CLOCKS: AppOptions = { now: () => T0, pageTime: T0, timezoneId: ZONE, locale: 'en-GB' };

async function openAs(layout: Layout, options: AppOptions = CLOCKS): Promise<Page> {
  const { page } = await session.open(options);
  await showAs(page, layout);
  await waitForHeading(page, START_HEADING);
  return page;
}

async function practise(page: Page, chosen: Scenario): Promise<void> {
  await page.getByRole('button', { name: 'Practice with sample problems' }).click();
  await page.getByRole('button', { name: chosen.title, exact: true }).click();
}

const text = async (page: Page): Promise<string> => ((await page.locator('main, body').first().textContent()) ?? '').replace(/\s+/g, ' ');

/** The visible buttons styled as the screen's primary action. */
const primaries = (page: Page): Promise<string[]> => page.locator('button.primary:visible').allTextContents();

/** What tells a default answer from the others: the colours and weight a button is drawn with. */
function looks(page: Page, name: string): Promise<string> {
  return page.getByRole('button', { name, exact: true }).evaluate((button) => {
    const style = getComputedStyle(button);
    return [style.backgroundColor, style.color, style.borderColor, style.fontWeight].join(' ');
  });
}

/** A loopback port nothing listens on: taken from the system, then let go. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('result screens (%s)', (name, layout) => {
  it('a diagnosis: its title is the heading, the failed step and Arena code right under it, one primary button, answers can be changed', async () => {
    const page = await openAs(layout);
    const chosen = scenario('webtoken-regenerated');
    await practise(page, chosen);
    await waitForProblem(page);
    expect(await heading(page)).toBe('Arena rejected the WebToken');
    // Right under the heading, before the evidence: the step that failed and Arena's code.
    const under = await page
      .getByRole('heading', { level: 1 })
      .evaluate((h1) => (h1.nextElementSibling instanceof HTMLElement ? h1.nextElementSibling.innerText : ''));
    expect(under).toBe('Log in as the integration user failed · Arena code 4089 (HTTP 400)');
    // The step list is below the evidence and the walk.
    const [article, steps] = await Promise.all([
      page.getByRole('article').first().boundingBox(),
      page.getByRole('list', { name: 'Steps' }).boundingBox(),
    ]);
    expect(steps?.y ?? 0).toBeGreaterThan((article?.y ?? 0) + (article?.height ?? 0) - 1);
    expect(await text(page)).toMatch(/Arena said: .*Invalid/);
    expect(await text(page)).not.toContain('This computer got');
    expect(await primaries(page)).toEqual(['Check again']);
    // "Yes" is drawn like "No" and "Not sure", unlike the primary button.
    const yes = await looks(page, 'Yes');
    expect(await looks(page, 'No')).toBe(yes);
    expect(await looks(page, 'Not sure')).toBe(yes);
    expect(await looks(page, 'Check again')).not.toBe(yes);
    await reviewState(page, `result-diagnosis-${name}`);

    // Two answers, each with a "Change" control, and "Start the questions again".
    const walk = page.getByRole('article').first();
    const firstQuestion = await walk.locator('.question-text').textContent();
    await walk.getByRole('button', { name: 'No', exact: true }).click();
    await expect.poll(() => walk.getByText('Question 2 of 4').count()).toBe(1);
    const secondQuestion = await walk.locator('.question-text').textContent();
    await walk.getByRole('button', { name: 'Not sure', exact: true }).click();
    await expect.poll(() => walk.getByText('Question 3 of 4').count()).toBe(1);
    const answered = walk.getByRole('list', { name: 'Your answers so far' });
    expect((await answered.textContent())?.replace(/\s+/g, ' ')).toContain(`${firstQuestion} No`);
    expect((await answered.textContent())?.replace(/\s+/g, ' ')).toContain(`${secondQuestion} Not sure`);
    expect(await walk.getByRole('button', { name: /^Change your answer to: / }).count()).toBe(2);
    expect(await walk.getByRole('button', { name: 'Start the questions again' }).count()).toBe(1);
    await reviewState(page, `result-answers-${name}`);

    // Changing the second answer asks that question again, and keeps the first.
    await walk.getByRole('button', { name: `Change your answer to: ${secondQuestion}` }).click();
    await expect.poll(() => walk.getByText('Question 2 of 4').count()).toBe(1);
    expect(await walk.locator('.question-text').textContent()).toBe(secondQuestion);
    expect(await walk.getByRole('button', { name: /^Change your answer to: / }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Starting again clears every answer: the first question, and nothing answered.
    await walk.getByRole('button', { name: 'Start the questions again' }).click();
    await expect.poll(() => walk.getByText('Question 1 of 4').count()).toBe(1);
    expect(await walk.locator('.question-text').textContent()).toBe(firstQuestion);
    expect(await walk.getByRole('list', { name: 'Your answers so far' }).count()).toBe(0);
    expect(await walk.getByRole('button', { name: 'Start the questions again' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a lockout: the countdown comes first and largest, with the local time it ends', async () => {
    const page = await openAs(layout);
    await practise(page, scenario('integration-user-locked'));
    await waitForProblem(page);
    expect(await heading(page)).toBe('The integration user is locked out for five minutes');
    const timer = page.getByRole('timer', { name: 'Time left before checking again' });
    // The page's clock ticks on from T0 (a loaded machine may take a while): at most five minutes left.
    await expect.poll(() => timer.textContent()).toMatch(/^0[0-4]:[0-5]\d$|^05:00$/);
    // The app locked the account at T0 (06:06:07 in Berlin): five minutes later, in this computer's zone.
    expect(await page.locator('.lockout').textContent()).toContain(`Ends at 06:11:07 (${ZONE})`);
    // The most prominent element: larger than any other text on the screen, the heading included, and
    // above the evidence.
    const sizes = await page.evaluate(() => {
      const size = (element: Element): number => Number.parseFloat(getComputedStyle(element).fontSize);
      const timerElement = document.querySelector('[role="timer"]');
      const others = [...document.body.querySelectorAll('*')].filter(
        (element) => timerElement && !timerElement.contains(element) && (element.textContent ?? '').trim() !== '',
      );
      return { timer: timerElement ? size(timerElement) : 0, largestOther: Math.max(...others.map(size)) };
    });
    expect(sizes.timer).toBeGreaterThan(sizes.largestOther);
    const [timerBox, evidence] = await Promise.all([timer.boundingBox(), page.getByRole('article').first().boundingBox()]);
    expect(timerBox?.y ?? Infinity).toBeLessThan(evidence?.y ?? 0);
    expect(await page.getByRole('button', { name: 'Check again' }).isDisabled()).toBe(true);
    expect(await primaries(page)).toEqual(['Check again']);
    await reviewState(page, `result-lockout-${name}`);
  });

  it('a passed check says when the request budget resets, in the local zone; "Save or copy a report" is the one primary button', async () => {
    const page = await openAs(layout);
    await practise(page, scenario('healthy'));
    await waitForHeading(page, PASSED_HEADING);
    // The simulated Arena resets at midnight in California: 08:00 UTC, 09:00 in Berlin; T0 is before it.
    expect(await text(page)).toContain(`Request budget resets 04/03/2026, 09:00:00 (${ZONE})`);
    expect(await text(page)).not.toContain('already past');
    expect(await primaries(page)).toEqual(['Save or copy a report']);
    await reviewState(page, `result-passed-${name}`);
  });

  it('a used-up request budget (4084) says when it resets in the local zone, and when that is past', async () => {
    const page = await openAs(layout);
    await practise(page, scenario('request-budget-exhausted'));
    await waitForProblem(page);
    expect(await heading(page)).toBe('The workspace has used up its Arena API requests for today');
    const facts = page.getByRole('article').first().locator('dl.facts');
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain(`Request budget resets 04/03/2026, 09:00:00 (${ZONE})`);
    expect(await facts.textContent()).not.toContain('already past');
    await reviewState(page, `result-budget-used-up-${name}`);

    // The same result shown after the reset (the page's clock a day on): said to be past.
    await page.clock.fastForward('24:00:00');
    await page.getByRole('button', { name: 'Save or copy a report' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await waitForProblem(page);
    expect((await facts.innerText()).replace(/\s+/g, ' ')).toContain(`Request budget resets 04/03/2026, 09:00:00 (${ZONE}): already past`);
  });

  it('two failed steps (authorize, then logout): each with its own evidence and walk, both passing axe', async () => {
    const page = await openAs(layout);
    await practise(page, scenario('session-expired-before-authorize'));
    await waitForProblem(page);
    expect(await page.getByRole('article').count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Finding the cause (Authorize the Onshape user)' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Finding the cause (Log out)' }).count()).toBe(1);
    await reviewState(page, `result-two-failed-steps-${name}`);
  });

  it('a web filter\'s page in Arena\'s place: its title and text as plain text, never "Arena said:"', async () => {
    const page = await openAs(layout);
    await practise(page, scenario('web-filter-block-page'));
    await waitForProblem(page);
    const figure = page.getByRole('figure', { name: /The web page that came back instead/ });
    await expect.poll(() => figure.count()).toBe(1);
    expect(await figure.locator('.page-title').textContent()).toMatch(/^Its title: .+/);
    // Shown as text: the page's own markup never becomes elements on this screen.
    expect(await figure.locator('blockquote *').count()).toBe(0);
    expect(await text(page)).not.toContain('Arena said');
    expect(await primaries(page)).toHaveLength(1);
    await reviewState(page, `result-web-page-${name}`);
  });

  it('a refused port is "This computer got:", never "Arena said:"', async () => {
    const port = await refusedPort();
    const page = await openAs(layout);
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...scenario('healthy').check, apiUrl: `http://127.0.0.1:${port}/v1` });
    await continueAndLogIn(page);
    await waitForProblem(page);
    const shown = await text(page);
    expect(shown).toMatch(/This computer got: ECONNREFUSED/);
    expect(shown).not.toContain('Arena said');
    expect(await page.locator('.failed-where').first().textContent()).toMatch(/failed · This computer got ECONNREFUSED/);
    expect(await primaries(page)).toHaveLength(1);
    await reviewState(page, `result-local-failure-${name}`);
  });
});

describe.each(LAYOUTS.map((layout) => [layout.name, layout] as const))('Recent checks on the start screen (%s)', (name, layout) => {
  it('lists each check with when, where, outcome and diagnosis; opens one read-only; deletes one, then all', async () => {
    const clock = new ManualClock(T0.getTime());
    const { app, simulator, chosen } = await session.start('healthy', CLOCKS, { clock });
    const { page } = app;
    await showAs(page, layout);
    await waitForHeading(page, START_HEADING);
    expect(await page.getByRole('heading', { name: 'Recent checks' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...chosen.check, apiUrl: simulator.apiUrl });
    await continueAndLogIn(page);
    await waitForHeading(page, PASSED_HEADING);
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Check my connection' }).click();
    await fillDetails(page, { ...chosen.check, apiUrl: `http://127.0.0.1:${await refusedPort()}/v1` });
    await continueAndLogIn(page);
    await waitForProblem(page);
    const refusedTitle = await heading(page);
    await page.getByRole('button', { name: 'Start over' }).click();
    await waitForHeading(page, START_HEADING);

    // Newest first: when (local time), where (address and workspace), the outcome, the diagnosis title.
    const entries = page.locator('.recent-checks > li');
    await expect.poll(() => entries.count()).toBe(2);
    const [refused, passed] = (await entries.allInnerTexts()).map((entry) => entry.replace(/\s+/g, ' '));
    expect(refused).toContain(`${refusedTitle} · `);
    expect(refused).toContain(`04/03/2026, 06:06:07 · http://127.0.0.1:`);
    expect(passed).toContain(`${PASSED_HEADING} · passed`);
    expect(passed).toContain(`04/03/2026, 06:06:07 · ${simulator.apiUrl}, workspace ${chosen.check.workspaceId}`);
    await reviewState(page, `start-recent-checks-${name}`);

    // A day later, the passed check opens as it was: read-only, nothing to re-run, its budget reset past.
    await page.clock.fastForward('24:00:00');
    await entries.nth(1).getByRole('button', { name: 'Open' }).click();
    await waitForHeading(page, PASSED_HEADING);
    const shown = await text(page);
    expect(shown).toContain('A past check, from 04/03/2026, 06:06:07: shown as it was, nothing is sent again');
    expect(shown).toContain(`Request budget resets 04/03/2026, 09:00:00 (${ZONE}): already past`);
    expect(await page.getByRole('button', { name: 'Check again' }).count()).toBe(0);
    expect(await primaries(page)).toEqual(['Save or copy a report']);
    await reviewState(page, `result-past-check-${name}`);
    const before = simulator.requests.length;
    // Its report can still be saved: the past check's, as it was.
    await page.getByRole('button', { name: 'Save or copy a report' }).click();
    await waitForHeading(page, 'Report');
    await page.getByRole('button', { name: 'Save as JSON' }).click();
    // The app says "Saved" once the file is complete.
    await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Saved/)]));
    const reports = join(app.dataDir, 'reports');
    expect(existsSync(reports) ? readdirSync(reports) : []).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(reports, readdirSync(reports)[0] ?? ''), 'utf8')) as unknown;
    expect(saved).toMatchObject({ ok: true, target: { apiUrl: simulator.apiUrl } });
    await page.getByRole('button', { name: 'Back' }).click();
    await waitForHeading(page, PASSED_HEADING);
    await page.getByRole('button', { name: 'Start over' }).click();
    await waitForHeading(page, START_HEADING);

    // Delete one: the other stays.
    await entries.nth(0).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entries.count()).toBe(1);
    expect(await page.locator('.recent').getByRole('status').textContent()).toBe('The check was deleted.');
    expect((await entries.first().innerText()).replace(/\s+/g, ' ')).toContain(`${PASSED_HEADING} · passed`);
    expect(await axeViolations(page)).toEqual([]);

    // Delete all, after a confirmation beside the control.
    await page.getByRole('button', { name: 'Delete all recent checks' }).click();
    expect(await text(page)).toContain('Delete all 1 recent checks from this computer?');
    await reviewState(page, `start-recent-delete-all-${name}`);
    await page.getByRole('button', { name: 'Yes, delete them all' }).click();
    await expect.poll(() => entries.count()).toBe(0);
    expect(await text(page)).toContain('No checks are kept on this computer.');
    expect(await page.locator('.recent').getByRole('status').textContent()).toBe('All recent checks were deleted.');
    expect(await axeViolations(page)).toEqual([]);
    const kept = JSON.parse(readFileSync(join(app.dataDir, 'history.json'), 'utf8')) as { entries: unknown[] };
    expect(kept.entries).toEqual([]);
    // Opening and deleting sent nothing to Arena.
    expect(simulator.requests.length).toBe(before);
  });
});
