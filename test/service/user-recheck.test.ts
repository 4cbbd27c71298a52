// "Check only the Onshape user again" through the service, against the real simulator: the integration
// credential Arena accepted goes again, the Onshape user's refused password does not go again unchanged
// without the admin's confirmation, a confirmation speaks for the Onshape user only, and a 4083 holds
// that user for five minutes. Every request is counted at the simulator.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, Result, UserRecheckIntent } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { ManualClock, scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';

const simulators: SimulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

async function simulate(name: string): Promise<SimulatorHandle> {
  const simulator = await startSimulator({ scenario: scenario(name) });
  simulators.push(simulator);
  return simulator;
}

function service(now?: () => Date): DoctorService {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-user-recheck-'));
  return createDoctorService(bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000, now }));
}

/** The correct Onshape user (as the healthy workspace has it). */
const HEALTHY = scenario('healthy').check;

function checkIntent(chosen: Scenario, apiUrl: string): CheckIntent {
  const { check } = chosen;
  return {
    details: {
      dataCentre: 'custom',
      apiUrl,
      workspaceId: check.workspaceId,
      integrationEmail: check.email,
      loginType: check.loginType,
      userEmail: check.userEmail ?? null,
    },
    integrationSecret: { source: 'typed', value: check.secret },
    userPassword: check.userPassword ? { source: 'typed', value: check.userPassword } : { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'direct' },
  };
}

/** The re-check the result screen sends: the check's connection and integration credential, the user as corrected. */
function recheck(from: CheckIntent, user: { email?: string; password: string }, userChangeConfirmed = false): UserRecheckIntent {
  return {
    details: { ...from.details, userEmail: user.email ?? from.details.userEmail ?? '' },
    integrationSecret: from.integrationSecret,
    userPassword: { source: 'typed', value: user.password },
    remember: from.remember,
    proxy: from.proxy,
    userChangeConfirmed,
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const count = (simulator: SimulatorHandle, suffix: string): number =>
  simulator.requests.filter((request) => request.path.endsWith(suffix)).length;

describe('Check only the Onshape user again', () => {
  it('after a wrong Onshape user password, the corrected one logs in, authorizes, logs out, and the result is kept', async () => {
    const wrong = scenario('user-wrong-password');
    const simulator = await simulate('user-wrong-password');
    const doctor = service();
    const first = checkIntent(wrong, simulator.apiUrl);
    const failed = data(await doctor.handle('runCheck', first));
    expect(failed.report.steps.map((step) => [step.step, step.outcome])).toContainEqual(['login', 'passed']);
    expect(failed.report.steps.find((step) => step.step === 'authorize')?.errorCode).toBe(20000);

    const again = data(await doctor.handle('recheckUser', recheck(first, { password: HEALTHY.userPassword ?? '' })));
    expect(again.report.ok).toBe(true);
    expect(again.report.steps.filter((step) => step.step !== 'reach').map((step) => [step.step, step.outcome])).toEqual([
      ['login', 'passed'],
      ['authorize', 'passed'],
      ['logout', 'passed'],
    ]);
    expect([count(simulator, '/login'), count(simulator, '/authorizeuser')]).toEqual([2, 2]);

    const history = data(await doctor.handle('listHistory', undefined));
    expect(history.entries.map((entry) => entry.ok)).toEqual([true, false]);
  });

  it('the refused password again, unchanged, sends nothing until the admin confirms a change', async () => {
    const wrong = scenario('user-wrong-password');
    const simulator = await simulate('user-wrong-password');
    const doctor = service();
    const first = checkIntent(wrong, simulator.apiUrl);
    data(await doctor.handle('runCheck', first));
    const refusedPassword = wrong.check.userPassword ?? '';

    // Respelling the Onshape user's email does not make the account look new.
    for (const email of [HEALTHY.userEmail ?? '', ` ${(HEALTHY.userEmail ?? '').toUpperCase()} `]) {
      expect(await doctor.handle('recheckUser', recheck(first, { email, password: refusedPassword }))).toMatchObject({
        ok: false,
        error: { code: 'recheck-needs-change', account: 'user' },
      });
    }
    expect([count(simulator, '/login'), count(simulator, '/authorizeuser')]).toEqual([1, 1]);

    const confirmed = data(await doctor.handle('recheckUser', recheck(first, { password: refusedPassword }, true)));
    expect(confirmed.report.steps.find((step) => step.step === 'authorize')?.outcome).toBe('failed');
    expect([count(simulator, '/login'), count(simulator, '/authorizeuser')]).toEqual([2, 2]);
  });

  it("the Onshape user's confirmation does not speak for an integration user Arena refused", async () => {
    const regenerated = scenario('webtoken-regenerated');
    const simulator = await simulate('webtoken-regenerated');
    const doctor = service();
    const first = checkIntent(regenerated, simulator.apiUrl);
    const failed = data(await doctor.handle('runCheck', first));
    expect(failed.report.steps.find((step) => step.step === 'login')?.outcome).toBe('failed');

    expect(await doctor.handle('recheckUser', recheck(first, { password: 'a-new-password-1' }, true))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change', account: 'integration' },
    });
    expect(count(simulator, '/login')).toBe(1);
  });

  it('an Onshape user Arena locked (4083) is not authorized again for five minutes, whatever password or confirmation', async () => {
    const locked = scenario('user-locked');
    const simulator = await simulate('user-locked');
    const clock = new ManualClock(Date.parse('2026-11-22T10:00:00Z'));
    const doctor = service(() => new Date(clock.now()));
    const first = checkIntent(locked, simulator.apiUrl);
    expect(data(await doctor.handle('runCheck', first)).report.steps.find((step) => step.step === 'authorize')?.errorCode).toBe(4083);

    for (const confirmed of [false, true]) {
      expect(await doctor.handle('recheckUser', recheck(first, { password: 'another-password-2' }, confirmed))).toMatchObject({
        ok: false,
        error: { code: 'recheck-wait', account: 'user' },
      });
    }
    clock.advance(4 * 60_000 + 59_000);
    expect((await doctor.handle('recheckUser', recheck(first, { password: 'another-password-2' }))).ok).toBe(false);
    expect([count(simulator, '/login'), count(simulator, '/authorizeuser')]).toEqual([1, 1]);

    clock.advance(1_000);
    expect((await doctor.handle('recheckUser', recheck(first, { password: 'another-password-2' }))).ok).toBe(true);
    expect([count(simulator, '/login'), count(simulator, '/authorizeuser')]).toEqual([2, 2]);
  });

  it('a corrected email for an Onshape user Arena did not know goes at once (a different account)', async () => {
    const notFound = scenario('user-email-not-found');
    const simulator = await simulate('user-email-not-found');
    const doctor = service();
    const first = checkIntent(notFound, simulator.apiUrl);
    expect(data(await doctor.handle('runCheck', first)).report.steps.find((step) => step.step === 'authorize')?.errorCode).toBe(20015);

    const corrected = recheck(first, { email: HEALTHY.userEmail ?? '', password: HEALTHY.userPassword ?? '' });
    const again = data(await doctor.handle('recheckUser', corrected));
    expect(again.report.ok).toBe(true);
    expect(again.report.target.userEmail).toBe(HEALTHY.userEmail);
  });

  it('refuses a re-check that names no Onshape user', async () => {
    const doctor = service();
    const simulator = await simulate('healthy');
    const without = { ...recheck(checkIntent(scenario('healthy'), simulator.apiUrl), { password: 'x-password' }) };
    const payload = { ...without, details: { ...without.details, userEmail: null } };
    expect(await doctor.handle('recheckUser', payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(simulator.requests).toHaveLength(0);
  });
});
