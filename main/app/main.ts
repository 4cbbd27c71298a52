// The Electron entry point: one window, locked down, serving the wizard over app://renderer and the
// typed IPC contract. Everything else lives in modules that run without Electron.
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { createDoctorService } from '../service/doctor-service.js';
import { electronHost } from './electron-host.js';
import { registerIpc } from './ipc.js';
import { serveRendererFile } from './renderer-files.js';
import { denyAllPermissions, hardenContents } from './security.js';
import { RENDERER_URL, secureWindowOptions } from './window-options.js';

const preloadPath = fileURLToPath(new URL('../../preload/preload.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../../renderer/', import.meta.url));

// A privileged standard scheme gives the renderer a real origin (for the IPC sender check) without file://.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error('Arena Connect Doctor could not start:', error instanceof Error ? error.message : error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle('app', async (request) => {
    const served = await serveRendererFile(rendererRoot, request.url);
    return new Response(served.body, { status: served.status, headers: served.headers });
  });

  const window = new BrowserWindow(secureWindowOptions(preloadPath, { devTools: !app.isPackaged }));
  const service = createDoctorService(electronHost(window));
  const unregister = registerIpc(ipcMain, service, window.webContents);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  await window.loadURL(RENDERER_URL);
}
