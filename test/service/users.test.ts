// The users check through the service, as the window drives it, against the simulator on loopback:
// preview, verdicts, progress, the guard, one login at a time, exports (CSV, JSON, HTML), no secret out.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckProgress, Result, UsersIntent } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import {
  generatedUser,
  LOGIN_EMPLOYEES,
  startSimulator,
  usersScenario,
  type SimulatorHandle,
  type UsersWorkspaceOptions,
} from '../../main/simulator/index.js';
import { WEBTOKEN } from '../../main/simulator/scenarios.js';
import { NOT_REACHED_REASON } from '../../main/check/runner.js';
import { isReachProbe } from '../support/scenario-check.js';
import { startLoopbackServer } from '../support/loopback-server.js';

let simulator: SimulatorHandle | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

const email = (index: number): string => generatedUser(index).email.toLowerCase();

async function setup(
  workspace: UsersWorkspaceOptions,
): Promise<{ service: DoctorService; exportDir: string; intent: (emailsText: string, overrides?: Partial<UsersIntent>) => UsersIntent }> {
  simulator = await startSimulator({ scenario: usersScenario(workspace), latencyMs: 5 });
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-users-service-'));
  const exportDir = join(dataDir, 'reports');
  const service = createDoctorService(bridgeHost({ dataDir, exportDir, keychain: false, timeoutMs: 5000 }));
  const apiUrl = simulator.apiUrl;
  return {
    service,
    exportDir,
    intent: (emailsText, overrides = {}) => ({
      details: {
        dataCentre: 'custom',
        apiUrl,
        workspaceId: 123456789,
        integrationEmail: 'onshape-integration@northwind.example',
        loginType: 'webtoken',
        userEmail: null,
      },
      integrationSecret: { source: 'typed', value: WEBTOKEN },
      remember: false,
      confirmedChange: false,
      proxy: { mode: 'direct' },
      emailsText,
      ...overrides,
    }),
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('users check through the service', () => {
  it('previews the list and its cost bound without sending anything', async () => {
    const { service } = await setup({ users: 10 });
    const preview = data(await service.handle('previewUsers', `Email,Name\n${email(1)},A\n${email(1).toUpperCase()},B\nnobody,C\n`));
    expect(preview).toEqual({
      emails: 1,
      duplicates: 1,
      invalid: [{ line: 4, text: 'nobody,C' }],
      column: 'Email',
      atMostRequests: 3,
      perPage: 400,
    });
    expect(simulator?.requests).toEqual([]);
  });

  it('runs with page-by-page progress, gives verdicts, and exports CSV, JSON and HTML without the WebToken', async () => {
    const { service, exportDir, intent } = await setup({ users: 1200 });
    const progress: CheckProgress[] = [];
    service.onProgress((event) => progress.push(event));
    const emails = [email(1), email(14), email(16), 'ghost@northwind.example', email(800), email(1100), email(1101)];
    const outcome = data(await service.handle('runUsersCheck', intent(emails.join('\n'))));
    expect(outcome.report.usersCheck.users.map((user) => user.status)).toEqual([
      'ready',
      'disabled',
      'not-an-employee',
      'not-found',
      'ready',
      'ready',
      'ready',
    ]);
    expect(
      progress
        .filter((event) => event.type === 'users-progress')
        .map((event) => (event.type === 'users-progress' ? `${event.done}/${event.total}` : '')),
    ).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(
      progress.filter((event) => event.type === 'step-finished').map((event) => (event.type === 'step-finished' ? event.result.step : '')),
    ).toEqual(['reach', 'login', 'users', 'logout']);

    for (const format of ['csv', 'json', 'html'] as const) {
      const saved = data(await service.handle('exportReport', { format, supportTicket: null, diagnosisPath: [], historyId: null }));
      expect(saved.saved).toBe(true);
    }
    const files = readdirSync(exportDir);
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file).toMatch(/^arena-connect-doctor-users-workspace-123456789-/);
      const text = readFileSync(join(exportDir, file), 'utf8');
      expect(text).not.toContain(WEBTOKEN);
      expect(text).toContain('ghost@northwind.example');
    }
    const csv = files.find((file) => file.endsWith('.csv')) ?? '';
    const rows = parse(readFileSync(join(exportDir, csv), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.status)).toEqual(['ready', 'disabled', 'not-an-employee', 'not-found', 'ready', 'ready', 'ready']);
    const html = readFileSync(join(exportDir, files.find((file) => file.endsWith('.html')) ?? ''), 'utf8');
    expect(html).toContain('<td>ghost@northwind.example</td><td>not found</td>');
  });

  it.each([0, 1, 397, 398, 9997])(
    'reads every page of a workspace with %i generated users (3 more log in), counted at the server as announced',
    async (generated) => {
      const { service, intent } = await setup({ users: generated });
      const total = generated + LOGIN_EMPLOYEES;
      const pages = Math.max(1, Math.ceil(total / 400));
      // As many emails beyond the first page as pages, so reading the list is the cheaper way.
      const emails = [
        ...(generated > 0 ? [email(generated - 1)] : []),
        ...Array.from({ length: pages }, (_, i) => `gone${i}@northwind.example`),
      ];
      const outcome = data(await service.handle('runUsersCheck', intent(emails.join('\n'))));
      expect(outcome.report.usersCheck.plan).toMatchObject({ strategy: 'list', workspaceUsers: total, requests: pages + 1 });
      expect(outcome.report.usersCheck.requestsUsed).toBe(pages + 1);
      expect(simulator?.requests.filter((request) => request.path !== '/v1/login' && !isReachProbe(request))).toHaveLength(pages + 1);
      expect(outcome.report.usersCheck.users.at(-1)?.status).toBe('not-found');
      if (generated > 0) expect(outcome.report.usersCheck.users[0]?.status).not.toBe('not-found');
    },
  );

  it('explains a refused list with the administrator way out, and logs out', async () => {
    const { service, intent } = await setup({ users: 10, integrationMayReadUsers: false });
    const outcome = data(await service.handle('runUsersCheck', intent(email(1))));
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'failed', 'passed']);
    expect(outcome.report.steps[2]?.diagnosis?.id).toBe('users.4082');
    expect(JSON.stringify(outcome.report.steps[2]?.diagnosis)).toMatch(/login type password/);
  });

  it('refuses CSV export after a connection check, which has no users table', async () => {
    const { service } = await setup({ users: 1 });
    const result = await service.handle('exportReport', { format: 'csv', supportTicket: null, diagnosisPath: [], historyId: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-report' } });
  });

  it('refuses a list without any email, and too large a text, before logging in', async () => {
    const { service, intent } = await setup({ users: 1 });
    expect(await service.handle('runUsersCheck', intent('nobody\nnothing'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringMatching(/No valid email/) },
    });
    expect(await service.handle('runUsersCheck', intent('x'.repeat(6 * 1024 * 1024)))).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(simulator?.requests).toEqual([]);
  });

  it('after a wrong WebToken, will not send it again until the admin confirms a change', async () => {
    const { service, intent } = await setup({ users: 1 });
    const wrong = intent(email(1), { integrationSecret: { source: 'typed', value: 'wt-wrong-one' } });
    const first = data(await service.handle('runUsersCheck', wrong));
    expect(first.report.steps[1]).toMatchObject({ step: 'login', outcome: 'failed', errorCode: 4089 });
    expect(await service.handle('runUsersCheck', wrong)).toMatchObject({ ok: false, error: { code: 'recheck-needs-change' } });
    expect(simulator?.requests.filter((request) => request.path === '/v1/login')).toHaveLength(1);
  });

  it('runs one login at a time: a users check while another runs is refused', async () => {
    const { service, intent } = await setup({ users: 4000 });
    const many = Array.from({ length: 20 }, (_, i) => email(2000 + i)).join('\n');
    const running = service.handle('runUsersCheck', intent(many));
    const second = await service.handle('runUsersCheck', intent(email(1)));
    expect(second).toMatchObject({ ok: false, error: { code: 'check-in-progress' } });
    expect(data(await running).report.ok).toBe(true);
  });

  it('cancel during the reads still logs out', async () => {
    const { service, intent } = await setup({ users: 4000 });
    service.onProgress((event) => {
      if (event.type === 'users-progress' && event.done === 2) void service.handle('cancelCheck', undefined);
    });
    const outcome = data(await service.handle('runUsersCheck', intent(Array.from({ length: 20 }, (_, i) => email(2000 + i)).join('\n'))));
    expect(outcome.cancelled).toBe(true);
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'skipped', 'passed']);
    expect(simulator?.requests.at(-1)?.path).toBe('/v1/logout');
  });

  it('reaches Arena first: a proxy page in the way means no login is sent, and the result says why', async () => {
    // A web filter's block page where Arena should answer: the reach step names it before any credential.
    const blocker = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Blocked by policy</body></html>');
    });
    try {
      const { service, intent } = await setup({ users: 10 });
      const base = intent(email(1));
      const outcome = data(await service.handle('runUsersCheck', { ...base, details: { ...base.details, apiUrl: blocker.apiUrl } }));
      expect(outcome.report.steps.map((step) => [step.step, step.outcome])).toEqual([
        ['reach', 'failed'],
        ['login', 'skipped'],
        ['users', 'skipped'],
        ['logout', 'skipped'],
      ]);
      expect(outcome.report.steps[0]).toMatchObject({ errorCode: 'HTML_RESPONSE', diagnosis: { id: expect.any(String) } });
      // The route is reported as for a check: the intent chose a direct connection.
      expect(outcome.report.steps[0]?.network?.route).toEqual({ via: 'direct', reason: 'chosen-direct' });
      expect(outcome.report.steps.slice(1).map((step) => step.skippedReason)).toEqual([
        NOT_REACHED_REASON,
        NOT_REACHED_REASON,
        NOT_REACHED_REASON,
      ]);
      // The server got the probe alone: no login, no WebToken, no session.
      expect(blocker.requests.map((request) => [request.method, request.url, request.body])).toEqual([['PUT', '/v1/logout', '']]);
      expect(JSON.stringify(blocker.requests)).not.toContain(WEBTOKEN);
      expect(outcome.report.usersCheck.requestsUsed).toBe(0);
    } finally {
      await blocker.close();
    }
  });
});
