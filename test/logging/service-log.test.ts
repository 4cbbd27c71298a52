// The service with a real support log, against the real simulator: the log tells support what happened
// (target, step outcomes, codes, durations, practice runs, exports, refusals, internal errors) and holds
// no secret the admin typed, not even inside an internal error's message.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent } from '../../common/ipc/contract.js';
import { accountIdentity } from '../../main/accounts/identity.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createLogger, LOG_FILE_NAME, type AppLogger } from '../../main/logging/index.js';
import { createDoctorService, type ServiceHost } from '../../main/service/doctor-service.js';
import { scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { leakedSecrets } from '../support/scenario-check.js';

let folder: string | null = null;
let simulator: SimulatorHandle | null = null;
let logger: AppLogger | null = null;
afterEach(async () => {
  await logger?.close();
  await simulator?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = null;
  simulator = null;
  logger = null;
});

async function setup(change: (host: ServiceHost) => ServiceHost = (host) => host) {
  folder = await mkdtemp(join(tmpdir(), 'acd-service-log-'));
  logger = createLogger({ directory: join(folder, 'logs'), onProblem: () => undefined });
  const host = change({ ...bridgeHost({ dataDir: folder, exportDir: join(folder, 'reports'), keychain: false, timeoutMs: 5000 }), logger });
  return { service: createDoctorService(host), logger, logs: join(folder, 'logs') };
}

async function logLines(directory: string): Promise<{ text: string; lines: Record<string, unknown>[] }> {
  await logger?.flush();
  const names = await readdir(directory);
  const text = (await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')))).join('');
  return {
    text,
    lines: (await readFile(join(directory, LOG_FILE_NAME), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

function intentFor(chosen: Scenario, apiUrl: string): CheckIntent {
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
    remember: true,
    confirmedChange: true,
    proxy: { mode: 'system' },
  };
}

describe('the service writes the support log', () => {
  it('logs a check (target, steps, codes, durations) and keychain trouble, with no secret', async () => {
    const chosen = scenario('user-wrong-password');
    simulator = await startSimulator({ scenario: chosen });
    const { service, logs } = await setup();
    await service.handle('getStartup', undefined);
    const result = await service.handle('runCheck', intentFor(chosen, simulator.apiUrl));
    expect(result.ok).toBe(true);
    await service.handle('exportReport', { format: 'json', supportTicket: null, diagnosisPath: [], historyId: null });
    const { text, lines } = await logLines(logs);
    expect(leakedSecrets(chosen, text)).toEqual([]);
    const started = lines.find((line) => line.msg === 'check started');
    expect(started?.target).toEqual({
      dataCentre: 'custom',
      apiHost: new URL(simulator.apiUrl).host,
      workspaceId: chosen.check.workspaceId,
      integrationEmail: chosen.check.email,
      userEmail: chosen.check.userEmail ?? null,
      loginType: chosen.check.loginType,
      account: accountIdentity({ workspaceId: chosen.check.workspaceId, email: chosen.check.email }),
    });
    const finished = lines.find((line) => line.msg === 'check finished');
    expect(finished?.ok).toBe(false);
    expect(finished?.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'login', outcome: 'passed', durationMs: expect.any(Number) }),
        expect.objectContaining({ step: 'authorize', outcome: 'failed' }),
      ]),
    );
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['keychain unavailable', 'the keychain did not remember a secret', 'report exported']),
    );
  });

  it('logs practice runs and refused requests', async () => {
    const { service, logs } = await setup();
    await service.handle('runPractice', { scenario: 'healthy' });
    await service.handle('runPractice', { scenario: 'no-such-scenario' });
    await service.handle('rememberedFor', { password: 'sneaky-value-1234' });
    const { lines, text } = await logLines(logs);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'practice run finished', scenario: 'healthy', ok: true }),
        expect.objectContaining({ msg: 'request refused', method: 'runPractice', code: 'unknown-scenario' }),
        expect.objectContaining({ msg: 'request refused', method: 'rememberedFor', code: 'invalid-payload' }),
      ]),
    );
    expect(text).not.toContain('sneaky-value-1234');
  });

  it('an internal error that quotes a typed secret is logged without it', async () => {
    const chosen = scenario('healthy');
    // A fault inside the check (here the clock) whose message quotes the typed WebToken.
    const { service, logs } = await setup((host) => ({
      ...host,
      now: () => {
        throw new Error(`settings exploded near ${chosen.check.secret}`);
      },
    }));
    const result = await service.handle('runCheck', intentFor(chosen, 'http://127.0.0.1:9/v1'));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const { text, lines } = await logLines(logs);
    expect(leakedSecrets(chosen, text)).toEqual([]);
    expect(lines.find((line) => line.msg === 'internal error')?.err).toMatchObject({ message: 'settings exploded near [redacted]' });
  });
});
