// The check runner over real HTTP against the simulator: every scenario, events, request counts, secrets.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../common/check-report.js';
import { runCheck, type CheckEvent } from '../../main/check/runner.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { SCENARIOS, startSimulator, type Scenario } from '../../main/simulator/index.js';
import { checkRequestFor, leakedSecrets } from '../support/scenario-check.js';

async function runScenario(
  scenario: Scenario,
): Promise<{ report: CheckReport; events: CheckEvent[]; requests: Awaited<ReturnType<typeof startSimulator>>['requests'] }> {
  const simulator = await startSimulator({ scenario });
  const events: CheckEvent[] = [];
  try {
    const report = await runCheck(checkRequestFor(scenario, simulator.apiUrl), { onEvent: (event) => events.push(event) });
    return { report, events, requests: simulator.requests };
  } finally {
    await simulator.close();
  }
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('scenario %s', (_name, scenario) => {
  it('fails where the scenario says, with a diagnosis from the knowledge base', async () => {
    const { report } = await runScenario(scenario);
    const failed = report.steps.find((step) => step.outcome === 'failed');
    if (scenario.expect.step === null) {
      expect(failed).toBeUndefined();
      expect(report.ok).toBe(true);
      expect(report.workspaceName).toBeTruthy();
      return;
    }
    expect(report.ok).toBe(false);
    expect(failed?.step).toBe(scenario.expect.step);
    expect(failed?.httpStatus).toBe(scenario.expect.httpStatus);
    expect(failed?.errorCode).toBe(scenario.expect.code);
    expect(failed?.diagnosis?.id).toBeTruthy();
    expect(failed?.diagnosis?.id).not.toBe('unknown');
    expect(failed?.diagnosis?.causes.map((cause) => cause.id)).toContain(scenario.expect.cause);
  });

  it('sends each credential once and logs out after every successful login', async () => {
    const { report, requests } = await runScenario(scenario);
    const logins = requests.filter((request) => request.path.endsWith('/login'));
    const authorizes = requests.filter((request) => request.path.endsWith('/login/authorizeuser'));
    const logouts = requests.filter((request) => request.path.endsWith('/logout') && request.sessionFingerprint !== null);
    const probes = requests.filter((request) => request.path.endsWith('/logout') && request.sessionFingerprint === null);
    // The reach probe comes first and carries nothing: no session, no credential.
    expect(probes).toHaveLength(1);
    expect(requests[0]).toBe(probes[0]);
    const reached = report.steps[0]?.outcome === 'passed';
    expect(logins).toHaveLength(reached ? 1 : 0);
    expect(authorizes.length).toBeLessThanOrEqual(1);
    const loggedIn = report.steps[1]?.outcome === 'passed';
    expect(logouts).toHaveLength(loggedIn ? 1 : 0);
    expect(report.steps.map((step) => step.step)).toEqual(['reach', 'login', 'authorize', 'logout']);
  });

  it('keeps every secret out of the report in all its renderings', async () => {
    const { report, events } = await runScenario(scenario);
    // The HTML page is what customers send; Markdown and text are what support pastes.
    const renderings = [
      JSON.stringify(report),
      renderJson(report),
      renderHtml(report),
      renderMarkdown(report),
      renderText(report),
      JSON.stringify(events),
    ];
    for (const rendering of renderings) expect(leakedSecrets(scenario, rendering)).toEqual([]);
  });
});

describe('progress events', () => {
  it('announces each step that runs before its result, in order', async () => {
    const healthy = SCENARIOS.find((scenario) => scenario.name === 'healthy');
    if (!healthy) throw new Error('the healthy scenario is missing');
    const { events } = await runScenario(healthy);
    expect(events.map((event) => (event.type === 'step-started' ? `start:${event.step}` : `done:${event.result.step}`))).toEqual([
      'start:reach',
      'done:reach',
      'start:login',
      'done:login',
      'start:authorize',
      'done:authorize',
      'start:logout',
      'done:logout',
    ]);
  });
});
