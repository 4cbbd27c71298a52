// An in-process DoctorApi backed by the real main-process service and the built-in Arena simulator:
// component tests drive the wizard against the same code the app runs, with nothing of Arena mocked.
// Payloads and answers are structured-cloned, as Electron's IPC does.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiOverTransport } from '../../../common/ipc/api-over-transport.js';
import type { DoctorApi } from '../../../common/ipc/contract.js';
import { bridgeHost, type BridgeHost } from '../../../main/dev-bridge/bridge-host.js';
import { createDoctorService } from '../../../main/service/doctor-service.js';

export interface TestApi {
  api: DoctorApi;
  host: BridgeHost;
  dataDir: string;
}

export function createTestApi(options: { now?: () => Date } = {}): TestApi {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-renderer-'));
  const host = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: 5000, ...options });
  const service = createDoctorService(host);
  const api = apiOverTransport({
    invoke: async (method, payload) => structuredClone(await service.handle(method, structuredClone(payload))),
    subscribe: (listener) => service.onProgress((progress) => listener(structuredClone(progress))),
  });
  return { api, host, dataDir };
}
