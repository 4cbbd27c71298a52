// The re-check guard through the service, against the real simulator, counting the logins Arena got.
// Every bypass here was reproduced against the earlier guard (issue 9): respelled addresses, another
// host, an added Onshape user during a lockout, a damaged recheck.json, a read-only data folder.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, ConnectionDetails, Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { ManualClock, scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';

const simulators: SimulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function simulate(name: string): Promise<SimulatorHandle> {
  const simulator = await startSimulator({ scenario: scenario(name) });
  simulators.push(simulator);
  return simulator;
}

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

function service(options: { dataDir?: string; now?: () => Date } = {}): { service: DoctorService; dataDir: string } {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'doctor-guard-'));
  const host = bridgeHost({
    dataDir,
    exportDir: join(dataDir, 'reports'),
    keychain: false,
    timeoutMs: 5000,
    now: options.now,
  });
  return { service: createDoctorService(host), dataDir };
}

function intentFor(
  chosen: Scenario,
  apiUrl: string,
  overrides: Partial<CheckIntent> = {},
  details: Partial<ConnectionDetails> = {},
): CheckIntent {
  const { check } = chosen;
  return {
    details: {
      dataCentre: 'custom',
      apiUrl,
      workspaceId: check.workspaceId,
      integrationEmail: check.email,
      loginType: check.loginType,
      userEmail: check.userEmail ?? null,
      ...details,
    },
    integrationSecret: { source: 'typed', value: check.secret },
    userPassword: check.userPassword ? { source: 'typed', value: check.userPassword } : { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'direct' },
    ...overrides,
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const logins = (...simulatorsToCount: SimulatorHandle[]): number =>
  simulatorsToCount.reduce((sum, simulator) => sum + simulator.requests.filter((request) => request.path.endsWith('/login')).length, 0);
const authorizes = (simulator: SimulatorHandle): number =>
  simulator.requests.filter((request) => request.path.endsWith('/authorizeuser')).length;

/** The simulator's address as an admin might respell it, and another host answering for the same account. */
function spellings(apiUrl: string, otherHost: string): string[] {
  const { port } = new URL(apiUrl);
  return [
    `http://localhost:${port}/v1`,
    `http://127.1:${port}/v1`,
    `http://127.0.0.1:${port}/./v1`,
    `http://127.0.0.1:${port}/x/../v1`,
    `http://127.0.0.1:${port}\\v1`,
    `http://127.0.\t0.1:${port}/v1`,
    `HTTP://127.0.0.1:${port}/v1/`,
    ` http://127.0.0.1:${port}/v1 `,
    otherHost,
  ];
}

describe('one account, whatever the address', () => {
  it('after a 4089, no spelling of the address and no other host sends the rejected token again', async () => {
    const regenerated = scenario('webtoken-regenerated');
    const simulator = await simulate('webtoken-regenerated');
    const other = await simulate('webtoken-regenerated');
    const { service: doctor } = service();
    expect(
      data(await doctor.handle('runCheck', intentFor(regenerated, simulator.apiUrl))).report.steps.find((step) => step.step === 'login')
        ?.errorCode,
    ).toBe(4089);
    expect(logins(simulator)).toBe(1);

    for (const apiUrl of spellings(simulator.apiUrl, other.apiUrl)) {
      const again = await doctor.handle('runCheck', intentFor(regenerated, apiUrl));
      expect(again.ok, apiUrl).toBe(false);
      // Some spellings are refused as invalid before the guard: either way nothing is sent.
      if (!again.ok) expect(['recheck-needs-change', 'invalid-payload'], apiUrl).toContain(again.error.code);
      // Also spelled differently: the email's case and spaces, a data centre instead of the address.
      const respelledEmail = intentFor(regenerated, apiUrl, {}, { integrationEmail: `  ${regenerated.check.email.toUpperCase()} ` });
      expect((await doctor.handle('runCheck', respelledEmail)).ok, apiUrl).toBe(false);
    }
    expect(await doctor.handle('runCheck', intentFor(regenerated, simulator.apiUrl, {}, { dataCentre: 'europe' }))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change', account: 'integration' },
    });
    expect(logins(simulator, other)).toBe(1);
  });

  it('a different token typed for the account is a change: it is sent once, without a confirmation', async () => {
    const regenerated = scenario('webtoken-regenerated');
    const simulator = await simulate('webtoken-regenerated');
    const { service: doctor } = service();
    data(await doctor.handle('runCheck', intentFor(regenerated, simulator.apiUrl)));
    const corrected = intentFor(regenerated, simulator.apiUrl, {
      integrationSecret: { source: 'typed', value: 'a-corrected-webtoken-0042' },
    });
    const gate = data(
      await doctor.handle('gateFor', {
        details: corrected.details,
        integrationSecret: corrected.integrationSecret,
        userPassword: corrected.userPassword,
      }),
    );
    expect(gate.integration).toEqual({ waitUntil: null, needsChange: false, reason: null });
    data(await doctor.handle('runCheck', corrected));
    expect(logins(simulator)).toBe(2);
    const sent = simulator.requests.filter((request) => request.path.endsWith('/login')).map((request) => request.credentialFingerprint);
    expect(sent[1]).toBe(createHash('sha256').update('a-corrected-webtoken-0042').digest('hex').slice(0, 12));
    // The same corrected token once more is no new change: it goes only after a confirmation.
    expect(await doctor.handle('runCheck', corrected)).toMatchObject({ ok: false, error: { code: 'recheck-needs-change' } });
    expect(logins(simulator)).toBe(2);
  });

  it('the refusal names the account and holds no timestamp; gateFor shows it before anything is sent', async () => {
    const locked = scenario('integration-user-locked');
    const simulator = await simulate('integration-user-locked');
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const { service: doctor } = service({ now: () => new Date(clock.now()) });
    data(await doctor.handle('runCheck', intentFor(locked, simulator.apiUrl)));
    const intent = intentFor(locked, simulator.apiUrl);
    const gate = data(
      await doctor.handle('gateFor', {
        details: intent.details,
        integrationSecret: intent.integrationSecret,
        userPassword: intent.userPassword,
      }),
    );
    expect(gate.integration).toMatchObject({
      waitUntil: '2026-11-22T10:05:00.000Z',
      needsChange: false,
      reason: expect.stringMatching(/locked/),
    });
    const refused = await doctor.handle('runCheck', intent);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'recheck-wait', account: 'integration', retryAt: '2026-11-22T10:05:00.000Z' },
    });
    if (!refused.ok) expect(refused.error.message).not.toMatch(/\d{4}-\d\d-\d\dT|\d\d:\d\d/);
  });
});

describe('the address, where it is kept', () => {
  it('is kept in its one canonical spelling: in settings.json and in the report', async () => {
    const healthy = scenario('healthy');
    const simulator = await simulate('healthy');
    const { port } = new URL(simulator.apiUrl);
    const { service: doctor, dataDir } = service();
    const outcome = data(await doctor.handle('runCheck', intentFor(healthy, ` HTTP://127.1:${port}/x/../v1/ `)));
    expect(outcome.report.target.apiUrl).toBe(simulator.apiUrl);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      profile: { details: { apiUrl: simulator.apiUrl } },
    });
  });
});

describe('two accounts: the integration user and the Onshape user', () => {
  it('ticking or changing the Onshape user during a 4083 countdown of the integration user sends nothing for five minutes', async () => {
    const locked = scenario('integration-user-locked');
    const simulator = await simulate('integration-user-locked');
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const { service: doctor } = service({ now: () => new Date(clock.now()) });
    const first = data(await doctor.handle('runCheck', intentFor(locked, simulator.apiUrl, {}, { userEmail: null })));
    expect(first.report.steps.find((step) => step.step === 'login')?.errorCode).toBe(4083);

    for (const userEmail of ['dana@example.com', 'someone.else@example.com']) {
      for (const confirmedChange of [false, true]) {
        const withUser = intentFor(
          locked,
          simulator.apiUrl,
          { confirmedChange, userPassword: { source: 'typed', value: 'user-password-1' } },
          { userEmail },
        );
        expect(await doctor.handle('runCheck', withUser)).toMatchObject({
          ok: false,
          error: { code: 'recheck-wait', account: 'integration' },
        });
      }
    }
    clock.advance(4 * 60_000 + 59_000);
    expect((await doctor.handle('runCheck', intentFor(locked, simulator.apiUrl, { confirmedChange: true }, { userEmail: null }))).ok).toBe(
      false,
    );
    expect(logins(simulator)).toBe(1);
    clock.advance(1_000);
    expect((await doctor.handle('runCheck', intentFor(locked, simulator.apiUrl, {}, { userEmail: null }))).ok).toBe(true);
    expect(logins(simulator)).toBe(2);
  });

  it('an Onshape user Arena locked holds that user only: the integration user is checked, that user is not', async () => {
    const userLocked = scenario('user-locked');
    const simulator = await simulate('user-locked');
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const { service: doctor } = service({ now: () => new Date(clock.now()) });
    const first = data(await doctor.handle('runCheck', intentFor(userLocked, simulator.apiUrl)));
    expect(first.report.steps.find((step) => step.step === 'authorize')?.errorCode).toBe(4083);
    expect(await doctor.handle('runCheck', intentFor(userLocked, simulator.apiUrl, { confirmedChange: true }))).toMatchObject({
      ok: false,
      error: { code: 'recheck-wait', account: 'user' },
    });
    expect(authorizes(simulator)).toBe(1);
    expect((await doctor.handle('runCheck', intentFor(userLocked, simulator.apiUrl, {}, { userEmail: null }))).ok).toBe(true);
    expect(logins(simulator)).toBe(2);
    expect(authorizes(simulator)).toBe(1);
  });
});

describe('the record on disk fails safe', () => {
  const damaged: [string, (file: string) => void][] = [
    ['damaged JSON', (file) => writeFileSync(file, '{"version": 2, "holds": {')],
    ['the wrong shape', (file) => writeFileSync(file, JSON.stringify({ version: 2, holds: { x: { kind: 'whatever' } }, unknown: null }))],
    ['a FIFO', (file) => execFileSync('mkfifo', [file])],
    ['700 MB', (file) => execFileSync('truncate', ['-s', '700M', file])],
  ];

  it.each(damaged)('%s: a lockout is not admitted after a restart, and the admin is told why', async (_label, damage) => {
    if (process.platform === 'win32') return;
    const locked = scenario('integration-user-locked');
    const simulator = await simulate('integration-user-locked');
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const now = (): Date => new Date(clock.now());
    const first = service({ now });
    data(await first.service.handle('runCheck', intentFor(locked, simulator.apiUrl)));
    const file = join(first.dataDir, 'recheck.json');
    execFileSync('rm', [file]);
    damage(file);

    clock.advance(60_000);
    const started = Date.now();
    const restarted = service({ dataDir: first.dataDir, now });
    const startup = data(await restarted.service.handle('getStartup', undefined));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(startup.notices.join(' ')).toMatch(/record of accounts Arena refused or locked.*confirmation/);
    const again = await restarted.service.handle('runCheck', intentFor(locked, simulator.apiUrl));
    expect(again).toMatchObject({ ok: false, error: { code: 'recheck-needs-change', account: 'integration' } });
    expect(logins(simulator)).toBe(1);
    // The damaged file was set aside, not read whole, and a sound record replaced it.
    expect(readdirSync(first.dataDir).some((name) => name.startsWith('recheck.json.corrupt-'))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2 });
  });

  it('a data folder that cannot be written: the admin is told, and the guard still holds in memory and after a restart', async () => {
    const regenerated = scenario('webtoken-regenerated');
    const simulator = await simulate('webtoken-regenerated');
    // A regular file where the data folder should be: nothing can be created inside it (as root too).
    const parent = mkdtempSync(join(tmpdir(), 'doctor-guard-ro-'));
    const dataDir = join(parent, 'not-a-folder');
    writeFileSync(dataDir, '');
    const { service: doctor } = service({ dataDir });
    const startup = data(await doctor.handle('getStartup', undefined));
    expect(startup.notices.join(' ')).toMatch(/cannot save its record.*in memory only/);

    const first = data(await doctor.handle('runCheck', intentFor(regenerated, simulator.apiUrl, { confirmedChange: true })));
    expect(first.notices.join(' ')).toMatch(/details will not be filled in next time/);
    expect(first.notices.join(' ')).toMatch(/could not save its record .* in memory/);
    expect(await doctor.handle('runCheck', intentFor(regenerated, simulator.apiUrl))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change' },
    });
    const restarted = service({ dataDir }).service;
    expect(await restarted.handle('runCheck', intentFor(regenerated, simulator.apiUrl))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change' },
    });
    expect(logins(simulator)).toBe(1);
  });

  // Root writes into a read-only folder anyway, so this runs for other users only; the case above covers root.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'a read-only data folder holding a sound record: accounts it may have missed need a confirmation',
    async () => {
      const regenerated = scenario('webtoken-regenerated');
      const simulator = await simulate('webtoken-regenerated');
      const first = service();
      data(await first.service.handle('runPractice', { scenario: 'healthy' }));
      chmodSync(first.dataDir, 0o555);
      try {
        const restarted = service({ dataDir: first.dataDir }).service;
        expect(data(await restarted.handle('getStartup', undefined)).notices.join(' ')).toMatch(/cannot save its record.*in memory only/);
        expect(await restarted.handle('runCheck', intentFor(regenerated, simulator.apiUrl))).toMatchObject({
          ok: false,
          error: { code: 'recheck-needs-change' },
        });
        expect(logins(simulator)).toBe(0);
      } finally {
        chmodSync(first.dataDir, 0o755);
      }
    },
  );
});
