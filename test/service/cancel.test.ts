// Cancel never orphans a session, and never hides a credential that reached Arena from the re-check
// guard. A loopback server plays Arena and answers late; it counts every login, authorize and logout.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckIntent, Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const SESSION = 'late-session-id-0001';
const TOKEN = 'cancel-test-webtoken-0001';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

interface ArenaTimings {
  /** Milliseconds before the login is answered; null: never. */
  loginDelayMs: number | null;
  /** The login's answer: a session, or Arena's 4089. */
  login: 'session' | 'rejected';
  authorizeDelayMs?: number;
}

/** Arena on 127.0.0.1 with answers as late as asked; late answers still come after the client gave up. */
async function lateArena(timings: ArenaTimings): Promise<LoopbackServer> {
  const later = (ms: number | null | undefined, answer: () => void): void => {
    if (ms === null) return;
    setTimeout(answer, ms ?? 0);
  };
  const server = await startLoopbackServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '';
    if (path.endsWith('/login/authorizeuser')) later(timings.authorizeDelayMs, () => sendJson(response, 200, {}));
    else if (path.endsWith('/login'))
      later(timings.loginDelayMs, () =>
        timings.login === 'session'
          ? sendJson(response, 200, {
              arenaSessionId: SESSION,
              workspaceId: 42,
              workspaceName: 'Late Answers Inc.',
              workspaceRequestLimit: 25000,
            })
          : sendJson(response, 400, { status: 400, errors: [{ code: 4089, message: 'The WebToken is not valid.' }] }),
      );
    // The reach probe: a logout without a session, which Arena refuses with 401.
    else if (path.endsWith('/logout') && !request.headers.arena_session_id)
      sendJson(response, 401, { status: 401, errors: [{ code: 401, message: 'There is no access token associated with this request.' }] });
    else if (path.endsWith('/logout')) sendJson(response, 200, {});
    else sendJson(response, 404, {});
  });
  closers.push(() => server.close());
  return server;
}

function service(timeoutMs = 5000): DoctorService {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-cancel-'));
  return createDoctorService(bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs }));
}

function intent(apiUrl: string, overrides: Partial<CheckIntent> = {}, userEmail: string | null = 'dana@example.com'): CheckIntent {
  return {
    details: {
      dataCentre: 'custom',
      apiUrl,
      workspaceId: 42,
      integrationEmail: 'integration@example.com',
      loginType: 'webtoken',
      userEmail,
    },
    integrationSecret: { source: 'typed', value: TOKEN },
    userPassword: userEmail ? { source: 'typed', value: 'dana-password-1' } : { source: 'none' },
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

/** Requests of one kind; a logout counts only with a session (the reach probe is a logout without one). */
const count = (server: LoopbackServer, method: string, suffix: string): number =>
  server.requests.filter(
    (request) =>
      request.method === method && request.url.endsWith(suffix) && (suffix !== '/logout' || request.headers.arena_session_id !== undefined),
  ).length;

/** Waits until Arena has the login's whole body, then cancels. */
async function cancelOnceLoginArrived(doctor: DoctorService, server: LoopbackServer): Promise<void> {
  while (count(server, 'POST', '/login') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await doctor.handle('cancelCheck', undefined)).toEqual({ ok: true, data: null });
}

describe('cancelling while the login is in flight', () => {
  it("waits for Arena's late answer and logs its session out at once; authorize is skipped", async () => {
    const arena = await lateArena({ loginDelayMs: 700, login: 'session' });
    const doctor = service();
    const running = doctor.handle('runCheck', intent(arena.apiUrl));
    await cancelOnceLoginArrived(doctor, arena);
    const outcome = data(await running);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.cancelNote).toBe("Cancelled; Arena's late answer was logged out of.");
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'skipped', 'passed']);
    expect(count(arena, 'PUT', '/logout')).toBe(1);
    expect(arena.requests.filter((request) => request.method === 'PUT').map((request) => request.headers.arena_session_id)).toEqual([
      undefined,
      SESSION,
    ]);
    expect(count(arena, 'POST', '/login/authorizeuser')).toBe(0);
    // The login passed, so the integration user is not held; the Onshape user got nothing.
    expect((await doctor.handle('runCheck', intent(arena.apiUrl, {}, null))).ok).toBe(true);
  });

  it('a late refusal is recorded: the same token is not sent again without a confirmation', async () => {
    const arena = await lateArena({ loginDelayMs: 500, login: 'rejected' });
    const doctor = service();
    const running = doctor.handle('runCheck', intent(arena.apiUrl));
    await cancelOnceLoginArrived(doctor, arena);
    const outcome = data(await running);
    expect(outcome.cancelNote).toBe('Cancelled; nothing was opened in Arena.');
    expect(outcome.report.steps.find((step) => step.step === 'login')).toMatchObject({ outcome: 'failed', errorCode: 4089 });
    expect(count(arena, 'PUT', '/logout')).toBe(0);
    expect(await doctor.handle('runCheck', intent(arena.apiUrl))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change', account: 'integration' },
    });
    expect(count(arena, 'POST', '/login')).toBe(1);
  });

  it('a login whose answer never comes (timed out after it was sent) holds the token until the admin confirms', async () => {
    const arena = await lateArena({ loginDelayMs: null, login: 'session' });
    const doctor = service(400);
    const outcome = data(await doctor.handle('runCheck', intent(arena.apiUrl)));
    expect(outcome.report.steps.find((step) => step.step === 'login')).toMatchObject({ outcome: 'failed', errorCode: 'ETIMEDOUT' });
    expect(outcome.recheck.needsChange).toBe(true);
    const refused = await doctor.handle('runCheck', intent(arena.apiUrl));
    expect(refused).toMatchObject({ ok: false, error: { code: 'recheck-needs-change', account: 'integration' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/answer never came/);
    expect(count(arena, 'POST', '/login')).toBe(1);
  });
});

describe('cancelling at other moments', () => {
  it('before anything reached Arena (TLS never finished): the login is dropped at once, nothing is held', async () => {
    // Accepts the connection and never answers the TLS hello, so the request body is never written.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const doctor = service();
    const apiUrl = `https://127.0.0.1:${port}/v1`;
    const running = doctor.handle('runCheck', intent(apiUrl));
    while (sockets.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelledAt = Date.now();
    await doctor.handle('cancelCheck', undefined);
    const outcome = data(await running);
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(outcome.cancelNote).toBe('Cancelled; nothing was opened in Arena.');
    expect(outcome.report.steps.map((step) => step.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    const { details, integrationSecret, userPassword } = intent(apiUrl);
    const gate = data(await doctor.handle('gateFor', { details, integrationSecret, userPassword }));
    expect(gate).toEqual({
      integration: { waitUntil: null, needsChange: false, reason: null },
      user: { waitUntil: null, needsChange: false, reason: null },
    });
  });

  it("during authorize: the user's password reached Arena unanswered, so that user is held; the session is logged out of", async () => {
    const arena = await lateArena({ loginDelayMs: 0, login: 'session', authorizeDelayMs: 3000 });
    const doctor = service();
    const running = doctor.handle('runCheck', intent(arena.apiUrl));
    while (count(arena, 'POST', '/login/authorizeuser') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await doctor.handle('cancelCheck', undefined);
    const outcome = data(await running);
    expect(outcome.cancelNote).toBe('Cancelled; the session that was open was logged out of.');
    expect(count(arena, 'PUT', '/logout')).toBe(1);
    expect(await doctor.handle('runCheck', intent(arena.apiUrl))).toMatchObject({
      ok: false,
      error: { code: 'recheck-needs-change', account: 'user' },
    });
    expect(count(arena, 'POST', '/login')).toBe(1);
    expect((await doctor.handle('runCheck', intent(arena.apiUrl, {}, null))).ok).toBe(true);
    expect(count(arena, 'POST', '/login')).toBe(2);
  });
});
