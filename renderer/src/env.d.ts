/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { DoctorApi } from '../../common/ipc/contract';

declare global {
  /** True only in the renderer's development-bridge build (vite.config.ts, `--mode bridge`). */
  const __DOCTOR_BRIDGE__: boolean;

  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    doctor?: DoctorApi;
  }
}

export {};
