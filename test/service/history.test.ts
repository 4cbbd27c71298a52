// The service's history of recent checks, driven as the renderer drives it, against the real simulator and a
// real loopback server: kept across a restart, opened read-only and exported, deleted, never holding a secret.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { scenarioByName, startSimulator, type Scenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { leakedSecrets } from '../support/scenario-check.js';

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((server) => server.close()));
});

function serviceOn(dataDir: string): DoctorService {
  return createDoctorService(bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000 }));
}

function scenario(name: string): Scenario {
  const found = scenarioByName(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

async function simulatorFor(chosen: Scenario): Promise<SimulatorHandle> {
  const simulator = await startSimulator({ scenario: chosen });
  closers.push(simulator);
  return simulator;
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
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'direct' },
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('recent checks', () => {
  it('keeps each check, survives a restart, opens one read-only and exports it, deletes one and all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    expect(data(await service.handle('listHistory', undefined))).toEqual({ entries: [], notices: [] });

    const healthy = scenario('healthy');
    const regenerated = scenario('webtoken-regenerated');
    data(await service.handle('runCheck', intentFor(healthy, (await simulatorFor(healthy)).apiUrl)));
    const failed = data(await service.handle('runCheck', intentFor(regenerated, (await simulatorFor(regenerated)).apiUrl)));
    // Practice is not a check of this computer's connection: it is not kept.
    data(await service.handle('runPractice', { scenario: 'user-locked' }));

    const restarted = serviceOn(dataDir);
    const { entries, notices } = data(await restarted.handle('listHistory', undefined));
    expect(notices).toEqual([]);
    expect(entries.map(({ ok, outcome, title, workspaceId }) => ({ ok, outcome, title, workspaceId }))).toEqual([
      {
        ok: false,
        outcome: `Log in as the integration user failed (${String(failed.report.steps[1]?.errorCode)})`,
        title: failed.report.steps[1]?.diagnosis?.title,
        workspaceId: regenerated.check.workspaceId,
      },
      { ok: true, outcome: 'passed', title: 'The connection works', workspaceId: healthy.check.workspaceId },
    ]);
    expect(entries[0]?.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

    const [newest, oldest] = entries;
    if (!newest || !oldest) throw new Error('two entries expected');
    expect(data(await restarted.handle('openHistory', newest.id)).report).toEqual(failed.report);

    // Export and copy take the past result, not the latest run (there is none since the restart).
    expect(
      await restarted.handle('exportReport', { format: 'json', supportTicket: null, diagnosisPath: [], historyId: null }),
    ).toMatchObject({ ok: false, error: { code: 'no-report' } });
    const saved = data(
      await restarted.handle('exportReport', { format: 'json', supportTicket: 'CASE-77', diagnosisPath: [], historyId: oldest.id }),
    );
    expect(saved.saved).toBe(true);
    const exported = JSON.parse(readFileSync(join(dataDir, 'reports', readdirSync(join(dataDir, 'reports'))[0] ?? ''), 'utf8')) as {
      ok: boolean;
      supportTicket: string;
    };
    expect(exported).toMatchObject({ ok: true, supportTicket: 'CASE-77' });

    expect(data(await restarted.handle('deleteHistory', newest.id)).entries.map((entry) => entry.id)).toEqual([oldest.id]);
    expect(await restarted.handle('openHistory', newest.id)).toMatchObject({ ok: false, error: { code: 'no-report' } });
    expect(await restarted.handle('deleteHistory', newest.id)).toMatchObject({ ok: false, error: { code: 'no-report' } });
    expect(
      await restarted.handle('exportReport', { format: 'html', supportTicket: null, diagnosisPath: [], historyId: newest.id }),
    ).toMatchObject({ ok: false, error: { code: 'no-report' } });
    expect(data(await restarted.handle('clearHistory', undefined))).toEqual({ entries: [], notices: [] });
    expect(data(await serviceOn(dataDir).handle('listHistory', undefined)).entries).toEqual([]);
  });

  it('refuses an id that is not one the history gives, without echoing it', async () => {
    const service = serviceOn(mkdtempSync(join(tmpdir(), 'doctor-history-')));
    for (const id of ['../settings', 'x', `${'a'.repeat(65)}`, 'secret<script>']) {
      const result = await service.handle('openHistory', id);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      if (!result.ok) expect(result.error.message).not.toContain(id);
    }
  });

  it('a damaged history file is set aside, the list says so, and the next check is kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    writeFileSync(join(dataDir, 'history.json'), '{"version":1,"entries":[');
    const service = serviceOn(dataDir);
    const { entries, notices } = data(await service.handle('listHistory', undefined));
    expect(entries).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /history\.json is damaged \(not valid JSON\), so the list of recent checks starts empty\. The old file was kept as .*history\.json\.corrupt-/,
    );
    const healthy = scenario('healthy');
    data(await service.handle('runCheck', intentFor(healthy, (await simulatorFor(healthy)).apiUrl)));
    expect(data(await service.handle('listHistory', undefined)).entries).toHaveLength(1);
  });

  it('a cancelled check is not kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    const silent: LoopbackServer = await startLoopbackServer(() => undefined);
    closers.push(silent);
    const running = service.handle('runCheck', intentFor(scenario('healthy'), silent.apiUrl));
    await expect.poll(() => silent.requests.length).toBe(1);
    data(await service.handle('cancelCheck', undefined));
    expect(data(await running).cancelled).toBe(true);
    expect(data(await service.handle('listHistory', undefined)).entries).toEqual([]);
  });
});

describe('the history holds no secret', () => {
  it('every scenario checked: history.json and every answer about it hold no WebToken, password or session id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    const answers: string[] = [];
    // The scenarios share one Arena account, and a lockout holds it five minutes (no confirmation helps): it goes last.
    const checked = ['healthy', 'webtoken-regenerated', 'user-wrong-password', 'integration-use-disabled', 'user-locked'].map(scenario);
    for (const chosen of checked) {
      const simulator = await simulatorFor(chosen);
      answers.push(JSON.stringify(await service.handle('runCheck', { ...intentFor(chosen, simulator.apiUrl), confirmedChange: true })));
    }
    const { entries } = data(await service.handle('listHistory', undefined));
    expect(entries).toHaveLength(checked.length);
    for (const entry of entries) answers.push(JSON.stringify(await service.handle('openHistory', entry.id)));
    const onDisk = readFileSync(join(dataDir, 'history.json'), 'utf8');
    for (const chosen of checked) {
      expect(leakedSecrets(chosen, onDisk), chosen.name).toEqual([]);
      expect(leakedSecrets(chosen, answers.join('\n')), chosen.name).toEqual([]);
    }
    // The detector itself finds what it looks for.
    expect(leakedSecrets(checked[0] as Scenario, `x${checked[0]?.check.secret ?? ''}`)).not.toEqual([]);
  });

  it('a server that echoes the WebToken in what it answers (in every encoding) leaves none of it in the history', async () => {
    const token = 'WT-echo/+secret "quoted" ü-7f3a9c';
    const echoes = [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)].join(' | ');
    const echoing = await startLoopbackServer((request, response) => {
      if (request.url?.endsWith('/logout') && request.headers.arena_session_id === undefined) {
        // The reach probe gets Arena's own answer, so the check goes on to the login that is echoed.
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"status":401,"errors":[{"code":401,"message":"There is no access token associated with this request."}]}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          arenaSessionId: 'SESSION-echo-1234567890',
          workspaceId: 42,
          workspaceName: `Echo ${echoes}`,
          workspaceRequestLimit: 100,
        }),
      );
    });
    closers.push(echoing);
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    const intent = intentFor(scenario('healthy'), echoing.apiUrl);
    data(
      await service.handle('runCheck', {
        ...intent,
        details: { ...intent.details, userEmail: null },
        integrationSecret: { source: 'typed', value: token },
      }),
    );
    const onDisk = readFileSync(join(dataDir, 'history.json'), 'utf8');
    expect(onDisk).toContain('Echo ');
    for (const form of [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1), 'SESSION-echo'])
      expect(onDisk).not.toContain(form);
    const [entry] = data(await service.handle('listHistory', undefined)).entries;
    expect(JSON.stringify(await service.handle('openHistory', entry?.id ?? ''))).not.toContain('WT-echo');
  });
});

describe('explained messages in the history', () => {
  const DELETED = 'Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.';

  it('each explanation is kept as its export holds it, survives a restart, opens, exports as it was, and is deleted', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    const explained = data(await service.handle('explainMessage', { text: DELETED }));
    data(await service.handle('explainMessage', { text: 'Something odd happened in the sync, nobody knows why at all, really.' }));

    const restarted = serviceOn(dataDir);
    const { entries } = data(await restarted.handle('listHistory', undefined));
    expect(entries.map(({ kind, ok, outcome, title, apiUrl, workspaceId }) => ({ kind, ok, outcome, title, apiUrl, workspaceId }))).toEqual(
      [
        {
          kind: 'explain',
          ok: false,
          outcome: "Explained message: not in Arena's list",
          title: '“Something odd happened in the sync, nobody knows why at all, really.”',
          apiUrl: null,
          workspaceId: null,
        },
        {
          kind: 'explain',
          ok: false,
          outcome: `Explained message: Arena code ${String(explained.candidates[0]?.code)}`,
          title: explained.candidates[0]?.title,
          apiUrl: null,
          workspaceId: null,
        },
      ],
    );
    const [unknown, recognised] = entries;
    if (!unknown || !recognised) throw new Error('two entries expected');
    const opened = data(await restarted.handle('openHistory', recognised.id));
    expect(opened).toMatchObject({ kind: 'explain', report: { explanation: explained, chosenId: null, answers: null } });

    // Saved from the history: the kept explanation, with when it was explained, whatever text comes with the request.
    const saved = data(
      await restarted.handle('exportExplanation', { format: 'json', text: 'x', chosenId: null, answers: null, historyId: recognised.id }),
    );
    expect(saved.saved).toBe(true);
    const file = readFileSync(join(dataDir, 'reports', readdirSync(join(dataDir, 'reports'))[0] ?? ''), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ input: DELETED, createdAt: opened.report.createdAt });
    // A check's export does not take an explanation's id, nor the other way round.
    expect(
      await restarted.handle('exportReport', { format: 'json', supportTicket: null, diagnosisPath: [], historyId: recognised.id }),
    ).toMatchObject({ ok: false, error: { code: 'no-report' } });

    expect(data(await restarted.handle('deleteHistory', recognised.id)).entries.map((entry) => entry.id)).toEqual([unknown.id]);
    expect(
      await restarted.handle('copyExplanation', { format: 'text', text: 'x', chosenId: null, answers: null, historyId: recognised.id }),
    ).toMatchObject({ ok: false, error: { code: 'no-report' } });
  });

  it('a pasted message holding a labelled WebToken or password keeps only the masked text, exactly as the export shows it', async () => {
    const token = 'WT-pasted-7c1e0b9d4a';
    const password = 'Pw-pasted-93kd!x';
    const text = `4089 Invalid Token. X-Web-Token: ${token} password=${password}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    const shown = data(await service.handle('explainMessage', { text }));
    const onDisk = readFileSync(join(dataDir, 'history.json'), 'utf8');
    for (const secret of [token, password, encodeURIComponent(token)]) expect(onDisk).not.toContain(secret);
    const [entry] = data(await service.handle('listHistory', undefined)).entries;
    const kept = data(await service.handle('openHistory', entry?.id ?? ''));
    expect(kept.kind === 'explain' ? kept.report.explanation : null).toEqual(shown);
    expect(shown.input).not.toContain(token);
  });

  it('a WebToken typed for a check and then pasted, unlabelled, into a message to explain is swept from the history', async () => {
    const healthy = scenario('healthy');
    const simulator = await simulatorFor(healthy);
    const dataDir = mkdtempSync(join(tmpdir(), 'doctor-history-'));
    const service = serviceOn(dataDir);
    data(await service.handle('runCheck', intentFor(healthy, simulator.apiUrl)));
    data(await service.handle('explainMessage', { text: `Onshape said 4089 for ${healthy.check.secret} today` }));
    const onDisk = readFileSync(join(dataDir, 'history.json'), 'utf8');
    expect(onDisk).toContain('Onshape said 4089 for');
    expect(leakedSecrets(healthy, onDisk)).toEqual([]);
  });
});
