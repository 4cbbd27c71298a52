// The main process's service, driven the way the renderer drives it, against the real simulator.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, CheckProgress, ConnectionDetails, Result } from '../../common/ipc/contract.js';
import { bridgeHost, type BridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { ManualClock, scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { leakedSecrets } from '../support/scenario-check.js';

/** Where the checks that must be refused before any request point: a loopback port nothing listens on
 * (were validation to regress, the request would fail here, never reach Arena). */
const CLOSED_API = 'http://127.0.0.1:9/v1';

let simulator: SimulatorHandle | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

function setup(now?: () => Date): { service: DoctorService; host: BridgeHost; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-service-'));
  const host = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000, ...(now ? { now } : {}) });
  return { service: createDoctorService(host), host, dataDir };
}

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

function intentFor(chosen: Scenario, apiUrl: string, overrides: Partial<CheckIntent> = {}): CheckIntent {
  const { check } = chosen;
  const details: ConnectionDetails = {
    dataCentre: 'custom',
    apiUrl,
    workspaceId: check.workspaceId,
    integrationEmail: check.email,
    loginType: check.loginType,
    userEmail: check.userEmail ?? null,
  };
  return {
    details,
    integrationSecret: { source: 'typed', value: check.secret },
    userPassword: check.userPassword ? { source: 'typed', value: check.userPassword } : { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'system' },
    ...overrides,
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('startup', () => {
  it('lists the five data centres and says plainly that the keychain is off', async () => {
    const { service } = setup();
    const startup = data(await service.handle('getStartup', undefined));
    expect(startup.dataCentres.map((centre) => centre.id)).toEqual(['us', 'europe', 'uk', 'gov', 'cn']);
    expect(startup.keychain.available).toBe(false);
    expect(startup.keychain.message).toMatch(/nothing is remembered/);
    expect(startup.profile).toBeNull();
  });
});

describe('payload validation', () => {
  it.each([
    ['a workspace ID as text', { workspaceId: '123' }, /workspaceId/],
    ['a zero workspace ID', { workspaceId: 0 }, /workspaceId/],
    ['a malformed email', { integrationEmail: 'nobody' }, /does not look like/],
    ['an http address off loopback', { apiUrl: 'http://api.arenasolutions.com/v1' }, /https/],
    ['an extra field', { password: 'sneaky' }, /password|Unrecognized/i],
  ])('refuses %s with a specific message and no throw', async (_label, change, message) => {
    const { service } = setup();
    const intent = intentFor(scenario('healthy'), CLOSED_API);
    const result = await service.handle('runCheck', { ...intent, details: { ...intent.details, ...change } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toContain('sneaky');
    }
  });

  it('refuses garbage for every method without throwing', async () => {
    const { service } = setup();
    for (const payload of [42, 'x', { nested: { deep: true } }, [1, 2], true]) {
      for (const method of ['rememberedFor', 'runCheck', 'runPractice', 'exportReport', 'copyReportSummary'] as const) {
        const result = await service.handle(method, payload);
        expect(result.ok).toBe(false);
      }
    }
  });
});

describe('running a check', () => {
  it('runs reach and the three steps against Arena, streams progress and saves the profile without secrets', async () => {
    const healthy = scenario('healthy');
    simulator = await startSimulator({ scenario: healthy });
    const { service, dataDir } = setup();
    const progress: CheckProgress[] = [];
    service.onProgress((event) => progress.push(event));
    const outcome = data(await service.handle('runCheck', intentFor(healthy, simulator.apiUrl)));
    expect(outcome.report.ok).toBe(true);
    expect(outcome.report.workspaceName).toBe('Northwind Robotics');
    expect(progress.filter((event) => event.type === 'step-finished')).toHaveLength(4);
    const saved = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(saved).toContain(healthy.check.email);
    expect(leakedSecrets(healthy, saved)).toEqual([]);
    expect(leakedSecrets(healthy, JSON.stringify(outcome))).toEqual([]);
  });

  it('says so when the settings cannot be saved, and still gives the result', async () => {
    const healthy = scenario('healthy');
    simulator = await startSimulator({ scenario: healthy });
    const { service, dataDir } = setup();
    // Something the settings file cannot replace stands in its place (as a read-only data folder would).
    mkdirSync(join(dataDir, 'settings.json'));
    const outcome = data(await service.handle('runCheck', intentFor(healthy, simulator.apiUrl)));
    expect(outcome.report.ok).toBe(true);
    expect(outcome.notices).toContainEqual(
      expect.stringMatching(
        /^The settings could not be saved to .*settings\.json \(\w+\)\. These details will not be filled in next time\.$/,
      ),
    );
  });

  it('asks for the secret when none was typed and the keychain has none', async () => {
    const { service } = setup();
    const intent = intentFor(scenario('healthy'), CLOSED_API, { integrationSecret: { source: 'none' } });
    const result = await service.handle('runCheck', intent);
    expect(result).toMatchObject({ ok: false, error: { code: 'secret-missing' } });
    const remembered = await service.handle('runCheck', { ...intent, integrationSecret: { source: 'remembered' } });
    expect(remembered).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
  });

  it('never sends a failed credential again until the admin confirms a change', async () => {
    const regenerated = scenario('webtoken-regenerated');
    simulator = await startSimulator({ scenario: regenerated });
    const { service } = setup();
    const first = data(await service.handle('runCheck', intentFor(regenerated, simulator.apiUrl)));
    expect(first.report.steps[1]?.errorCode).toBe(4089);
    expect(first.recheck).toEqual({ waitUntil: null, needsChange: true });

    const { details, integrationSecret, userPassword } = intentFor(regenerated, simulator.apiUrl);
    const gate = data(await service.handle('gateFor', { details, integrationSecret, userPassword }));
    expect(gate.integration).toMatchObject({ waitUntil: null, needsChange: true, reason: expect.any(String) });
    const again = await service.handle('runCheck', intentFor(regenerated, simulator.apiUrl));
    expect(again).toMatchObject({ ok: false, error: { code: 'recheck-needs-change' } });
    expect(simulator.requests.filter((request) => request.path.endsWith('/login'))).toHaveLength(1);

    const confirmed = await service.handle('runCheck', intentFor(regenerated, simulator.apiUrl, { confirmedChange: true }));
    expect(confirmed.ok).toBe(true);
    expect(simulator.requests.filter((request) => request.path.endsWith('/login'))).toHaveLength(2);
  });

  it('refuses to check a locked account again for five minutes, even with a confirmed change', async () => {
    const locked = scenario('integration-user-locked');
    simulator = await startSimulator({ scenario: locked });
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const { service } = setup(() => new Date(clock.now()));
    const first = data(await service.handle('runCheck', intentFor(locked, simulator.apiUrl)));
    expect(first.report.steps[1]?.errorCode).toBe(4083);
    expect(first.recheck.waitUntil).toBe('2026-11-22T10:05:00.000Z');

    clock.advance(4 * 60_000 + 59_000);
    const early = await service.handle('runCheck', intentFor(locked, simulator.apiUrl, { confirmedChange: true }));
    expect(early).toMatchObject({ ok: false, error: { code: 'recheck-wait', retryAt: '2026-11-22T10:05:00.000Z' } });
    const loginsBefore = simulator.requests.filter((request) => request.path.endsWith('/login')).length;

    clock.advance(1_000);
    const later = await service.handle('runCheck', intentFor(locked, simulator.apiUrl));
    expect(later.ok).toBe(true);
    expect(simulator.requests.filter((request) => request.path.endsWith('/login'))).toHaveLength(loginsBefore + 1);
  });

  it('keeps a lockout wait across a restart of the app', async () => {
    const locked = scenario('integration-user-locked');
    simulator = await startSimulator({ scenario: locked });
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const now = (): Date => new Date(clock.now());
    const first = setup(now);
    data(await first.service.handle('runCheck', intentFor(locked, simulator.apiUrl)));
    // A new service over the same data folder is the app started again.
    const restarted = createDoctorService(
      bridgeHost({ dataDir: first.dataDir, exportDir: join(first.dataDir, 'reports'), keychain: false, timeoutMs: 5000, now }),
    );
    clock.advance(60_000);
    expect(await restarted.handle('runCheck', intentFor(locked, simulator.apiUrl, { confirmedChange: true }))).toMatchObject({
      ok: false,
      error: { code: 'recheck-wait', retryAt: '2026-11-22T10:05:00.000Z' },
    });
    expect(simulator.requests.filter((request) => request.path.endsWith('/login'))).toHaveLength(1);
  });

  it('runs one check at a time', async () => {
    simulator = await startSimulator({ scenario: scenario('healthy') });
    const { service } = setup();
    const intent = intentFor(scenario('healthy'), simulator.apiUrl);
    const [first, second] = await Promise.all([service.handle('runCheck', intent), service.handle('runCheck', intent)]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'check-in-progress' } });
  });
});

describe('practice, export and links', () => {
  it('practises a scenario and exports its report as HTML, JSON and Markdown with the ticket and the path, free of secrets', async () => {
    const { service, dataDir } = setup();
    expect(await service.handle('exportReport', { format: 'html', supportTicket: null, diagnosisPath: [], historyId: null })).toMatchObject(
      {
        ok: false,
        error: { code: 'no-report' },
      },
    );
    const outcome = data(await service.handle('runPractice', { scenario: 'integration-use-disabled' }));
    expect(outcome.report.practiceScenario).toBe('integration-use-disabled');
    const path = [
      {
        step: 'login' as const,
        diagnosisId: 'login.4089',
        answers: [{ causeId: 'integration-use-off', question: 'Is For Integration Use set to No?', answer: 'yes' as const }],
        concludedCauseId: 'integration-use-off',
      },
    ];
    for (const format of ['html', 'json', 'md'] as const) {
      const saved = data(
        await service.handle('exportReport', { format, supportTicket: 'CASE-1234', diagnosisPath: path, historyId: null }),
      );
      expect(saved.saved).toBe(true);
    }
    const files = readdirSync(join(dataDir, 'reports'));
    expect(files.map((file) => file.slice(file.lastIndexOf('.'))).sort()).toEqual(['.html', '.json', '.md']);
    for (const file of files) {
      const content = readFileSync(join(dataDir, 'reports', file), 'utf8');
      expect(content).toContain('CASE-1234');
      expect(content).toContain('Is For Integration Use set to No?');
      expect(leakedSecrets(scenario('integration-use-disabled'), content)).toEqual([]);
    }
  });

  it('copies a summary to the clipboard and opens only allow-listed help links', async () => {
    const { service, host } = setup();
    data(await service.handle('runPractice', { scenario: 'user-email-not-found' }));
    data(await service.handle('copyReportSummary', { format: 'text', supportTicket: null, diagnosisPath: [], historyId: null }));
    expect(host.clipboard[0]).toContain('20015');
    expect(await service.handle('openExternal', 'https://ptc-arena.github.io/arena-dev-help/get-started/connecting')).toEqual({
      ok: true,
      data: null,
    });
    expect(await service.handle('openExternal', 'https://evil.example/phish')).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await service.handle('openExternal', 'http://ptc-arena.github.io/')).toMatchObject({ ok: false });
    expect(host.openedLinks).toEqual(['https://ptc-arena.github.io/arena-dev-help/get-started/connecting']);
  });

  it('opens the parsed address of a link, not the raw text the window sent', async () => {
    const { service, host } = setup();
    data(await service.handle('openExternal', 'HTTPS://Support.PTC.com\\help\n\\..\\a b?q=1'));
    expect(host.openedLinks).toEqual(['https://support.ptc.com/a%20b?q=1']);
  });

  it('makes practice of a lockout wait five minutes too, without blocking other scenarios', async () => {
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const { service } = setup(() => new Date(clock.now()));
    const first = data(await service.handle('runPractice', { scenario: 'user-locked' }));
    expect(first.recheck.waitUntil).toBe('2026-11-22T10:05:00.000Z');
    expect(await service.handle('runPractice', { scenario: 'user-locked' })).toMatchObject({ ok: false, error: { code: 'recheck-wait' } });
    expect((await service.handle('runPractice', { scenario: 'healthy' })).ok).toBe(true);
    clock.advance(5 * 60_000);
    expect((await service.handle('runPractice', { scenario: 'user-locked' })).ok).toBe(true);
  });

  it('names an unknown practice scenario', async () => {
    const { service } = setup();
    expect(await service.handle('runPractice', { scenario: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown-scenario' } });
  });
});

describe('the proxy setting', () => {
  it('goes through the proxy the intent names and saves the choice with the profile', async () => {
    const healthy = scenario('healthy');
    simulator = await startSimulator({ scenario: healthy });
    const { service, dataDir } = setup();
    // A proxy on a closed loopback port: the check must fail there, proving it went to the proxy.
    const result = data(
      await service.handle('runCheck', intentFor(healthy, simulator.apiUrl, { proxy: { mode: 'manual', url: 'http://127.0.0.1:9' } })),
    );
    expect(result.report.steps[0]?.errorCode).toBe('ECONNREFUSED');
    expect(simulator.requests).toHaveLength(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      profile: { proxy: { mode: 'manual', url: 'http://127.0.0.1:9' } },
    });
  });

  it('refuses a proxy address with credentials, without echoing it', async () => {
    const { service } = setup();
    const intent = intentFor(scenario('healthy'), CLOSED_API, {
      proxy: { mode: 'manual', url: 'http://alice:Pr0xyPass@proxy.example:8080' },
    });
    const result = await service.handle('runCheck', intent);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    if (!result.ok) expect(result.error.message).not.toContain('Pr0xyPass');
  });
});

describe('cancelling a check', () => {
  it('abandons the request under way, runs no later step, records no re-check policy, and can run again at once', async () => {
    const regenerated = scenario('webtoken-regenerated');
    // Answers come 2 s late, so the check is still waiting on the reach probe when the admin cancels.
    simulator = await startSimulator({ scenario: regenerated, latencyMs: 2000 });
    const { service } = setup();
    const running = service.handle('runCheck', intentFor(regenerated, simulator.apiUrl));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await service.handle('cancelCheck', undefined)).toEqual({ ok: true, data: null });
    const started = Date.now();
    const outcome = data(await running);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.report.ok).toBe(false);
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(outcome.report.steps[0]?.skippedReason).toMatch(/Cancelled by you/);
    expect(outcome.recheck).toEqual({ waitUntil: null, needsChange: false });
    // No "confirm a change" gate after a cancel: the credential was not judged.
    const again = await service.handle('runCheck', intentFor(regenerated, simulator.apiUrl));
    expect(again.ok).toBe(true);
  });

  it('after the login, skips authorize but still logs out of the session', async () => {
    const healthy = scenario('healthy');
    simulator = await startSimulator({ scenario: healthy, latencyMs: 600 });
    const { service } = setup();
    const running = service.handle('runCheck', intentFor(healthy, simulator.apiUrl));
    // Cancel while authorize is waiting (reach and login took ~600 ms each).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await service.handle('cancelCheck', undefined);
    const outcome = data(await running);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'skipped', 'passed']);
    expect(outcome.report.ok).toBe(false);
    const logouts = simulator.requests.filter((request) => request.path.endsWith('/logout') && request.sessionFingerprint !== null);
    expect(logouts).toHaveLength(1);
  });
});
