// Full CheckReport and StepResult objects for tests that render or judge reports without running a check.
// Defaults are a passed login at the US data centre; tests override what they are about.
import type { CheckReport, StepResult } from '../../common/check-report.js';

export const TEST_API = 'https://api.arenasolutions.com/v1';

export function stepResult(overrides: Partial<StepResult> = {}): StepResult {
  return {
    step: 'login',
    endpoint: 'POST /login',
    url: `${TEST_API}/login`,
    outcome: 'passed',
    httpStatus: 200,
    errorCode: null,
    message: null,
    durationMs: 312,
    timings: { dnsMs: 12, connectMs: 40, tlsMs: 80, firstByteMs: 170, totalMs: 312 },
    budget: { limit: 25000, remaining: 24990, resetsAt: '2025-05-02T00:00:00-07:00' },
    startedAt: '2025-05-01T10:00:00.000Z',
    serverDate: 'Thu, 01 May 2025 10:00:00 GMT',
    skippedReason: null,
    bodyExcerpt: null,
    pageTitle: null,
    diagnosis: null,
    ...overrides,
  };
}

/** ok follows the steps unless overridden. */
export function checkReport(overrides: Partial<CheckReport> = {}): CheckReport {
  const steps = overrides.steps ?? [stepResult()];
  return {
    tool: { name: 'Arena Connect Doctor', version: '0.1.0' },
    runtime: { node: '20.19.0', platform: 'win32', arch: 'x64', electron: '45.4.1' },
    createdAt: '2025-05-01T10:00:01.000Z',
    target: {
      dataCentre: 'us',
      apiUrl: TEST_API,
      workspaceId: 898765432,
      integrationEmail: 'integration@example.com',
      loginType: 'webtoken',
      userEmail: 'designer@example.com',
    },
    ok: steps.every((step) => step.outcome !== 'failed'),
    workspaceName: null,
    budget: null,
    steps,
    practiceScenario: null,
    supportTicket: null,
    diagnosisPath: [],
    ...overrides,
  };
}
