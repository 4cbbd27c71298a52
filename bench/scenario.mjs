// @ts-check
// The simulator target every timing figure uses: the "healthy" scenario (all three steps pass), with a
// request budget large enough that hundreds of checks never run it out.
import { checkRequestFor } from '../out/main/practice/practice.js';
import { SCENARIOS, startSimulator } from '../out/main/simulator/index.js';

/** @typedef {import('../out/main/simulator/index.js').Scenario} Scenario */

/** @returns {Scenario & {check: {userEmail: string, userPassword: string}}} */
function healthyScenario() {
  /** @type {readonly Scenario[]} */
  const scenarios = SCENARIOS;
  const healthy = scenarios.find((scenario) => scenario.name === 'healthy');
  if (!healthy || healthy.check.loginType !== 'webtoken' || !healthy.check.userEmail || !healthy.check.userPassword) {
    throw new Error('bench: the "healthy" scenario must be a WebToken check with an Onshape user');
  }
  const { userEmail, userPassword } = healthy.check;
  return { ...healthy, check: { ...healthy.check, userEmail, userPassword } };
}

export const HEALTHY = healthyScenario();

/** @type {Scenario} */
const UNLIMITED = {
  ...HEALTHY,
  workspace: () => ({ ...HEALTHY.workspace(), budget: { limit: 1_000_000_000, used: 0 } }),
};

/** latencyMs: the simulator delays every answer by this much (0: answers at once). */
export function startHealthySimulator(latencyMs = 0) {
  return startSimulator({ scenario: UNLIMITED, ...(latencyMs > 0 ? { latencyMs } : {}) });
}

/**
 * The CheckRequest the core runs, from the scenario's check (practice mode's own mapping).
 * @param {string} apiUrl
 */
export function checkRequest(apiUrl) {
  return checkRequestFor(HEALTHY, apiUrl, 10_000);
}
