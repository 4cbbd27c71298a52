// The CLI's practice and scenarios commands: what the tool says for each simulated problem.
import { runPracticeScenario, scenarioSummaries, type PracticeRun } from '../practice/practice.js';
import { toJsonReport } from '../report/json-report.js';
import { renderText } from '../report/text-report.js';
import { headline } from '../report/format.js';
import { SCENARIOS, scenarioByName } from '../simulator/index.js';
import type { Parsed } from './arguments.js';

export function listScenarios(json: boolean): string {
  const summaries = scenarioSummaries();
  if (json) return `${JSON.stringify(summaries, null, 2)}\n`;
  const width = Math.max(...summaries.map((summary) => summary.name.length));
  const lines = summaries.map((summary) => `${summary.name.padEnd(width)}  ${summary.title}`);
  return `${lines.join('\n')}\n\nRun one: npm run --silent doctor -- practice <name>\n`;
}

export async function runPractice(name: string | null, json: boolean): Promise<Parsed<{ output: string; allAsExpected: boolean }>> {
  const scenarios = name === null ? SCENARIOS : [scenarioByName(name)].filter((scenario) => scenario !== undefined);
  if (scenarios.length === 0) {
    return { ok: false, error: `There is no scenario "${name ?? ''}". List them with: npm run --silent doctor -- scenarios` };
  }
  const runs: PracticeRun[] = [];
  // One at a time: each scenario has its own simulator, and the output follows the list's order.
  for (const scenario of scenarios) runs.push(await runPracticeScenario(scenario));
  const allAsExpected = runs.every((run) => run.asExpected);
  const output = json ? jsonOutput(runs, name !== null) : name !== null ? detailed(runs) : overview(runs);
  return { ok: true, value: { output, allAsExpected } };
}

function jsonOutput(runs: PracticeRun[], single: boolean): string {
  const documents = runs.map((run) => ({ scenario: run.scenario.name, asExpected: run.asExpected, ...toJsonReport(run.report) }));
  return `${JSON.stringify(single ? documents[0] : documents, null, 2)}\n`;
}

function detailed(runs: PracticeRun[]): string {
  return runs
    .map((run) => `Practice: ${run.scenario.title}\n${run.scenario.description}\n\n${renderText(run.report)}${expectationNote(run)}`)
    .join('\n');
}

function overview(runs: PracticeRun[]): string {
  const blocks = runs.map((run) => {
    const failed = run.report.steps.find((step) => step.outcome === 'failed');
    const causes = failed?.diagnosis?.causes.map((cause) => `    - ${cause.summary}`) ?? [];
    return [`${run.scenario.name}: ${run.scenario.title}`, `  ${headline(run.report)}`, ...causes, expectationNote(run)]
      .filter(Boolean)
      .join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${runs.length} scenarios. Details and fix steps: npm run --silent doctor -- practice <name>\n`;
}

function expectationNote(run: PracticeRun): string {
  return run.asExpected ? '' : `  !! This scenario did not end as designed (expected ${JSON.stringify(run.scenario.expect)}).\n`;
}
