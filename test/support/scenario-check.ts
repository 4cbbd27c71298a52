// Turns a simulator scenario into the inputs a check (or the CLI) is given.
import type { CheckRequest } from '../../main/check/runner.js';
import { checkRequestFor as practiceCheckRequest } from '../../main/practice/practice.js';
import type { RecordedRequest, Scenario } from '../../main/simulator/index.js';

/** The check practice mode runs for a scenario (one mapping for the app, the tests and the benchmarks). */
export function checkRequestFor(scenario: Scenario, apiUrl: string): CheckRequest {
  return practiceCheckRequest(scenario, apiUrl, 5000);
}

/** The simulator's session ids: "SIM-" and 32 base64url characters, ending in "|". */
const SESSION_ID = /SIM-[A-Za-z0-9_-]{20,}\|/;

/** Which of a scenario's secrets (WebToken or password, user password, any session id) appear in a text. */
export function leakedSecrets(scenario: Scenario, text: string): string[] {
  const { check } = scenario;
  const found = [check.secret, check.userPassword ?? ''].filter((secret) => secret !== '' && text.includes(secret));
  const session = SESSION_ID.exec(text);
  return session ? [...found, session[0]] : found;
}

export function cliArgumentsFor(scenario: Scenario, apiUrl: string): { args: string[]; env: Record<string, string> } {
  const { check } = scenario;
  const args = [
    'check',
    '--api-url',
    apiUrl,
    '--workspace-id',
    String(check.workspaceId),
    '--email',
    check.email,
    '--login-type',
    check.loginType,
  ];
  const env: Record<string, string> = check.loginType === 'webtoken' ? { ARENA_WEBTOKEN: check.secret } : { ARENA_PASSWORD: check.secret };
  if (check.userEmail && check.userPassword) {
    args.push('--user-email', check.userEmail);
    env.ARENA_USER_PASSWORD = check.userPassword;
  }
  return { args, env };
}

/** The reach step's credential-free probe as the simulator recorded it: a logout with no session. */
export function isReachProbe(request: Pick<RecordedRequest, 'method' | 'path' | 'sessionFingerprint'>): boolean {
  return request.method === 'PUT' && request.path.endsWith('/logout') && request.sessionFingerprint === null;
}
