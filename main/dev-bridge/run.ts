// `npm run dev:browser`: the wizard in your browser against the real core, for development.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoctorService } from '../service/doctor-service.js';
import { bridgeHost } from './bridge-host.js';
import { startDevBridge } from './server.js';

const dataDir = process.env.DOCTOR_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'doctor-dev-'));
const host = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: process.env.DOCTOR_KEYCHAIN !== 'off', log: true });
const bridge = await startDevBridge({
  service: createDoctorService(host),
  rendererRoot: fileURLToPath(new URL('../../renderer-bridge/', import.meta.url)),
  port: process.env.DOCTOR_PORT ? Number(process.env.DOCTOR_PORT) : 0,
});
process.stdout.write(
  `Arena Connect Doctor (browser variant): ${bridge.origin}/\nSettings and exported reports: ${dataDir}\nCtrl-C to stop.\n`,
);
process.on('SIGINT', () => void bridge.close().then(() => process.exit(0)));
