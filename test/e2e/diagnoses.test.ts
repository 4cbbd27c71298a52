// For every simulated problem, the wizard reaches the cause the scenario models and shows its fix steps:
// practice → the failed step → "No" to each earlier question → "Yes" to the scenario's cause.
import { describe, expect, it } from 'vitest';
import { runPracticeScenario } from '../../main/practice/practice.js';
import { SCENARIOS, type Scenario } from '../../main/simulator/index.js';
import { leakedSecrets } from '../support/scenario-check.js';
import { screenshot } from './support/harness.js';
import { heading, kicker, PROBLEM_KICKER } from './support/screens.js';
import { useSharedApp } from './support/session.js';

const session = useSharedApp();

async function practise(scenario: Scenario): Promise<void> {
  const { app } = session;
  const { page } = app;
  await page.goto(`${app.bridge.origin}/`);
  await page.getByRole('button', { name: 'Practice with sample problems' }).click();
  await page.getByRole('button', { name: scenario.title, exact: true }).click();
}

const failing = SCENARIOS.filter((scenario) => scenario.expect.step !== null);
const passing = SCENARIOS.filter((scenario) => scenario.expect.step === null);

describe.each(failing.map((scenario) => [scenario.name, scenario] as const))('practice %s', (name, scenario) => {
  it('walks the questions to the modelled cause and shows its fix steps', async () => {
    // The same check in-process tells which questions come before the cause, in the order the app asks them.
    const { report } = await runPracticeScenario(scenario);
    const diagnosis = report.steps.find((step) => step.outcome === 'failed')?.diagnosis;
    if (!diagnosis) throw new Error(`${name} produced no diagnosis`);
    const index = diagnosis.causes.findIndex((cause) => cause.id === scenario.expect.cause);
    expect(index, `cause ${scenario.expect.cause} in ${diagnosis.id}`).toBeGreaterThanOrEqual(0);
    const cause = diagnosis.causes[index];
    if (!cause) throw new Error('unreachable');

    await practise(scenario);
    const { page } = session.app;
    await expect.poll(() => kicker(page)).toBe(PROBLEM_KICKER);
    // A later step may fail too (e.g. logout after an expired session): walk the first failed step's own path.
    const failed = page.getByRole('article').first();
    await expect.poll(() => failed.getAttribute('aria-labelledby')).toBe(`failed-${scenario.expect.step}-title`);
    // The diagnosis is the screen's heading, the failed step and its code right under it.
    expect(await heading(page)).toBe(diagnosis.title);
    expect(await page.locator('.failed-where').first().textContent()).toContain(String(scenario.expect.code));

    if (diagnosis.causes.length > 1) {
      // Questions the check answered from its own evidence are listed, not asked.
      const asked = diagnosis.causes.filter((candidate) => !candidate.answered);
      const before = diagnosis.causes.slice(0, index).filter((candidate) => !candidate.answered);
      expect(
        diagnosis.causes.slice(0, index).some((candidate) => candidate.answered?.answer === 'yes'),
        'an earlier cause answered yes',
      ).toBe(false);
      for (let question = 0; question < before.length; question += 1) {
        await expect.poll(() => failed.getByText(`Question ${question + 1} of ${asked.length}`).count()).toBe(1);
        await failed.getByRole('button', { name: 'No', exact: true }).click();
      }
      if (!cause.answered) {
        await expect.poll(() => failed.locator('.question-text').textContent()).toBe(cause.question);
        await failed.getByRole('button', { name: 'Yes', exact: true }).click();
      } else {
        await expect
          .poll(() => failed.getByRole('list', { name: 'Answered from this check' }).textContent())
          .toContain(cause.answered.evidence);
      }
      await expect.poll(() => failed.getByRole('heading', { name: 'The likely cause' }).count()).toBe(1);
    }
    await expect.poll(() => failed.locator('.cause-summary').textContent()).toBe(cause.summary);
    const fixes = await failed.getByRole('list', { name: 'How to fix it' }).textContent();
    for (const fix of cause.fixSteps) {
      expect(fixes).toContain(fix.text.slice(0, 40));
      if (fix.uiPath) expect(fixes).toContain(fix.uiPath);
    }
    await screenshot(page, `diagnosis-${name}`);
    expect(leakedSecrets(scenario, await page.content())).toEqual([]);
  });
});

describe.each(passing.map((scenario) => [scenario.name, scenario] as const))('practice %s', (name, scenario) => {
  it('says the connection works, with the workspace and the request budget', async () => {
    await practise(scenario);
    const { page } = session.app;
    await expect.poll(() => heading(page)).toBe('The connection works');
    const text = await page.locator('main, body').first().textContent();
    expect(text).toContain('Northwind Robotics');
    expect(text).toMatch(/Mappings/);
    await screenshot(page, `passed-${name}`);
  });
});
