// The app's service against a hostile server that echoes every secret it was sent, in every encoding and
// place (test/support/echo-server.ts), driven as the window drives it: check, progress, reports in every
// format (HTML, JSON, Markdown), clipboard (text and Markdown), history, startup. Nothing that leaves the service or lands on disk holds a sentinel:
// answers, progress messages, exported HTML and JSON, the clipboard, settings.json, recheck.json,
// history.json and the support log.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, CheckProgress } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService } from '../../main/service/doctor-service.js';
import { createSinkSweep } from '../../main/service/sink-sweep.js';
import { ECHO_CHECK, ECHO_LOGINS, ECHO_SECRETS, ECHO_SENTINELS, startEchoServer } from '../support/echo-server.js';
import type { LoopbackServer } from '../support/loopback-server.js';
import { sentinelHits } from '../support/sentinels.js';

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.each(ECHO_LOGINS.map((login) => [login] as const))('the service against an echoing server (login answer: %s)', (login) => {
  it('lets no secret out through any sink', async () => {
    const echo = await startEchoServer(login);
    server = echo;
    const dataDir = mkdtempSync(join(tmpdir(), 'echo-service-'));
    const host = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 3000, log: true });
    const service = createDoctorService(host);
    const progress: CheckProgress[] = [];
    service.onProgress((event) => progress.push(event));
    const answers: unknown[] = [];
    const ask = async (...call: Parameters<typeof service.handle>): Promise<unknown> => {
      const answer = await service.handle(...call);
      answers.push(answer);
      return answer;
    };

    const intent: CheckIntent = {
      details: {
        dataCentre: 'custom',
        apiUrl: echo.apiUrl,
        workspaceId: ECHO_CHECK.workspaceId,
        integrationEmail: ECHO_CHECK.email,
        loginType: 'webtoken',
        userEmail: ECHO_CHECK.userEmail,
      },
      integrationSecret: { source: 'typed', value: ECHO_SECRETS.webtoken },
      userPassword: { source: 'typed', value: ECHO_SECRETS.userPassword },
      remember: false,
      confirmedChange: false,
      proxy: { mode: 'direct' },
    };
    const outcome = (await ask('runCheck', intent)) as { ok: boolean };
    expect(outcome.ok).toBe(true);
    expect(echo.heard.has(ECHO_SECRETS.webtoken)).toBe(true);
    const request = { supportTicket: null, diagnosisPath: [], historyId: null };
    await ask('exportReport', { ...request, format: 'html' });
    await ask('exportReport', { ...request, format: 'json' });
    await ask('exportReport', { ...request, format: 'md' });
    await ask('copyReportSummary', { ...request, format: 'text' });
    await ask('copyReportSummary', { ...request, format: 'md' });
    // Whatever the window asks to copy goes through the same last sweep.
    await ask('copyText', `Arena said: ${ECHO_SECRETS.webtoken}`);
    await ask('getStartup', undefined);
    // An answer that quotes what the window sent is swept too.
    await ask('runPractice', { scenario: ECHO_SECRETS.webtoken });
    const history = (await ask('listHistory', undefined)) as { ok: boolean; data?: { entries: { id: string }[] } };
    for (const entry of history.data?.entries ?? []) await ask('openHistory', entry.id);
    await host.logger.flush();

    const sinks: Record<string, string> = {
      answers: JSON.stringify(answers),
      progress: JSON.stringify(progress),
      clipboard: host.clipboard.join('\n'),
    };
    for (const file of filesUnder(dataDir)) sinks[file.slice(dataDir.length)] = readFileSync(file, 'utf8');
    expect(Object.keys(sinks)).toEqual(expect.arrayContaining(['/settings.json', '/logs/arena-connect-doctor.log']));
    const reports = Object.keys(sinks).filter((name) => name.startsWith('/reports/'));
    expect(reports.map((name) => name.slice(name.lastIndexOf('.'))).sort()).toEqual(['.html', '.json', '.md']);
    // The Markdown is the report itself (its failed step and Arena's words), not an empty page.
    expect(sinks[reports.find((name) => name.endsWith('.md')) ?? '']).toContain('## For Arena Support');
    expect(host.clipboard).toHaveLength(3);
    expect(host.clipboard[1]).toMatch(/^# Arena Connect Doctor report\n/);
    for (const [name, text] of Object.entries(sinks)) expect(sentinelHits(text, ECHO_SENTINELS), name).toEqual([]);
  });
});

describe('the sink sweep', () => {
  it('sweeps the settings file, saved reports and the clipboard for the secrets it knows', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sink-sweep-'));
    const sweep = createSinkSweep();
    const inner = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false });
    const host = sweep.sinks(inner);
    sweep.remember([ECHO_SECRETS.webtoken]);
    const percent = [...ECHO_SECRETS.webtoken].map((character) => `%${character.charCodeAt(0).toString(16)}`).join('');
    await host.settings.update((current) => ({
      ...current,
      profile: {
        details: {
          dataCentre: 'custom',
          apiUrl: 'http://127.0.0.1:1/v1',
          workspaceId: 1,
          integrationEmail: 'a@b.com',
          loginType: 'webtoken',
          userEmail: null,
        },
        remember: false,
        proxy: { mode: 'direct' },
        lastReport: { createdAt: '2026-12-01T00:00:00.000Z', ok: true, headline: `Connection OK to workspace "${percent}".` },
      },
    }));
    const saved = await host.saveFile({ suggestedName: 'r.json', content: `{"x":"${ECHO_SECRETS.webtoken}"}`, format: 'json' });
    await host.writeClipboard(`&#87;${ECHO_SECRETS.webtoken.slice(1)}`);
    expect(sentinelHits(readFileSync(join(dataDir, 'settings.json'), 'utf8'), ECHO_SENTINELS)).toEqual([]);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toContain('[redacted]');
    if (!saved.saved) throw new Error('the report was not saved');
    expect(sentinelHits(readFileSync(saved.fileName, 'utf8'), ECHO_SENTINELS)).toEqual([]);
    expect(inner.clipboard).toEqual(['[redacted]']);
  });
});
