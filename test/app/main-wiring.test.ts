// The Electron entry point, with the `electron` module replaced at its import boundary (no Electron binary
// can run here): it must harden every web contents, deny permissions, create the one window with the
// secure options, serve app://renderer and register the IPC contract. The Playwright _electron suite
// (test/electron/) checks the same on machines that have Electron.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, DOCTOR_METHODS } from '../../common/ipc/contract.js';
import { RENDERER_URL } from '../../main/app/window-options.js';

const recorded = vi.hoisted(() => ({
  // A throw-away folder for the app's data and log files.
  appData: `${process.env.TMPDIR ?? '/tmp'}/doctor-wiring-${process.pid}`,
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  channels: [] as string[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  sandboxEnabled: false,
  permissionRequestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 1, send: () => undefined, isDestroyed: () => false };
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      recorded.windows.push(this.record);
    }
    on(): void {}
    once(): void {}
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof recorded.permissionRequestHandler) => (recorded.permissionRequestHandler = handler),
      setPermissionCheckHandler: () => undefined,
      resolveProxy: async () => 'DIRECT',
    },
  };
  return {
    app: {
      enableSandbox: () => (recorded.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => recorded.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      isPackaged: true,
      getPath: () => recorded.appData,
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => recorded.channels.push(channel), removeHandler: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
    },
    session,
    shell: { openExternal: async () => undefined },
    clipboard: { writeText: () => undefined },
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
    net: { fetch: async () => new Response('') },
  };
});

beforeAll(async () => {
  await import('../../main/app/main.js');
  await vi.waitFor(() => expect(recorded.windows[0]?.loaded.length).toBe(1));
});

describe('the Electron entry point', () => {
  it('enables the sandbox for every renderer and registers app:// as a secure standard scheme', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('creates one window with the secure options and loads the renderer from app://renderer', () => {
    expect(recorded.windows).toHaveLength(1);
    const preferences = recorded.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String(preferences.preload)).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0]?.loaded).toEqual([RENDERER_URL]);
  });

  it('hardens every web contents created and denies permissions', () => {
    expect(recorded.appEvents.has('web-contents-created')).toBe(true);
    const granted: boolean[] = [];
    recorded.permissionRequestHandler?.(null, 'media', (answer) => granted.push(answer));
    expect(granted).toEqual([false]);
  });

  it('registers exactly the contract channels', () => {
    expect([...recorded.channels].sort()).toEqual(DOCTOR_METHODS.map((method) => CHANNELS[method]).sort());
  });

  it('serves the renderer with the CSP header and nothing outside it', async () => {
    const handler = recorded.protocolHandlers.get('app');
    const outside = await handler?.({ url: 'app://renderer/../../package.json' });
    expect(outside?.status).toBe(404);
    expect(outside?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
