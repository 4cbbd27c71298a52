// Which DoctorApi the renderer talks to: the preload's in Electron, the development bridge elsewhere.
import type { DoctorApi } from '../../../common/ipc/contract';
import { createBridgeClient, readBridgeToken } from './bridge-client';

export function getDoctorApi(): DoctorApi {
  if (window.doctor) return window.doctor;
  return createBridgeClient({ token: readBridgeToken(document) });
}
