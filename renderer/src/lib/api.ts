// Which DoctorApi the renderer talks to: the preload's in Electron; the development bridge's only in the
// bridge build (`vite build --mode bridge`), so the app's bundle carries no bridge client at all.
import type { DoctorApi } from '../../../common/ipc/contract';
import { apiOverTransport } from '../../../common/ipc/api-over-transport';
import { createBridgeClient, readBridgeToken } from './bridge-client';

const NOT_CONNECTED =
  'This page is not connected to Arena Connect Doctor: open the app itself (or, when developing, the address npm run dev:browser printed).';

/** A page opened outside the app: every call answers in plain words instead of failing silently. */
function notConnected(): DoctorApi {
  return apiOverTransport({
    invoke: async () => ({ ok: false, error: { code: 'not-allowed', message: NOT_CONNECTED } }),
    subscribe: () => () => undefined,
  });
}

export function getDoctorApi(): DoctorApi {
  if (window.doctor) return window.doctor;
  // A build-time constant (vite.config.ts): false in the app's build, so the bridge client is dropped.
  if (__DOCTOR_BRIDGE__) return createBridgeClient({ token: readBridgeToken(document) });
  return notConnected();
}
