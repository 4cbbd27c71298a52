// The wizard over the development bridge against a hostile server that echoes every secret it was sent,
// in every encoding and place (test/support/echo-server.ts): the page (its text and form values), every
// message it received, the saved reports, the clipboard, settings.json, recheck.json and the log hold
// no sentinel when the admin is done.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECHO_CHECK, ECHO_SECRETS, ECHO_SENTINELS, startEchoServer, type EchoLogin } from '../support/echo-server.js';
import { sentinelHits } from '../support/sentinels.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import { waitForProblem } from './support/screens.js';
import { useSharedApp } from './support/session.js';

// Every run logs in as the same Arena account, and each one fails: the re-check guard would rightly hold
// the same WebToken (for up to a day), so the app's clock moves a day on before each run.
let clockMs = Date.now();
const session = useSharedApp({ log: true, now: () => new Date(clockMs) });

const LOGINS: EchoLogin[] = ['session', 'html-page', 'arena-error'];

describe.each(LOGINS.map((login) => [login] as const))('the wizard against an echoing server (login answer: %s)', (login) => {
  it('runs, reports and is left without a sentinel in the page', async () => {
    clockMs += 24 * 60 * 60 * 1000;
    const echo = await startEchoServer(login);
    const { app } = session;
    const { page } = app;
    try {
      await page.goto(`${app.bridge.origin}/`);
      await page.getByRole('button', { name: 'Check my connection' }).click();
      await fillDetails(page, {
        ...ECHO_CHECK,
        apiUrl: echo.apiUrl,
        secret: ECHO_SECRETS.webtoken,
        userPassword: ECHO_SECRETS.userPassword,
      });
      await continueAndLogIn(page);
      await waitForProblem(page, 15_000);
      expect(echo.heard.has(ECHO_SECRETS.webtoken)).toBe(true);
      // While the result shows: what the admin sees holds no sentinel.
      expect(sentinelHits(await page.evaluate(() => document.documentElement.outerHTML), ECHO_SENTINELS)).toEqual([]);

      await page.getByRole('button', { name: 'Save or copy a report' }).click();
      await page.getByRole('button', { name: 'Save as HTML' }).click();
      await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Saved/)]));
      await page.getByRole('button', { name: 'Save as JSON' }).click();
      await page.getByRole('button', { name: 'Copy summary' }).click();
      await expect.poll(() => app.host.clipboard.length).toBeGreaterThan(0);
      // Markdown, as support pastes it into a ticket: saved and copied.
      const copies = app.host.clipboard.length;
      await page.getByRole('button', { name: 'Save as Markdown' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/Saved.*\.md$/)]));
      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect.poll(() => app.host.clipboard.length).toBe(copies + 1);
      expect(app.host.clipboard.at(-1)).toMatch(/^# Arena Connect Doctor report\n/);
    } finally {
      await echo.close();
    }
  });
});

describe('after every echoing server', () => {
  it('no saved report, clipboard copy, message to the page, state file or log line holds a sentinel', async () => {
    const { app } = session;
    await app.host.logger.flush();
    const texts: Record<string, string> = {
      received: app.received.join('\n'),
      clipboard: app.host.clipboard.join('\n'),
    };
    const reports = join(app.dataDir, 'reports');
    for (const file of readdirSync(reports)) texts[file] = readFileSync(join(reports, file), 'utf8');
    for (const file of ['settings.json', 'recheck.json', 'history.json']) {
      if (existsSync(join(app.dataDir, file))) texts[file] = readFileSync(join(app.dataDir, file), 'utf8');
    }
    const logs = join(app.dataDir, 'logs');
    texts.log = readdirSync(logs)
      .map((file) => readFileSync(join(logs, file), 'utf8'))
      .join('\n');
    expect(Object.keys(texts).filter((name) => name.endsWith('.html') || name.endsWith('.json')).length).toBeGreaterThanOrEqual(
      LOGINS.length * 2,
    );
    expect(Object.keys(texts).filter((name) => name.endsWith('.md'))).toHaveLength(LOGINS.length);
    expect(texts.log).toContain('check finished');
    expect(app.received.length).toBeGreaterThan(LOGINS.length * 3);
    for (const [name, text] of Object.entries(texts)) expect(sentinelHits(text, ECHO_SENTINELS), name).toEqual([]);
  });
});
