// Wires the contract's channels to the service. Each call is checked to come from our own window's
// main frame at our own origin before its payload is even looked at; the service validates the payload.
import { CHANNELS, DOCTOR_METHODS, PROGRESS_CHANNEL, type CheckProgress, type Result } from '../../common/ipc/contract.js';
import type { DoctorService } from '../service/doctor-service.js';
import { RENDERER_ORIGIN } from './window-options.js';

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WindowContentsLike {
  id: number;
  send(channel: string, payload: CheckProgress): void;
  isDestroyed(): boolean;
}

export function isTrustedSender(event: InvokeEventLike, trustedContentsId: number): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender.id !== trustedContentsId || frame !== event.sender.mainFrame) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === RENDERER_ORIGIN;
  } catch {
    return false;
  }
}

const UNTRUSTED: Result<never> = {
  ok: false,
  error: { code: 'untrusted-sender', message: 'This request did not come from the app window and was refused.' },
};

/** Registers every channel; returns the function that removes them (and the progress forwarding). */
export function registerIpc(ipcMain: IpcMainLike, service: DoctorService, contents: WindowContentsLike): () => void {
  for (const method of DOCTOR_METHODS) {
    ipcMain.handle(CHANNELS[method], async (event, payload) =>
      isTrustedSender(event, contents.id) ? service.handle(method, payload) : UNTRUSTED,
    );
  }
  const stopProgress = service.onProgress((progress) => {
    if (!contents.isDestroyed()) contents.send(PROGRESS_CHANNEL, progress);
  });
  return () => {
    stopProgress();
    for (const method of DOCTOR_METHODS) ipcMain.removeHandler(CHANNELS[method]);
  };
}
