/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { DoctorApi } from '../../common/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    doctor?: DoctorApi;
  }
}

export {};
