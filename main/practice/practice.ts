// Practice mode: a real check against the built-in simulator, for one named scenario. The CLI and the
// desktop app both use it, so anyone can see what the tool does without an Arena account.
import type { CheckReport } from '../../common/check-report.js';
import type { ScenarioSummary } from '../../common/ipc/contract.js';
import { performCheck, type CheckEnvironment, type CheckRequest } from '../check/runner.js';
import { SCENARIOS, startSimulator, type Scenario } from '../simulator/index.js';

export interface PracticeRun {
  scenario: Scenario;
  report: CheckReport;
  /** The check failed (or passed) exactly where the scenario says it should. */
  asExpected: boolean;
  /** After a cancel: what was left open in the simulator, in plain words; else null. */
  cancelNote: string | null;
}

/** What a check is given for a scenario: its integration, secrets and Onshape user, against `apiUrl`. */
export function checkRequestFor(scenario: Scenario, apiUrl: string, timeoutMs = 10_000): CheckRequest {
  const { check } = scenario;
  return {
    apiUrl,
    workspaceId: check.workspaceId,
    integrationEmail: check.email,
    loginType: check.loginType,
    integrationSecret: check.secret,
    user: check.userEmail && check.userPassword ? { email: check.userEmail, password: check.userPassword } : null,
    timeoutMs,
    // The simulator listens on this computer, which is never reached through a proxy.
    route: { via: 'direct', chosenBy: 'loopback' },
  };
}

export async function runPracticeScenario(scenario: Scenario, environment: CheckEnvironment = {}): Promise<PracticeRun> {
  // One timeline for the simulated Arena and the check: a scenario that lets 90 minutes pass moves both,
  // so what the check saw (e.g. how long after the login a step ran) tells the scenario's story.
  const base = environment.now ?? (() => new Date());
  const simulator = await startSimulator({ scenario, clock: { now: () => base().getTime() } });
  try {
    const { report, cancelNote } = await performCheck(
      { ...checkRequestFor(scenario, simulator.apiUrl), practiceScenario: scenario.name },
      { ...environment, now: () => new Date(simulator.clock.now()) },
    );
    return { scenario, report, asExpected: matchesExpectation(scenario, report), cancelNote };
  } finally {
    await simulator.close();
  }
}

export function matchesExpectation(scenario: Scenario, report: CheckReport): boolean {
  const failed = report.steps.find((step) => step.outcome === 'failed') ?? null;
  const { expect } = scenario;
  if (expect.step === null) return failed === null && report.ok;
  return failed !== null && failed.step === expect.step && failed.httpStatus === expect.httpStatus && failed.errorCode === expect.code;
}

export function scenarioSummaries(): ScenarioSummary[] {
  return SCENARIOS.map((scenario) => ({
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    group: scenario.group,
    expectedStep: scenario.expect.step,
    expectedCode: scenario.expect.code,
  }));
}
