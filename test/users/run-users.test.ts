// The users check against the simulator on loopback: verdicts, paging, search, the budget, the privilege
// failure, logout after everything, and requests counted at the server matching the announced cost.
import { describe, expect, it } from 'vitest';
import type { UsersReport } from '../../common/users-report.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  generatedUser,
  LOGIN_EMPLOYEES,
  startSimulator,
  usersScenario,
  type SimulatorHandle,
  type UsersWorkspaceOptions,
} from '../../main/simulator/index.js';
import { runUsersCheck, type UsersEvent, type UsersRequest } from '../../main/users/run-users.js';
import { parseEmailList } from '../../main/users/email-input.js';
import { checkRequestFor, isReachProbe, leakedSecrets } from '../support/scenario-check.js';

interface Run {
  report: UsersReport;
  simulator: SimulatorHandle;
  events: UsersEvent[];
  /** Requests the server counted against the budget: all but the login and the credential-free reach probe. */
  counted: number;
}

async function runUsers(options: UsersWorkspaceOptions, emailsText: string, overrides: Partial<UsersRequest> = {}): Promise<Run> {
  const scenario = usersScenario(options);
  const simulator = await startSimulator({ scenario });
  try {
    const list = parseEmailList(emailsText);
    if (!list.ok) throw new Error(list.error);
    const { user: _none, ...base } = checkRequestFor(scenario, simulator.apiUrl);
    const events: UsersEvent[] = [];
    const report = await runUsersCheck(
      { ...base, emails: list.value.emails, invalid: list.value.invalid, ...overrides },
      { onEvent: (event) => events.push(event) },
    );
    const counted = simulator.requests.filter((request) => request.path !== '/v1/login' && !isReachProbe(request)).length;
    return { report, simulator, events, counted };
  } finally {
    await simulator.close();
  }
}

/** The address as the admin would paste it (case-folded: Arena stores every third one in mixed case). */
const email = (index: number): string => generatedUser(index).email.toLowerCase();
/** The reach step's probe as paths() shows it: a logout with no session, before any credential. */
const PROBE = 'PUT /v1/logout';
const paths = (run: Run): string[] => run.simulator.requests.map((request) => `${request.method} ${request.path}${request.search}`);

describe('users check: verdicts', () => {
  it('gives every verdict, matching mixed case and duplicates, with advice for each kind', async () => {
    // In each cycle of 20 generated users: 0-13 enabled employees, 14-15 disabled, 16 partner, 17-18 suppliers, 19 integration.
    const input = [
      email(1),
      email(3).toUpperCase(),
      email(14),
      email(16),
      email(17),
      email(18),
      email(19),
      'ghost@northwind.example',
      email(1).toUpperCase(),
    ].join('\n');
    const { report } = await runUsers({ users: 40 }, input);
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['reach', 'passed'],
      ['login', 'passed'],
      ['users', 'passed'],
      ['logout', 'passed'],
    ]);
    const byEmail = Object.fromEntries(report.usersCheck.users.map((user) => [user.email, user]));
    expect(report.usersCheck.users.map((user) => user.email)).toEqual([
      email(1),
      email(3),
      email(14),
      email(16),
      email(17),
      email(18),
      email(19),
      'ghost@northwind.example',
    ]);
    expect(byEmail[email(1)]).toEqual({
      email: email(1),
      status: 'ready',
      arena: { type: 'EMPLOYEE', enabled: true, fullName: 'Engineer 1' },
      adviceId: null,
    });
    // Stored as Engineer.3@NorthWind.Example in Arena, typed in upper case here.
    expect(generatedUser(3).email).toBe('Engineer.3@NorthWind.Example');
    expect(byEmail[email(3)]?.status).toBe('ready');
    expect(byEmail[email(14)]).toMatchObject({ status: 'disabled', arena: { type: 'EMPLOYEE', enabled: false } });
    for (const index of [16, 17, 18, 19]) expect(byEmail[email(index)]?.status).toBe('not-an-employee');
    expect(byEmail[email(17)]?.arena?.type).toBe('BASIC_SUPPLIER');
    expect(byEmail['ghost@northwind.example']).toEqual({
      email: 'ghost@northwind.example',
      status: 'not-found',
      arena: null,
      adviceId: 'users.USER_NOT_FOUND',
    });

    const advice = report.usersCheck.advice;
    expect(Object.keys(advice).sort()).toEqual(['users.USER_DISABLED', 'users.USER_NOT_EMPLOYEE', 'users.USER_NOT_FOUND']);
    // Not found carries the 20015 and 20016 advice: add as a Full License Standard Employee, or give workspace access.
    const notFoundSteps = advice['users.USER_NOT_FOUND']?.causes.flatMap((cause) => cause.fixSteps.map((step) => step.text)) ?? [];
    expect(notFoundSteps.join(' ')).toMatch(/Full License Standard Employee/);
    expect(notFoundSteps.join(' ')).toMatch(/access to the workspace/);
    expect(advice['users.USER_DISABLED']?.causes[0]?.fixSteps[0]?.uiPath).toMatch(/Status = Enabled/);
    expect(advice['users.USER_NOT_EMPLOYEE']?.meaning).toMatch(/partner, a supplier or an integration user/);
    expect(report.usersCheck.cannotShow).toMatch(/license or access policies.*Arena > Workspace > Settings > Employees/);
  });

  it('needs no more than the first page when it answers for every email', async () => {
    const run = await runUsers({ users: 5000 }, [email(1), email(2), 'dana.designer@northwind.example'].join('\n'));
    expect(run.report.usersCheck.plan).toMatchObject({ strategy: 'search', requests: 2 });
    expect(run.counted).toBe(2);
    expect(run.report.usersCheck.users.map((user) => user.status)).toEqual(['ready', 'ready', 'ready']);
  });

  it('carries invalid lines into the report', async () => {
    const { report } = await runUsers({ users: 5 }, `${email(1)}\nnonsense\n${email(2)}`);
    expect(report.usersCheck.invalid).toEqual([{ line: 2, text: 'nonsense' }]);
    expect(report.usersCheck.emails).toBe(2);
  });
});

describe('users check: paging and cost', () => {
  const boundaries = [0, 1, 400 - LOGIN_EMPLOYEES, 401 - LOGIN_EMPLOYEES, 10_000 - LOGIN_EMPLOYEES];
  it.each(boundaries)('reads every page of a workspace with %i generated users, as announced, then logs out', async (generated) => {
    const total = generated + LOGIN_EMPLOYEES;
    const pages = Math.max(1, Math.ceil(total / 400));
    // As many emails past the first page as pages, so searching is not cheaper; the last user proves the last page was read.
    const emails = [
      ...(generated > 0 ? [email(generated - 1)] : []),
      ...Array.from({ length: pages }, (_, i) => `ghost${i}@northwind.example`),
    ];
    const run = await runUsers({ users: generated }, emails.join('\n'));
    const { plan, requestsUsed, users } = run.report.usersCheck;
    expect(plan).toMatchObject({ strategy: 'list', workspaceUsers: total, requests: pages + 1 });
    expect(requestsUsed).toBe(pages + 1);
    expect(run.counted).toBe(requestsUsed);
    expect(paths(run)).toEqual([
      PROBE,
      'POST /v1/login',
      ...Array.from({ length: pages }, (_, page) => `GET /v1/settings/users?offset=${page * 400}&limit=400`),
      'PUT /v1/logout',
    ]);
    if (generated > 0) expect(users[0]?.status).not.toBe('not-found');
    expect(users.at(-1)?.status).toBe('not-found');
    const progress = run.events.filter((event) => event.type === 'users-progress');
    expect(progress.map((event) => (event.type === 'users-progress' ? `${event.done}/${event.total}` : ''))).toEqual(
      Array.from({ length: pages }, (_, page) => `${page + 1}/${pages}`),
    );
  });

  it('searches per email when that takes fewer requests than the pages, and counts match at the server', async () => {
    const generated = 10_000 - LOGIN_EMPLOYEES;
    const emails = [email(9000), email(9001).toUpperCase(), email(9014), 'ghost@northwind.example', email(5), email(9000)];
    const run = await runUsers({ users: generated }, emails.join(', '));
    const { plan, requestsUsed, users } = run.report.usersCheck;
    // email(5) is on the first page already: only the other four are searched.
    expect(plan).toMatchObject({ strategy: 'search', requests: 1 + 4 + 1 });
    expect(requestsUsed).toBe(6);
    expect(run.counted).toBe(6);
    expect(
      run.simulator.requests
        .filter((request) => request.search.includes('email='))
        .map((request) => new URLSearchParams(request.search).get('email')),
    ).toEqual([email(9000), email(9001), email(9014), 'ghost@northwind.example']);
    expect(users.map((user) => user.status)).toEqual(['ready', 'ready', 'disabled', 'not-found', 'ready']);
  });

  it('5 000 emails against 10 000 users take 26 requests including the logout', async () => {
    const emails = Array.from({ length: 5000 }, (_, i) => email(i * 2));
    const run = await runUsers({ users: 10_000 - LOGIN_EMPLOYEES }, emails.join('\n'));
    expect(run.report.usersCheck.requestsUsed).toBe(26);
    expect(run.counted).toBe(26);
    expect(run.report.usersCheck.users).toHaveLength(5000);
  });

  it('refuses with the numbers when the rest would exceed the remaining budget, and still logs out', async () => {
    const beyondFirstPage = [1000, 1001, 1002, 1003, 1004, 1999].map(email);
    const run = await runUsers({ users: 2000, budget: { limit: 1000, used: 995 } }, beyondFirstPage.join('\n'));
    const users = run.report.steps.find((step) => step.step === 'users');
    // 2003 users: 5 more pages + the logout = 6 > 4 left after the first page.
    expect(users).toMatchObject({ outcome: 'failed', errorCode: 'OVER_BUDGET' });
    expect(users?.message).toEqual(
      expect.stringMatching(
        /^Reading the users needs 6 more requests \(5 more pages of 400 for 2003 users, and the logout\), but Arena allows 4 more today \(the budget resets \d{4}-/,
      ),
    );
    expect(users?.diagnosis?.id).toBe('users.OVER_BUDGET');
    expect(JSON.stringify(users?.diagnosis)).not.toMatch(/\{budgetResetsAt/);
    expect(paths(run)).toEqual([PROBE, 'POST /v1/login', 'GET /v1/settings/users?offset=0&limit=400', 'PUT /v1/logout']);
    expect(run.report.usersCheck.users).toEqual([]);
    expect(run.report.ok).toBe(false);
  });

  it('runs when the rest fits the budget exactly', async () => {
    const beyondFirstPage = [1000, 1001, 1002, 1003].map(email);
    // 2000 users: 4 more pages and the logout need 5, and 5 are left after the first page.
    const run = await runUsers({ users: 2000 - LOGIN_EMPLOYEES, budget: { limit: 1000, used: 994 } }, beyondFirstPage.join('\n'));
    expect(run.report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(run.report.usersCheck.plan).toMatchObject({ strategy: 'list', requests: 6, remaining: 5 });
    expect(run.counted).toBe(6);
  });
});

describe('users check: privilege and failures', () => {
  it('explains a refused list and offers the administrator login; logout still follows', async () => {
    const run = await runUsers({ users: 10, integrationMayReadUsers: false }, email(1));
    const users = run.report.steps.find((step) => step.step === 'users');
    expect(users).toMatchObject({ outcome: 'failed', httpStatus: 400, errorCode: 4082 });
    expect(users?.diagnosis?.id).toBe('users.4082');
    expect(JSON.stringify(users?.diagnosis)).toMatch(/Arena administrator: login type password/);
    expect(run.report.steps.at(-1)).toMatchObject({ step: 'logout', outcome: 'passed' });
    expect(run.report.usersCheck.users).toEqual([]);
  });

  it('works for an Arena administrator logged in with a password', async () => {
    const run = await runUsers({ users: 10, integrationMayReadUsers: false }, email(1), {
      integrationEmail: ADMIN_EMAIL,
      loginType: 'password',
      integrationSecret: ADMIN_PASSWORD,
    });
    expect(run.report.usersCheck.users.map((user) => user.status)).toEqual(['ready']);
    expect(leakedSecrets(usersScenario({ users: 1 }), JSON.stringify(run.report))).toEqual([]);
    expect(JSON.stringify(run.report)).not.toContain(ADMIN_PASSWORD);
  });

  it('skips the reads and the logout when the login fails', async () => {
    const run = await runUsers({ users: 10 }, email(1), { integrationSecret: 'wt-wrong' });
    expect(run.report.steps.map((step) => step.outcome)).toEqual(['passed', 'failed', 'skipped', 'skipped']);
    expect(run.counted).toBe(0);
    expect(run.report.usersCheck.requestsUsed).toBe(0);
  });

  it('logs out when cancelled during the reads', async () => {
    const scenario = usersScenario({ users: 3000 });
    const simulator = await startSimulator({ scenario, latencyMs: 20 });
    try {
      const { user: _none, ...base } = checkRequestFor(scenario, simulator.apiUrl);
      const cancel = new AbortController();
      const report = await runUsersCheck(
        {
          ...base,
          emails: [email(1000), email(1001), email(1002), email(1003), email(1004), email(1005), email(1006), email(1007)],
          invalid: [],
        },
        { signal: cancel.signal, onEvent: (event) => event.type === 'users-progress' && event.done === 2 && cancel.abort() },
      );
      expect(report.steps.map((step) => [step.step, step.outcome])).toEqual([
        ['reach', 'passed'],
        ['login', 'passed'],
        ['users', 'skipped'],
        ['logout', 'passed'],
      ]);
      expect(simulator.requests.at(-1)?.path).toBe('/v1/logout');
    } finally {
      await simulator.close();
    }
  });
});
