// The route a check of the app took, in its report: direct or through which proxy, and why. The system's
// proxy answer (Chromium's resolveProxy, played here by the host) may carry a user name and password:
// the report names the proxy by scheme, host and port only. Arena is the simulator on 127.0.0.1, the proxy
// a refusing one on 127.0.0.1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckOutcome, CheckIntent, ProxySetting } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import type { SystemProxyResolver } from '../../main/network/proxy.js';
import { renderText } from '../../main/report/text-report.js';
import { createDoctorService } from '../../main/service/doctor-service.js';
import { startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';
import { startRefusingProxy, type RefusingProxy } from '../faults/fault-server.js';

const PROXY_PASSWORD = 'Hunter2-route-sentinel';

let simulator: SimulatorHandle | null = null;
let proxy: RefusingProxy | null = null;
afterEach(async () => {
  await simulator?.close();
  await proxy?.close();
  simulator = null;
  proxy = null;
});

async function checkThrough(setting: ProxySetting, resolveSystemProxy?: SystemProxyResolver): Promise<CheckOutcome> {
  simulator = await startSimulator({ scenario: 'healthy' });
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-route-'));
  const host = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000 });
  const service = createDoctorService(resolveSystemProxy ? { ...host, resolveSystemProxy } : host);
  const { check } = simulator.scenario;
  const intent: CheckIntent = {
    details: {
      dataCentre: 'custom',
      apiUrl: simulator.apiUrl,
      workspaceId: check.workspaceId,
      integrationEmail: check.email,
      loginType: check.loginType,
      userEmail: null,
    },
    integrationSecret: { source: 'typed', value: check.secret },
    userPassword: { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: setting,
  };
  const result = await service.handle('runCheck', intent);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('the route in the report of a check from the app', () => {
  it("names the system's proxy without the user name and password its answer held", async () => {
    proxy = await startRefusingProxy(407);
    const { port } = proxy;
    const outcome = await checkThrough({ mode: 'system' }, async () => `PROXY dana:${PROXY_PASSWORD}@127.0.0.1:${port}; DIRECT`);
    // The check did go through it (the proxy refused), and the report says which proxy and why.
    expect(proxy.connects.map((entry) => entry.target)).toEqual([new URL(simulator?.apiUrl ?? '').host]);
    expect(outcome.report.steps[0]?.network).toMatchObject({
      proxy: `http://127.0.0.1:${port}`,
      route: { via: 'system-proxy', reason: 'system-proxy' },
    });
    expect(renderText(outcome.report)).toContain(
      `Route: through the proxy http://127.0.0.1:${port} (named by this computer's proxy settings)`,
    );
    expect(JSON.stringify(outcome)).not.toContain(PROXY_PASSWORD);
    expect(JSON.stringify(outcome)).not.toContain('dana');
  });

  it('says why it went direct: the system said DIRECT, the settings could not be read, the admin chose direct', async () => {
    const system = await checkThrough({ mode: 'system' }, async () => 'DIRECT');
    expect(system.report.steps[0]?.network?.route).toEqual({ via: 'direct', reason: 'system-direct' });
    await simulator?.close();
    const unreadable = await checkThrough({ mode: 'system' }, () => Promise.reject(new Error('no PAC')));
    expect(unreadable.report.steps[0]?.network?.route).toEqual({ via: 'direct', reason: 'system-unreadable' });
    await simulator?.close();
    const chosen = await checkThrough({ mode: 'direct' }, async () => 'PROXY 127.0.0.1:9');
    expect(chosen.report.steps[0]?.network).toMatchObject({ proxy: null, route: { via: 'direct', reason: 'chosen-direct' } });
    expect(chosen.report.ok).toBe(true);
  });

  it('reports an explicit proxy as explicit', async () => {
    proxy = await startRefusingProxy(403);
    const outcome = await checkThrough({ mode: 'manual', url: proxy.url });
    expect(outcome.report.steps[0]?.network).toMatchObject({ proxy: proxy.url, route: { via: 'explicit-proxy', reason: 'chosen-proxy' } });
  });
});
