// The Electron entry point: one window, locked down, serving the wizard over app://renderer and the
// typed IPC contract. Everything else lives in modules that run without Electron.
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { createLogger, nullLogger, type AppLogger } from '../logging/index.js';
import { createDoctorService } from '../service/doctor-service.js';
import { toolInfo } from '../version.js';
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

// The support log (rotated, redacted by the logger) in the app's logs folder; only the first instance writes it.
let logger: AppLogger = nullLogger;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  logger = openLog();
  logger.info(
    {
      version: toolInfo().version,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      packaged: app.isPackaged,
    },
    'app started',
  );
  // A monitor only records: the default handling of an uncaught exception is kept.
  process.on('uncaughtExceptionMonitor', (error, origin) => {
    logger.error({ err: error, origin }, 'uncaught error');
    void logger.flush();
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  app.on('render-process-gone', (_event, _contents, details) =>
    logger.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone'),
  );
  app.on('child-process-gone', (_event, details) =>
    logger.error({ type: details.type, reason: details.reason, exitCode: details.exitCode }, 'child process gone'),
  );
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void logger.flush());
  app.whenReady().then(start, async (error: unknown) => {
    console.error('Arena Connect Doctor could not start:', error instanceof Error ? error.message : error);
    logger.error({ err: error }, 'could not start');
    await logger.flush();
    app.exit(1);
  });
}

function openLog(): AppLogger {
  try {
    return createLogger({ directory: app.getPath('logs') });
  } catch (error) {
    console.error('Arena Connect Doctor runs without a log file:', error instanceof Error ? error.message : error);
    return nullLogger;
  }
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle('app', async (request) => {
    const served = await serveRendererFile(rendererRoot, request.url);
    const body = typeof served.body === 'string' ? served.body : new Uint8Array(served.body);
    return new Response(body, { status: served.status, headers: served.headers });
  });

  const window = new BrowserWindow(secureWindowOptions(preloadPath, { devTools: !app.isPackaged }));
  const service = createDoctorService(electronHost(window, logger));
  const unregister = registerIpc(ipcMain, service, window.webContents);
  window.on('closed', unregister);
  window.once('ready-to-show', () => window.show());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  await window.loadURL(RENDERER_URL);
}
