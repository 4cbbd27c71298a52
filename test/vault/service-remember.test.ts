// "Remember in this computer's keychain" through the service, on a real Secret Service (skipped without
// one, as keychain.test.ts is; `npm test` provides one). Arena is a loopback server that accepts a token
// once and then refuses it, as after the token was regenerated in Arena.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { createKeytarVault } from '../../main/vault/index.js';
import { loadKeytarModule } from '../../main/vault/keytar-vault.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const SERVICE = `Arena Connect Doctor remember test ${process.pid}-${randomUUID()}`;
const TOKEN = 'remembered-webtoken-0001';

async function skipReason(): Promise<string | null> {
  if (process.platform !== 'linux') return 'real keychain tests use a Linux Secret Service';
  if (!process.env.DBUS_SESSION_BUS_ADDRESS)
    return 'no D-Bus session; run under dbus-run-session with an unlocked gnome-keyring, as npm test does';
  const vault = createKeytarVault({ service: SERVICE, timeoutMs: 10_000 });
  const probe = { apiUrl: 'https://api.arenasolutions.com/v1', workspaceId: 1, integrationEmail: 'probe@example.com' };
  const saved = await vault.save(probe, 'webtoken', 'probe');
  if (!saved.ok) return `the keychain cannot be written: ${saved.unavailable.message}`;
  await vault.forget(probe);
  return null;
}
const reason = await skipReason();

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Arena that accepts the login while `accepting.now` is true, and answers 4089 afterwards. */
async function arena(accepting: { now: boolean }): Promise<LoopbackServer> {
  return startLoopbackServer((request, response) => {
    const path = request.url ?? '';
    // The reach probe is a logout without a session, which Arena refuses with 401.
    if (path.endsWith('/logout') && !request.headers.arena_session_id)
      sendJson(response, 401, { status: 401, errors: [{ code: 401, message: 'No access token.' }] });
    else if (!path.endsWith('/login')) sendJson(response, 200, {});
    else if (accepting.now)
      sendJson(response, 200, {
        arenaSessionId: 'session-1',
        workspaceId: 42,
        workspaceName: 'Remember Inc.',
        workspaceRequestLimit: 25000,
      });
    else sendJson(response, 400, { status: 400, errors: [{ code: 4089, message: 'The WebToken is not valid.' }] });
  });
}

function service(): DoctorService {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-remember-'));
  return createDoctorService(
    bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: true, keychainService: SERVICE, timeoutMs: 5000 }),
  );
}

function intent(apiUrl: string, overrides: Partial<CheckIntent> = {}): CheckIntent {
  return {
    details: {
      dataCentre: 'custom',
      apiUrl,
      workspaceId: 42,
      integrationEmail: 'integration@example.com',
      loginType: 'webtoken',
      userEmail: null,
    },
    integrationSecret: { source: 'typed', value: TOKEN },
    userPassword: { source: 'none' },
    remember: true,
    confirmedChange: false,
    proxy: { mode: 'direct' },
    ...overrides,
  };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const logins = (): number => server?.requests.filter((request) => request.url.endsWith('/login')).length ?? 0;

describe.skipIf(reason !== null)(`remembering secrets through the service${reason === null ? '' : ` (skipped: ${reason})`}`, () => {
  afterAll(async () => {
    const keytar = await loadKeytarModule();
    for (const credential of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, credential.account);
  });

  it('a token Arena refused is not remembered, and the admin is told', async () => {
    server = await arena({ now: false });
    const doctor = service();
    const outcome = data(await doctor.handle('runCheck', intent(server.apiUrl)));
    expect(outcome.report.steps.find((step) => step.step === 'login')?.errorCode).toBe(4089);
    expect(outcome.notices.join(' ')).toMatch(/WebToken was not remembered.*did not accept/);
    expect(data(await doctor.handle('rememberedFor', intent(server.apiUrl).details))).toEqual({ integration: false, user: false });
  });

  it('a remembered token Arena has just refused is not sent again, however the address is spelled', async () => {
    const accepting = { now: true };
    server = await arena(accepting);
    const doctor = service();
    const { port } = new URL(server.apiUrl);
    data(await doctor.handle('runCheck', intent(server.apiUrl)));
    expect(data(await doctor.handle('rememberedFor', intent(server.apiUrl).details))).toEqual({ integration: true, user: false });

    accepting.now = false;
    const remembered = { integrationSecret: { source: 'remembered' } } as const;
    const refused = data(await doctor.handle('runCheck', intent(`http://127.0.0.1:${port}/./v1`, remembered)));
    expect(refused.report.steps.find((step) => step.step === 'login')?.errorCode).toBe(4089);
    expect(logins()).toBe(2);
    for (const apiUrl of [`http://127.0.0.1:${port}/v1/`, `http://localhost:${port}/v1`, `http://127.1:${port}/x/../v1`, server.apiUrl]) {
      const again = await doctor.handle('runCheck', intent(apiUrl, remembered));
      // Another host name has no keychain entry of its own (the keychain keeps the canonical address): nothing to send.
      expect(again.ok ? 'sent' : again.error.code, apiUrl).toBe(apiUrl.includes('localhost') ? 'secret-missing' : 'recheck-needs-change');
      const { details, integrationSecret, userPassword } = intent(apiUrl, remembered);
      expect(data(await doctor.handle('gateFor', { details, integrationSecret, userPassword })).integration.needsChange).toBe(true);
    }
    expect(logins()).toBe(2);
  });
});
