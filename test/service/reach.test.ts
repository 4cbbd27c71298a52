// "Test the network only" and the connect limit through the service, as the window drives them, against the
// real simulator and real loopback servers: no credential is read or sent, progress streams like a check's,
// the report exports as a check's does, and the admin's connect limit is the one used.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, CheckProgress, ReachIntent, Result } from '../../common/ipc/contract.js';
import { bridgeHost, type BridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { scenarioByName, startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';
import { WEBTOKEN } from '../../main/simulator/scenarios.js';
import { startFullBacklog, type FullBacklog } from '../faults/fault-server.js';
import { closedPort } from '../support/loopback-server.js';
import { isReachProbe } from '../support/scenario-check.js';

let simulator: SimulatorHandle | null = null;
let backlog: FullBacklog | null = null;
afterEach(async () => {
  await simulator?.close();
  await backlog?.close();
  simulator = null;
  backlog = null;
});

function setup(): { service: DoctorService; host: BridgeHost; exportDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-reach-service-'));
  const exportDir = join(dataDir, 'reports');
  const host = bridgeHost({ dataDir, exportDir, keychain: false, timeoutMs: 5000 });
  return { service: createDoctorService(host), host, exportDir };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const reachIntent = (apiUrl: string, overrides: Partial<ReachIntent> = {}): ReachIntent => ({
  target: { dataCentre: 'custom', apiUrl },
  proxy: { mode: 'direct' },
  ...overrides,
});

function checkIntent(apiUrl: string, overrides: Partial<CheckIntent> = {}): CheckIntent {
  const healthy = scenarioByName('healthy');
  if (!healthy) throw new Error('no healthy scenario');
  return {
    details: {
      dataCentre: 'custom',
      apiUrl,
      workspaceId: healthy.check.workspaceId,
      integrationEmail: healthy.check.email,
      loginType: healthy.check.loginType,
      userEmail: null,
    },
    integrationSecret: { source: 'typed', value: healthy.check.secret },
    userPassword: { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'direct' },
    ...overrides,
  };
}

describe('Test the network only (runReach)', () => {
  it('reaches the simulator with the probe alone, streams the step, and exports the one-step report', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    const { service, host, exportDir } = setup();
    const progress: CheckProgress[] = [];
    service.onProgress((event) => progress.push(event));

    const outcome = data(await service.handle('runReach', reachIntent(simulator.apiUrl)));
    expect(outcome.cancelled).toBe(false);
    expect(outcome.report.ok).toBe(true);
    expect(outcome.report.target).toEqual({ dataCentre: 'custom', apiUrl: simulator.apiUrl });
    expect(outcome.report.steps.map((step) => [step.step, step.outcome])).toEqual([['reach', 'passed']]);
    expect(outcome.report.steps[0]?.network?.addressUsed).toBe('127.0.0.1');
    expect(progress.map((event) => event.type)).toEqual(['step-started', 'step-finished']);
    // The server saw one request, and it carried nothing that names an account.
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests.every(isReachProbe)).toBe(true);
    expect(simulator.requests[0]).toMatchObject({ email: null, credentialFingerprint: null });

    for (const format of ['html', 'json', 'md'] as const) {
      const saved = data(await service.handle('exportReport', { format, supportTicket: 'SR-77', diagnosisPath: [], historyId: null }));
      expect(saved).toMatchObject({
        saved: true,
        fileName: expect.stringMatching(/arena-connect-doctor-network-custom-[^/]*-ok\.(html|json|md)$/),
      });
    }
    const files = readdirSync(exportDir);
    const json = JSON.parse(readFileSync(join(exportDir, files.find((file) => file.endsWith('.json')) ?? ''), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ ok: true, supportTicket: 'SR-77', target: { apiUrl: simulator.apiUrl }, steps: [{ step: 'reach' }] });
    expect(json.target).not.toHaveProperty('workspaceId');
    const html = readFileSync(join(exportDir, files.find((file) => file.endsWith('.html')) ?? ''), 'utf8');
    expect(html).toContain('Arena reached');
    expect(html).toContain('How this computer reached Arena');
    expect(html).toContain('SR-77');
    const markdown = readFileSync(join(exportDir, files.find((file) => file.endsWith('.md')) ?? ''), 'utf8');
    expect(markdown).toMatch(/^# .* network test \(no sign-in\)\n\n\*\*Arena reached/);
    expect(markdown).toContain('## How this computer reached Arena');
    data(await service.handle('copyReportSummary', { supportTicket: null, diagnosisPath: [], historyId: null, format: 'text' }));
    expect(host.clipboard.at(-1)).toMatch(/^Arena reached/);
    data(await service.handle('copyReportSummary', { supportTicket: null, diagnosisPath: [], historyId: null, format: 'md' }));
    expect(host.clipboard.at(-1)).toMatch(/^# .* network test/);
    expect(await service.handle('exportReport', { format: 'csv', supportTicket: null, diagnosisPath: [], historyId: null })).toMatchObject({
      ok: false,
      error: { code: 'no-report' },
    });
  });

  it('names a refused port with its diagnosis, and asks the re-check guard nothing', async () => {
    const { service } = setup();
    const apiUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const first = data(await service.handle('runReach', reachIntent(apiUrl)));
    expect(first.report.ok).toBe(false);
    expect(first.report.steps[0]).toMatchObject({ step: 'reach', outcome: 'failed', errorCode: 'ECONNREFUSED' });
    expect(first.report.steps[0]?.diagnosis?.title).toBeTruthy();
    expect(first.report.steps[0]?.network?.phases.dnsMs).not.toBeUndefined();
    // No credential was involved, so nothing holds the next test back.
    const again = data(await service.handle('runReach', reachIntent(apiUrl)));
    expect(again.report.steps[0]?.errorCode).toBe('ECONNREFUSED');
  });

  it('refuses a reach request that carries anything beyond where Arena is and how to get there', async () => {
    const { service } = setup();
    const withSecret = { ...reachIntent('http://127.0.0.1:9/v1'), integrationSecret: { source: 'typed', value: WEBTOKEN } };
    const refused = await service.handle('runReach', withSecret);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/integrationSecret/) } });
    expect(JSON.stringify(refused)).not.toContain(WEBTOKEN);
    const workspace = {
      ...reachIntent('http://127.0.0.1:9/v1'),
      target: { dataCentre: 'custom', apiUrl: 'http://127.0.0.1:9/v1', workspaceId: 1 },
    };
    expect(await service.handle('runReach', workspace)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('a network test in Recent checks', () => {
  it('is kept, survives a restart, opens read-only and exports as it was; a cancelled one is not kept', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-reach-history-'));
    const open = () => createDoctorService(bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000 }));
    const first = open();
    const reached = data(await first.handle('runReach', reachIntent(simulator.apiUrl)));
    const refusedUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    data(await first.handle('runReach', reachIntent(refusedUrl)));

    // After a restart: both listed, newest first, with where they went and no workspace.
    const service = open();
    const { entries } = data(await service.handle('listHistory', undefined));
    expect(entries.map((entry) => [entry.kind, entry.apiUrl, entry.workspaceId, entry.ok, entry.outcome])).toEqual([
      ['reach', refusedUrl, null, false, 'Network test (no sign-in) failed (ECONNREFUSED)'],
      ['reach', simulator.apiUrl, null, true, 'Network test (no sign-in): reached'],
    ]);
    expect(entries[1]?.title).toBe('Arena can be reached from this computer');
    const id = entries[1]?.id ?? '';
    expect(data(await service.handle('openHistory', id))).toEqual({ id, kind: 'reach', report: reached.report });
    const saved = data(await service.handle('exportReport', { format: 'json', supportTicket: 'SR-9', diagnosisPath: [], historyId: id }));
    expect(saved.saved).toBe(true);
    const file = readdirSync(join(dataDir, 'reports'))[0] ?? '';
    expect(file).toMatch(/^arena-connect-doctor-network-custom-.*-ok\.json$/);
    expect(JSON.parse(readFileSync(join(dataDir, 'reports', file), 'utf8'))).toMatchObject({
      createdAt: reached.report.createdAt,
      supportTicket: 'SR-9',
      steps: [{ step: 'reach', outcome: 'passed' }],
    });

    // A test cancelled while it waits is not a result.
    backlog = await startFullBacklog();
    const running = service.handle('runReach', reachIntent(backlog.apiUrl, { connectTimeoutSeconds: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    data(await service.handle('cancelCheck', undefined));
    expect(data(await running).cancelled).toBe(true);
    expect(data(await service.handle('listHistory', undefined)).entries).toHaveLength(2);
  });
});

describe('the connect limit', () => {
  it.each([
    ['0 seconds', 0],
    ['61 seconds', 61],
    ['a negative number', -5],
    ['text', '10'],
    ['not a number', Number.NaN],
  ])('refuses %s with a message that names the limit and its range', async (_label, seconds) => {
    const { service } = setup();
    for (const [method, payload] of [
      ['runReach', { ...reachIntent('http://127.0.0.1:9/v1'), connectTimeoutSeconds: seconds }],
      ['runCheck', { ...checkIntent('http://127.0.0.1:9/v1'), connectTimeoutSeconds: seconds }],
    ] as const) {
      const result = await service.handle(method, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      if (!result.ok)
        expect(result.error.message).toMatch(/^connectTimeoutSeconds: The connect limit .*(between 1 and 60 seconds|number of seconds)/);
    }
  });

  it("is the admin's, not the host's: a connection that never completes is named at 1 s, in a network test and a check", async () => {
    backlog = await startFullBacklog();
    const { service } = setup();
    const reach = data(await service.handle('runReach', reachIntent(backlog.apiUrl, { connectTimeoutSeconds: 1 })));
    expect(reach.report.steps[0]).toMatchObject({ outcome: 'failed', errorCode: 'ETIMEDOUT' });
    expect(reach.report.steps[0]?.message).toMatch(/^No answer within 1 s \(could not connect: the connection did not complete\)/);

    const check = data(await service.handle('runCheck', checkIntent(backlog.apiUrl, { connectTimeoutSeconds: 1 })));
    expect(check.report.steps[0]?.message).toMatch(/^No answer within 1 s \(could not connect/);
    expect(check.report.steps.slice(1).map((step) => step.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('is saved with the profile, and a check without one saves the default', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    const { service } = setup();
    data(await service.handle('runCheck', checkIntent(simulator.apiUrl, { connectTimeoutSeconds: 25 })));
    expect(data(await service.handle('getStartup', undefined)).profile).toMatchObject({
      connectTimeoutSeconds: 25,
      proxy: { mode: 'direct' },
    });
    data(await service.handle('runCheck', checkIntent(simulator.apiUrl)));
    expect(data(await service.handle('getStartup', undefined)).profile?.connectTimeoutSeconds).toBe(10);
  });
});
