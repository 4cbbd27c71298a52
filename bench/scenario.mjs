// The simulator target every timing figure uses: the "healthy" scenario (all three steps pass), with a
// request budget large enough that hundreds of checks never run it out.
import { SCENARIOS, startSimulator } from '../out/main/simulator/index.js';

export const HEALTHY = SCENARIOS.find((scenario) => scenario.name === 'healthy');
if (!HEALTHY || HEALTHY.check.loginType !== 'webtoken' || !HEALTHY.check.userEmail) {
  throw new Error('bench: the "healthy" scenario must be a WebToken check with an Onshape user');
}

const UNLIMITED = {
  ...HEALTHY,
  workspace: () => ({ ...HEALTHY.workspace(), budget: { limit: 1_000_000_000, used: 0 } }),
};

/** latencyMs: the simulator delays every answer by this much (0: answers at once). */
export function startHealthySimulator(latencyMs = 0) {
  return startSimulator({ scenario: UNLIMITED, ...(latencyMs > 0 ? { latencyMs } : {}) });
}

/** The CheckRequest the core runs, from the scenario's check. */
export function checkRequest(apiUrl) {
  const { check } = HEALTHY;
  return {
    apiUrl,
    workspaceId: check.workspaceId,
    integrationEmail: check.email,
    loginType: check.loginType,
    integrationSecret: check.secret,
    user: { email: check.userEmail, password: check.userPassword },
    timeoutMs: 10_000,
  };
}
