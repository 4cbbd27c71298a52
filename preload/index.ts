// The preload: exposes the typed DoctorApi as window.doctor and nothing else. No Node API, no
// ipcRenderer, no event objects reach the page (contextIsolation keeps this world separate).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiOverTransport } from '../common/ipc/api-over-transport.js';
import { CHANNELS, PROGRESS_CHANNEL, type CheckProgress } from '../common/ipc/contract.js';

const api = apiOverTransport({
  invoke: (method, payload) => ipcRenderer.invoke(CHANNELS[method], payload),
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, progress: CheckProgress): void => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
    };
  },
});

contextBridge.exposeInMainWorld('doctor', api);
