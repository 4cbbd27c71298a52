// The Electron entry point, with the `electron` module replaced at its import boundary (no Electron binary
// can run here): it must harden every web contents, deny permissions, create the one window with the
// secure options, serve app://renderer and register the IPC contract. The Playwright _electron suite
// (test/electron/) checks the same on machines that have Electron.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, DOCTOR_METHODS } from '../../common/ipc/contract.js';
import { CONTENT_SECURITY_POLICY, RENDERER_URL } from '../../main/app/window-options.js';

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
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(String(preferences.preload)).toMatch(/preload\.cjs$/);
    expect(recorded.windows[0]?.loaded).toEqual([RENDERER_URL]);
  });

  it('hardens every web contents created: navigation, redirects, webviews and new windows are refused', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
    };
    recorded.appEvents.get('web-contents-created')?.({}, contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    const opened = (windowOpen as ((details: { url: string }) => { action: string }) | null)?.({ url: 'https://attacker.example/' });
    expect(opened).toEqual({ action: 'deny' });
  });

  it('denies permissions', () => {
    const granted: boolean[] = [];
    recorded.permissionRequestHandler?.(null, 'media', (answer) => granted.push(answer));
    expect(granted).toEqual([false]);
  });

  it('registers exactly the contract channels', () => {
    expect([...recorded.channels].sort()).toEqual(DOCTOR_METHODS.map((method) => CHANNELS[method]).sort());
  });

  it('serves the renderer with the CSP header', async () => {
    const served = await recorded.protocolHandlers.get('app')?.({ url: 'app://renderer/index.html' });
    expect(served?.status).toBe(200);
    expect(served?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  // Under test the renderer root is the source folder renderer/, whose sibling build/ holds icon.svg and
  // icon.png, types the handler serves: these escapes survive the URL parser (an encoded slash is no path
  // separator to it) and name real files, so only the containment check stands between them and a 200.
  it.each([
    'app://renderer/..%2fbuild%2ficon.svg',
    'app://renderer/%2e%2e%2fbuild/icon.png',
    'app://renderer/src/..%2f..%2fbuild%2ficon.svg',
  ])('serves nothing outside the renderer folder (%s)', async (url) => {
    const served = await recorded.protocolHandlers.get('app')?.({ url });
    expect(served?.status).toBe(404);
    expect(await served?.text()).toBe('Not found');
    expect(served?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
