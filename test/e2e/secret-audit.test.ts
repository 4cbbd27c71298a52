// The secret-leak audit through the whole app (renderer + development bridge + main-process service):
// every simulator scenario is checked through the details form with its WebToken and passwords typed in,
// its report saved as HTML and JSON and copied, then the page is left. Afterwards nothing holds a secret:
// not the page (DOM and form values), not any message the page received (API answers and progress
// events), not the exported files, the clipboard, the settings file, the history of recent checks (which
// also keeps a message pasted to explain that holds every secret typed before), or the support log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, startSimulator, type Scenario } from '../../main/simulator/index.js';
import { leakedSecrets } from '../support/scenario-check.js';
import { continueAndLogIn, fillDetails } from './support/details-form.js';
import { heading, outcomeShown, pageText } from './support/screens.js';
import { useSharedApp } from './support/session.js';

const audited: Scenario[] = [];

// The scenarios share one Arena account, and the re-check guard holds an account Arena refused or locked
// (for up to a day), whatever the address: the app's clock moves a day on before each scenario.
let clockMs = Date.now();
const session = useSharedApp({ log: true, now: () => new Date(clockMs) });

function leaksIn(text: string): string[] {
  return audited.flatMap((scenario) => leakedSecrets(scenario, text));
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('audit %s', (_name, scenario) => {
  it('runs, reports and is left without a secret in the page', async () => {
    const simulator = await startSimulator({ scenario });
    audited.push(scenario);
    clockMs += 24 * 60 * 60 * 1000;
    const { app } = session;
    const { page } = app;
    try {
      await page.goto(`${app.bridge.origin}/`);
      await page.getByRole('button', { name: 'Check my connection' }).click();
      // The form starts from the previous scenario's saved details: fillDetails sets every choice explicitly.
      await fillDetails(page, { ...scenario.check, apiUrl: simulator.apiUrl });
      await continueAndLogIn(page);
      await expect.poll(() => outcomeShown(page), { timeout: 15_000 }).toMatch(/^(The connection works|The check found a problem)$/);
      expect(await outcomeShown(page)).toBe(scenario.expect.step === null ? 'The connection works' : 'The check found a problem');

      await page.getByRole('button', { name: 'Save or copy a report' }).click();
      await page.getByRole('button', { name: 'Save as HTML' }).click();
      await expect.poll(() => page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Saved/)]));
      await page.getByRole('button', { name: 'Save as JSON' }).click();
      await page.getByRole('button', { name: 'Copy summary' }).click();
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Start over' }).click();
      await expect.poll(() => heading(page)).toBe('Check the Onshape–Arena connection');
      expect(leakedSecrets(scenario, await pageText(page))).toEqual([]);
    } finally {
      await simulator.close();
    }
  });
});

describe('a message pasted to explain', () => {
  it('holding the WebTokens and passwords typed earlier, labelled and not, is explained and kept without them', async () => {
    const { page, bridge } = session.app;
    const typed = audited
      .flatMap((scenario) => [scenario.check.secret, scenario.check.userPassword ?? ''])
      .filter((secret) => secret !== '');
    const [token, password] = typed;
    const pasted = `4089 Invalid Token. X-Web-Token: ${token ?? ''} password=${password ?? ''} and also ${typed.join(' ')}`.slice(0, 9_000);
    await page.goto(`${bridge.origin}/`);
    await page.getByRole('button', { name: 'Explain an error I see in Onshape' }).click();
    await page.getByLabel('The error as Onshape shows it').fill(pasted);
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect.poll(() => page.getByText('Explained from a message, no connection made.').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect.poll(() => heading(page)).toBe('Check the Onshape–Arena connection');
    // The form's own field is gone with the screen; the page holds none of it now.
    expect(leaksIn(await pageText(page))).toEqual([]);
  });
});

describe('after every scenario', () => {
  it('no exported report, clipboard copy, message to the page, settings file, history or log line holds a secret', async () => {
    const { app } = session;
    expect(audited).toHaveLength(SCENARIOS.length);
    // The detector itself finds what it looks for.
    expect(leaksIn(`x ${SCENARIOS[0]?.check.secret ?? ''} y`)).not.toEqual([]);
    const reports = join(app.dataDir, 'reports');
    const files = readdirSync(reports);
    expect(files).toHaveLength(SCENARIOS.length * 2);
    for (const file of files) expect(leaksIn(readFileSync(join(reports, file), 'utf8')), file).toEqual([]);
    expect(app.host.clipboard.length).toBeGreaterThanOrEqual(SCENARIOS.length);
    expect(leaksIn(app.host.clipboard.join('\n'))).toEqual([]);
    expect(app.received.length).toBeGreaterThan(SCENARIOS.length * 3);
    expect(leaksIn(app.received.join('\n'))).toEqual([]);
    expect(leaksIn(readFileSync(join(app.dataDir, 'settings.json'), 'utf8'))).toEqual([]);
    const history = readFileSync(join(app.dataDir, 'history.json'), 'utf8');
    // Every check, and the explained message.
    expect((JSON.parse(history) as { entries: { kind: string }[] }).entries.map((entry) => entry.kind)).toEqual([
      'explain',
      ...SCENARIOS.map(() => 'check'),
    ]);
    expect(leaksIn(history)).toEqual([]);
    await app.host.logger.flush();
    const logs = join(app.dataDir, 'logs');
    const logText = readdirSync(logs)
      .map((file) => readFileSync(join(logs, file), 'utf8'))
      .join('\n');
    expect(logText).toContain('check finished');
    expect(leaksIn(logText)).toEqual([]);
  });
});
