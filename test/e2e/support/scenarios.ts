// The simulator's scenarios by name, and what the simulator heard, as the tests count it.
import { scenarioByName, type Scenario, type SimulatorHandle } from '../../../main/simulator/index.js';

export function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

/** Every login request the simulator received, in order. */
export function logins(simulator: SimulatorHandle): SimulatorHandle['requests'] {
  return simulator.requests.filter((request) => request.path.endsWith('/login'));
}

/** How many requests carried a credential or a session (the reach probe carries neither). */
export function credentialed(simulator: SimulatorHandle): number {
  return simulator.requests.filter((request) => request.credentialFingerprint !== null || request.sessionFingerprint !== null).length;
}
