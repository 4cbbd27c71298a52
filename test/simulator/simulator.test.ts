// The simulator through real HTTP on loopback, with fetch and node:http (never the project's Arena client).
import { execFileSync } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepName } from '../../common/check-report.js';
import { SCENARIO_GROUPS } from '../../common/practice.js';
import {
  authorizeBody,
  ENDPOINT_PATHS,
  loginBody,
  SESSION_HEADER,
  SESSION_ID_KEYS,
  SESSION_IDLE_MS,
  type LoginBody,
} from '../../main/arena/request-shapes.js';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';
import { ARENA_ERRORS } from '../../main/simulator/errors.js';
import { formatPacific, nextPacificMidnight } from '../../main/simulator/budget.js';
import {
  LOCKOUT_MS,
  LOCKOUT_THRESHOLD,
  ManualClock,
  SCENARIOS,
  scenarioByName,
  startSimulator,
  type Scenario,
  type ScenarioCheck,
  type SimulatorHandle,
  type WorkspaceState,
} from '../../main/simulator/index.js';
import { readSeedTable } from '../support/seed-tables.js';

// ---- helpers

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
  code: number | null;
}

async function call(
  apiUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; session?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.session !== undefined) headers[SESSION_HEADER] = options.session;
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(`${apiUrl}${path}`, { method, headers, body: body ?? null });
  const text = await res.text();
  // A middlebox in Arena's place answers with a web page, not JSON.
  const json: unknown = text === '' ? null : /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
  const errors = (json as { errors?: { code?: unknown }[] } | null)?.errors;
  const code = errors?.[0]?.code;
  return { status: res.status, headers: res.headers, json, code: typeof code === 'number' ? code : null };
}

function sessionIdOf(json: unknown): string {
  for (const key of SESSION_ID_KEYS) {
    const v = (json as Record<string, unknown> | null)?.[key];
    if (typeof v === 'string') return v;
  }
  throw new Error(`no session id in ${JSON.stringify(json)}`);
}

const login = (apiUrl: string, check: Pick<ScenarioCheck, 'email' | 'workspaceId' | 'loginType' | 'secret'>): Promise<Answer> =>
  call(apiUrl, 'POST', '/login', { body: loginBody(check) });

const authorize = (apiUrl: string, session: string, email: string, password: string): Promise<Answer> =>
  call(apiUrl, 'POST', '/login/authorizeuser', { body: authorizeBody(email, password), session });

const logout = (apiUrl: string, session: string): Promise<Answer> => call(apiUrl, 'PUT', '/logout', { session });

/** The check's sequence: reach, login, authorize (when a user is given), logout; stops at the first failure. */
async function runCheck(apiUrl: string, check: ScenarioCheck): Promise<{ step: string | null; answer: Answer | null }> {
  // The reach probe: a logout without a session, which Arena refuses with 401 / 401 when it is up.
  const probe = await call(apiUrl, 'PUT', '/logout');
  if (probe.status !== 401 || probe.code !== 401) return { step: 'reach', answer: probe };
  const first = await login(apiUrl, check);
  if (first.status !== 200) return { step: 'login', answer: first };
  const session = sessionIdOf(first.json);
  if (check.userEmail !== undefined) {
    const a = await authorize(apiUrl, session, check.userEmail, check.userPassword ?? '');
    if (a.status !== 200) return { step: 'authorize', answer: a };
  }
  const out = await logout(apiUrl, session);
  if (out.status !== 200) return { step: 'logout', answer: out };
  return { step: null, answer: null };
}

/** A raw request with node:http(s), for what fetch hides (compression) or cannot set (a CA). */
function raw(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string; ca?: Buffer },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: options.method, headers: options.headers, ca: options.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const healthy = (): Scenario => {
  const s = scenarioByName('healthy');
  if (!s) throw new Error('healthy scenario missing');
  return s;
};

function healthyWith(change: (state: WorkspaceState) => void): Scenario {
  const base = healthy();
  return {
    ...base,
    name: 'custom',
    workspace: () => {
      const s = base.workspace();
      change(s);
      return s;
    },
  };
}

const START = Date.parse('2025-06-10T16:00:00Z'); // 09:00 Pacific (PDT)

let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  vi.restoreAllMocks();
});

async function start(scenario: Scenario | string = 'healthy', clock = new ManualClock(START)): Promise<SimulatorHandle> {
  sim = await startSimulator({ scenario, clock });
  return sim;
}

/** The step a check meets each endpoint at. The users check has its own scenarios (users-scenarios.ts). */
const CHECK_STEPS = new Map<string, StepName>(
  (['login', 'authorize', 'logout'] as const).map((step) => [ENDPOINT_PATHS[step].endpoint, step]),
);

interface DocumentedCode {
  code: number;
  /** null: Arena documents it for any endpoint, so any step may show it. */
  step: StepName | null;
  source: string;
}

/**
 * Every code Arena documents where a check meets it: the rows of the login and authorize seed tables, read
 * from the pages, and the catalogue's documented entries (main/knowledge, from docs/arena-docs) for the
 * endpoints a check calls (logout's 401) or for any endpoint (the unknown-errors page's 3000 and 4087).
 */
const documentedCodes: DocumentedCode[] = [
  ...readSeedTable('login-errors.md').map((row) => ({ code: row.code, step: 'login' as const, source: 'seeds/login-errors.md' })),
  ...readSeedTable('authorize-user-errors.md').map((row) => ({
    code: row.code,
    step: 'authorize' as const,
    source: 'seeds/authorize-user-errors.md',
  })),
  ...KNOWLEDGE_BASE.flatMap((entry) => {
    const { documented } = entry;
    if (!documented) return [];
    const codes = entry.match.codes.filter((code): code is number => typeof code === 'number');
    const steps = entry.match.endpoints === 'any' ? [null] : entry.match.endpoints.flatMap((endpoint) => CHECK_STEPS.get(endpoint) ?? []);
    return codes.flatMap((code) => steps.map((step) => ({ code, step, source: documented.source })));
  }),
];
describe('scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s reproduces its expected outcome', async (_name, scenario) => {
    const { apiUrl } = await start(scenario);
    const result = await runCheck(apiUrl, scenario.check);
    expect(result.step).toBe(scenario.expect.step);
    expect(result.answer?.status ?? null).toBe(scenario.expect.httpStatus);
    // A code of the check's own (HTML_RESPONSE) is no code in the answer.
    expect(result.answer?.code ?? null).toBe(typeof scenario.expect.code === 'number' ? scenario.expect.code : null);
  });

  it('names are unique kebab-case and descriptions are short', () => {
    const names = SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SCENARIOS) {
      expect(s.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.description.split(/(?<=\.)\s/).length).toBeLessThanOrEqual(2);
      expect(scenarioByName(s.name)).toBe(s);
    }
    expect(scenarioByName('no-such-scenario')).toBeUndefined();
  });

  it('sit in the practice group of what fails: the failing step, or reaching Arena (network) for the reach step; every group is used', () => {
    for (const s of SCENARIOS) {
      const expected = s.expect.step === null ? 'passes' : s.expect.step === 'reach' ? 'network' : s.expect.step;
      expect(s.group, s.name).toBe(expected);
    }
    expect(new Set(SCENARIOS.map((s) => s.group))).toEqual(new Set(SCENARIO_GROUPS.map((entry) => entry.group)));
  });

  it('are described in plain words, with no field names from the API', () => {
    for (const s of SCENARIOS)
      expect(`${s.title} ${s.description}`, s.name).not.toMatch(/arenaSessionId|session key|webtoken\b|loginType|\bJSON\b/);
  });

  it("cover every code Arena documents where a check meets it, at its step, and the simulator's spent request budget", () => {
    // Both seed tables, logout's page and the unknown-errors page: the floor catches a reader that finds nothing.
    expect(new Set(documentedCodes.map((entry) => entry.source)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(documentedCodes.map((entry) => entry.code)).size).toBeGreaterThanOrEqual(14);
    // Reach asks first, so what Arena answers every request with (503 while it is down) shows there.
    const shownAt = (entry: DocumentedCode, step: StepName | null) => entry.step === null || step === entry.step || step === 'reach';
    const uncovered = documentedCodes.filter(
      (entry) => !SCENARIOS.some((s) => s.expect.code === entry.code && shownAt(entry, s.expect.step)),
    );
    expect(uncovered).toEqual([]);
    // Not in Arena's tables, but the simulator answers it once a workspace's daily budget is spent.
    expect(SCENARIOS.map((s) => s.expect.code)).toContain(ARENA_ERRORS.requestLimitReached.code);
    expect(SCENARIOS.some((s) => s.expect.step === null && s.check.userEmail !== undefined)).toBe(true);
    expect(SCENARIOS.some((s) => s.expect.step === null && s.check.userEmail === undefined)).toBe(true);
  });

  it('answer with the message Arena documents for the code', async () => {
    sim = await startSimulator({ scenario: 'webtoken-regenerated' });
    const result = await runCheck(sim.apiUrl, sim.scenario.check);
    expect(result.answer?.json).toEqual({ status: 400, errors: [{ code: 4089, message: 'Invalid Token.' }] });
  });

  it('4087 carries a support code', async () => {
    sim = await startSimulator({ scenario: 'arena-internal-error' });
    const result = await runCheck(sim.apiUrl, sim.scenario.check);
    const message = (result.answer?.json as { errors: { message: string }[] }).errors[0]?.message ?? '';
    expect(message).toMatch(/^Unknown errors encountered\. Please contact Arena Technical Support.*SIM-5F2A-91C3/);
  });

  it('give each run fresh state', async () => {
    const scenario = scenarioByName('request-budget-exhausted');
    if (!scenario) throw new Error('missing scenario');
    const a = scenario.workspace();
    a.budget.used = 0;
    a.features.api = false;
    const b = scenario.workspace();
    expect(b.budget.used).toBe(b.budget.limit);
    expect(b.features.api).toBe(true);
  });

  it('unknown scenario names are refused', async () => {
    await expect(startSimulator({ scenario: 'nope' })).rejects.toThrow(/nope/);
  });

  it('keep verbatim seed messages', () => {
    expect(ARENA_ERRORS.loginInvalid.message).toBe(
      'The username, password or workspace ID is not valid or you are not allowed to log in due to IP restriction.',
    );
    expect(ARENA_ERRORS.lockedOut.message).toBe('Too many invalid password attempts, account disabled for five minutes.');
  });
});

const INTEGRATION = healthy().check;
const USER_EMAIL = INTEGRATION.userEmail ?? '';
const USER_PASSWORD = INTEGRATION.userPassword ?? '';
const PASSWORD_CHECK: ScenarioCheck = { ...INTEGRATION, loginType: 'password', secret: 'Integration#Initial-2024' };

describe('lockout', () => {
  it(`locks the integration user after ${LOCKOUT_THRESHOLD} failed logins and releases it after five minutes`, async () => {
    const { apiUrl, clock } = await start();
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      expect((await login(apiUrl, { ...PASSWORD_CHECK, secret: `wrong-${i}` })).code).toBe(4001);
    }
    // Even the right credential is refused while locked, by password or WebToken.
    expect((await login(apiUrl, PASSWORD_CHECK)).code).toBe(4083);
    expect((await login(apiUrl, INTEGRATION)).code).toBe(4083);
    clock.advance(LOCKOUT_MS - 1);
    expect((await login(apiUrl, INTEGRATION)).code).toBe(4083);
    clock.advance(1);
    expect((await login(apiUrl, INTEGRATION)).status).toBe(200);
  });

  it('does not lock below the threshold, and a success clears the count', async () => {
    const { apiUrl } = await start();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) await login(apiUrl, { ...PASSWORD_CHECK, secret: 'wrong' });
      expect((await login(apiUrl, PASSWORD_CHECK)).status).toBe(200);
    }
  });

  it('counts wrong WebTokens and wrong workspace IDs as failed attempts', async () => {
    const { apiUrl } = await start();
    expect((await login(apiUrl, { ...INTEGRATION, secret: 'wt-stale' })).code).toBe(4089);
    expect((await login(apiUrl, { ...PASSWORD_CHECK, workspaceId: 1 })).code).toBe(4001);
    expect((await login(apiUrl, { ...INTEGRATION, workspaceId: 1 })).code).toBe(4089);
    expect((await login(apiUrl, INTEGRATION)).code).toBe(4083);
  });

  it('locks the Onshape user after wrong passwords on authorize (answered 20000, status 500)', async () => {
    const { apiUrl, workspace } = await start();
    const session = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const a = await authorize(apiUrl, session, USER_EMAIL, 'wrong');
      expect([a.status, a.code]).toEqual([500, 20000]);
    }
    expect(workspace.isLocked(USER_EMAIL)).toBe(true);
    expect((await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)).code).toBe(4083);
  });
});

describe('sessions', () => {
  it('expire 90 minutes after the last action, not after login', async () => {
    const { apiUrl, clock } = await start();
    const session = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    clock.advance(SESSION_IDLE_MS);
    expect((await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)).status).toBe(200);
    clock.advance(SESSION_IDLE_MS);
    expect((await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)).status).toBe(200);
    clock.advance(SESSION_IDLE_MS + 1);
    const late = await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD);
    expect([late.status, late.code]).toEqual([400, 20016]);
    const out = await logout(apiUrl, session);
    expect(out.status).toBe(401);
    expect(out.json).toEqual({ status: 401, errors: [{ code: 401, message: ARENA_ERRORS.invalidAccessToken.message }] });
  });

  it('a second login by the same user cancels the first session only', async () => {
    const { apiUrl, workspace } = await start();
    const first = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    const second = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    expect(second).not.toBe(first);
    expect(workspace.liveSessionCount(INTEGRATION.email)).toBe(1);
    const a = await authorize(apiUrl, first, USER_EMAIL, USER_PASSWORD);
    expect([a.status, a.code]).toEqual([500, 20000]);
    expect((await logout(apiUrl, first)).status).toBe(401);
    expect((await authorize(apiUrl, second, USER_EMAIL, USER_PASSWORD)).status).toBe(200);
  });

  it('another user logging in leaves the session alone', async () => {
    const { apiUrl } = await start();
    const session = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    expect((await login(apiUrl, { ...PASSWORD_CHECK, email: USER_EMAIL, secret: USER_PASSWORD })).status).toBe(200);
    expect((await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)).status).toBe(200);
  });

  it('logout ends the session', async () => {
    const { apiUrl } = await start();
    const session = sessionIdOf((await login(apiUrl, INTEGRATION)).json);
    const out = await logout(apiUrl, session);
    expect(out.status).toBe(200);
    expect((await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)).code).toBe(20000);
    expect((await logout(apiUrl, session)).status).toBe(401);
  });

  it('authorize without the session header is 20000 with status 500; logout without it is 401', async () => {
    const { apiUrl } = await start();
    const a = await call(apiUrl, 'POST', '/login/authorizeuser', { body: authorizeBody(USER_EMAIL, USER_PASSWORD) });
    expect(a.json).toEqual({ status: 500, errors: [{ code: 20000, message: 'User not authenticated.' }] });
    expect((await call(apiUrl, 'PUT', '/logout')).code).toBe(401);
  });

  it.each(SESSION_ID_KEYS)('the login reply can spell the session key %s', async (key) => {
    sim = await startSimulator({ sessionKey: key, clock: new ManualClock(START) });
    const reply = await login(sim.apiUrl, INTEGRATION);
    const body = reply.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([key, 'workspaceId', 'workspaceName', 'workspaceRequestLimit'].sort());
    expect(body.workspaceId).toBe(INTEGRATION.workspaceId);
    expect((await authorize(sim.apiUrl, String(body[key]), USER_EMAIL, USER_PASSWORD)).status).toBe(200);
  });
});

describe('request budget', () => {
  const remaining = (a: Answer): string | null => a.headers.get('x-arena-requests-remaining');
  const resetHeader = (a: Answer): string | null => a.headers.get('x-arena-next-request-limit-reset');

  it('login is free, later calls count down, then 429/4084 until the Pacific midnight reset', async () => {
    const clock = new ManualClock(START);
    const { apiUrl } = await start(
      healthyWith((s) => (s.budget = { limit: 3, used: 0 })),
      clock,
    );
    const loggedIn = await login(apiUrl, INTEGRATION);
    expect(remaining(loggedIn)).toBe('3');
    const expectedReset = formatPacific(nextPacificMidnight(START));
    expect(resetHeader(loggedIn)).toBe(expectedReset);
    expect(Date.parse(expectedReset)).toBe(Date.parse('2025-06-11T07:00:00Z'));
    const session = sessionIdOf(loggedIn.json);

    const seen: (string | null)[] = [];
    for (let i = 0; i < 3; i++) seen.push(remaining(await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD)));
    expect(seen).toEqual(['2', '1', '0']);
    // Logging in again does not count and does not refill.
    expect(remaining(await login(apiUrl, { ...INTEGRATION, email: USER_EMAIL, loginType: 'password', secret: USER_PASSWORD }))).toBe('0');

    const spent = await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD);
    expect([spent.status, spent.code]).toEqual([429, 4084]);
    expect(remaining(spent)).toBe('0');
    expect(resetHeader(spent)).toBe(expectedReset);

    // Midnight Pacific: the budget is full again (the old session has idled out by then).
    clock.set(Date.parse('2025-06-11T07:00:00Z'));
    const again = await login(apiUrl, INTEGRATION);
    expect(remaining(again)).toBe('3');
    const after = await authorize(apiUrl, sessionIdOf(again.json), USER_EMAIL, USER_PASSWORD);
    expect(after.status).toBe(200);
    expect(remaining(after)).toBe('2');
    expect(resetHeader(after)).toBe('2025-06-12T00:00:00-07:00');
  });

  it('failed logins carry no budget headers', async () => {
    const { apiUrl } = await start();
    const failed = await login(apiUrl, { ...INTEGRATION, secret: 'nope' });
    expect(remaining(failed)).toBeNull();
    expect(resetHeader(failed)).toBeNull();
  });
});

describe('request validation', () => {
  const body = loginBody(INTEGRATION);

  it.each([
    ['no content-type', { body: JSON.stringify(body), headers: { 'content-type': '' } }, 415, 415],
    ['text/plain', { body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } }, 415, 415],
    ['not JSON', { body: '{"email":', headers: {} }, 400, 20010],
    ['a JSON array', { body: '[]', headers: {} }, 400, 20010],
    ['malformed email', { body: { ...body, email: 'not-an-email' }, headers: {} }, 400, 20012],
    ['quoted workspaceId', { body: { ...body, workspaceId: String(body.workspaceId) }, headers: {} }, 400, 20014],
    ['a field LoginDetail lacks', { body: { ...body, username: 'x' }, headers: {} }, 400, 20014],
    ['loginType ACCESSTOKEN', { body: { ...body, loginType: 'ACCESSTOKEN' }, headers: {} }, 400, 20014],
  ] as const)('login with %s', async (_label, options, status, code) => {
    const { apiUrl } = await start();
    const a = await call(apiUrl, 'POST', '/login', { body: options.body, headers: { ...options.headers } });
    expect([a.status, a.code]).toEqual([status, code]);
  });

  it('accepts a charset parameter on the content-type', async () => {
    const { apiUrl } = await start();
    const a = await call(apiUrl, 'POST', '/login', { body, headers: { 'Content-Type': 'application/json; charset=UTF-8' } });
    expect(a.status).toBe(200);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const { apiUrl } = await start();
    const a = await call(apiUrl, 'POST', '/login', { body: { ...body, reason: 'x'.repeat(70 * 1024) } });
    expect([a.status, a.code]).toEqual([413, 413]);
  });

  it('answers unknown paths with a JSON 404 and wrong methods with 405', async () => {
    const { apiUrl } = await start();
    const missing = await call(apiUrl, 'GET', '/items');
    expect([missing.status, missing.code]).toEqual([404, 404]);
    expect((await call(apiUrl.replace(/\/v1$/, ''), 'POST', '/login', { body })).status).toBe(404);
    const wrong = await call(apiUrl, 'POST', '/logout');
    expect([wrong.status, wrong.code]).toEqual([405, 405]);
    expect(wrong.headers.get('allow')).toBe('PUT');
  });

  it('a WebToken login without the loginType field is read as a password login (4001)', async () => {
    const { apiUrl } = await start();
    const { loginType: _dropped, ...withoutType } = body;
    const a = await call(apiUrl, 'POST', '/login', { body: withoutType satisfies Partial<LoginBody> });
    expect(a.code).toBe(4001);
  });

  it('IP allow-lists that include this computer let it in', async () => {
    const { apiUrl } = await start(healthyWith((s) => (s.ipAllowList = ['203.0.113.0/24', '127.0.0.0/8'])));
    expect((await login(apiUrl, INTEGRATION)).status).toBe(200);
  });
});

describe('HTTP behaviour', () => {
  it('gzips the response when Accept-Encoding allows it, and only then', async () => {
    const { apiUrl } = await start();
    const url = `${apiUrl}/login`;
    const payload = JSON.stringify(loginBody(INTEGRATION));
    const headers = { 'content-type': 'application/json' };
    const zipped = await raw(url, { method: 'POST', body: payload, headers: { ...headers, 'accept-encoding': 'br, gzip;q=0.8' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toMatchObject({ workspaceId: INTEGRATION.workspaceId });
    const refused = await raw(url, { method: 'POST', body: payload, headers: { ...headers, 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ workspaceId: INTEGRATION.workspaceId });
    const plain = await raw(url, { method: 'POST', body: payload, headers });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['server']).toBe('ArenaSolutions');
  });

  it('records requests without secrets, with fingerprints that tell repeats apart', async () => {
    const { apiUrl, requests } = await start();
    const wrong = 'Wr0ng-Secret!';
    await login(apiUrl, { ...PASSWORD_CHECK, secret: wrong });
    await login(apiUrl, { ...PASSWORD_CHECK, secret: wrong });
    const ok = await login(apiUrl, INTEGRATION);
    const session = sessionIdOf(ok.json);
    await authorize(apiUrl, session, USER_EMAIL, USER_PASSWORD);
    await logout(apiUrl, session);

    const text = JSON.stringify(requests);
    for (const secret of [wrong, INTEGRATION.secret, USER_PASSWORD, session]) expect(text).not.toContain(secret);

    expect(requests.map((r) => [r.method, r.path, r.status, r.code])).toEqual([
      ['POST', '/v1/login', 400, 4001],
      ['POST', '/v1/login', 400, 4001],
      ['POST', '/v1/login', 200, null],
      ['POST', '/v1/login/authorizeuser', 200, null],
      ['PUT', '/v1/logout', 200, null],
    ]);
    const [a, b, c, d, e] = requests;
    expect(a?.credentialKind).toBe('password');
    expect(a?.credentialFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(b?.credentialFingerprint).toBe(a?.credentialFingerprint);
    expect(c?.credentialKind).toBe('webtoken');
    expect(c?.credentialFingerprint).not.toBe(a?.credentialFingerprint);
    expect(d?.email).toBe(USER_EMAIL);
    expect(d?.sessionFingerprint).toBe(e?.sessionFingerprint);
    expect(e?.credentialKind).toBeNull();
    expect(a?.time).toBe(START);
  });

  it('never writes to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    for (const scenario of SCENARIOS) {
      const s = await startSimulator({ scenario, clock: new ManualClock(START) });
      await runCheck(s.apiUrl, scenario.check);
      await call(s.apiUrl, 'POST', '/login', { body: '{' });
      await s.close();
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('close() does not wait for a client that never finishes its request', async () => {
    const { apiUrl } = await start();
    const port = Number(new URL(apiUrl).port);
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"em');
    await new Promise((r) => setTimeout(r, 50));
    const closed = await Promise.race([sim?.close().then(() => 'closed'), new Promise((r) => setTimeout(() => r('timed out'), 2000))]);
    sim = undefined;
    expect(closed).toBe('closed');
    await new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
    expect(socket.destroyed).toBe(true);
  });

  it('close() also cuts idle keep-alive connections and can be called twice', async () => {
    const s = await startSimulator({ clock: new ManualClock(START) });
    await login(s.apiUrl, INTEGRATION); // fetch keeps the socket alive
    await s.close();
    await s.close();
    await expect(fetch(`${s.apiUrl}/login`, { method: 'POST' })).rejects.toThrow();
  });

  it('the default clock follows real time', async () => {
    sim = await startSimulator();
    expect(Math.abs(sim.clock.now() - Date.now())).toBeLessThan(5000);
    expect(sim.scenario.name).toBe('healthy');
  });

  it('serves HTTPS with the given key and certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=localhost',
          '-days',
          '1',
          '-addext',
          'subjectAltName=IP:127.0.0.1,DNS:localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const key = readFileSync(join(dir, 'key.pem'));
      const cert = readFileSync(join(dir, 'cert.pem'));
      sim = await startSimulator({ tls: { key, cert }, clock: new ManualClock(START) });
      expect(sim.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
      const res = await raw(`${sim.apiUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(loginBody(INTEGRATION)),
        ca: cert,
      });
      expect(res.status).toBe(200);
      expect(sessionIdOf(JSON.parse(res.body.toString('utf8')))).toMatch(/^SIM-/);
      // Without trusting the certificate the handshake must fail: the server really speaks TLS.
      await expect(raw(`${sim.apiUrl}/login`, { method: 'POST' })).rejects.toThrow(/self-signed|self signed/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
