// The Electron security checklist items that live in our code, driven without an Electron binary.
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, DOCTOR_METHODS, PROGRESS_CHANNEL, type CheckProgress } from '../../common/ipc/contract.js';
import { isTrustedSender, registerIpc, type InvokeEventLike } from '../../main/app/ipc.js';
import { resolveRendererPath, serveRendererFile } from '../../main/app/renderer-files.js';
import { denyAllPermissions, hardenContents, type PreventableEvent } from '../../main/app/security.js';
import { CONTENT_SECURITY_POLICY, secureWindowOptions } from '../../main/app/window-options.js';
import type { DoctorService } from '../../main/service/doctor-service.js';

describe('window options', () => {
  it('turn on isolation and the sandbox, and turn off Node, webviews and insecure content', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs', { devTools: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('use a CSP with no eval, no inline script and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function preventable(): PreventableEvent & { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

describe('navigation, new windows and permissions', () => {
  it('prevents every navigation, redirect and webview', () => {
    const contents = new FakeContents();
    hardenContents(contents, () => undefined);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = preventable();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.prevented, name).toBe(true);
    }
  });

  it('denies new windows, opening only allow-listed help in the system browser', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenContents(contents, (url) => opened.push(url));
    expect(contents.openHandler?.({ url: 'https://ptc-arena.github.io/arena-dev-help/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://ptc-arena.github.io/arena-dev-help/']);
  });

  it('hands the browser the parsed address, not the raw text', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenContents(contents, (url) => opened.push(url));
    contents.openHandler?.({ url: 'HTTPS://Support.PTC.com\\help\t\\..\\a b?q=1' });
    expect(opened).toEqual(['https://support.ptc.com/a%20b?q=1']);
  });

  it('denies every permission request and check', () => {
    const installed: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
    } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (installed.request = handler),
      setPermissionCheckHandler: (handler) => (installed.check = handler),
    });
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      installed.request?.(null, permission, (answer: boolean) => granted.push(answer));
      expect(installed.check?.(null, permission)).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false, false]);
  });
});

describe('IPC sender validation', () => {
  const mainFrame = { url: 'app://renderer/index.html' };
  const trusted: InvokeEventLike = { sender: { id: 7, mainFrame }, senderFrame: mainFrame };

  it('trusts only our window main frame at our origin', () => {
    expect(isTrustedSender(trusted, 7)).toBe(true);
    expect(isTrustedSender(trusted, 8)).toBe(false);
    const foreign = { url: 'https://evil.example/' };
    expect(isTrustedSender({ sender: { id: 7, mainFrame: foreign }, senderFrame: foreign }, 7)).toBe(false);
    const subFrame = { url: 'app://renderer/index.html' };
    expect(isTrustedSender({ sender: { id: 7, mainFrame }, senderFrame: subFrame }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7, mainFrame }, senderFrame: null }, 7)).toBe(false);
    const fileFrame = { url: 'file:///index.html' };
    expect(isTrustedSender({ sender: { id: 7, mainFrame: fileFrame }, senderFrame: fileFrame }, 7)).toBe(false);
  });

  it('registers every channel, refuses untrusted callers before the service sees them, and forwards progress', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<unknown>>();
    const progressListeners: ((progress: CheckProgress) => void)[] = [];
    const handle = vi.fn(async () => ({ ok: true, data: null }));
    const service = {
      handle,
      onProgress: (listener: (progress: CheckProgress) => void) => {
        progressListeners.push(listener);
        return () => undefined;
      },
    } as unknown as DoctorService;
    const sent: [string, CheckProgress][] = [];
    const unregister = registerIpc(
      { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) },
      service,
      { id: 7, send: (channel, payload) => sent.push([channel, payload]), isDestroyed: () => false },
    );
    expect([...handlers.keys()].sort()).toEqual(DOCTOR_METHODS.map((method) => CHANNELS[method]).sort());

    const foreign = { url: 'https://evil.example/' };
    const refused = await handlers.get(CHANNELS.runPractice)?.(
      { sender: { id: 7, mainFrame: foreign }, senderFrame: foreign },
      { scenario: 'healthy' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handle).not.toHaveBeenCalled();

    await handlers.get(CHANNELS.runPractice)?.(trusted, { scenario: 'healthy' });
    expect(handle).toHaveBeenCalledWith('runPractice', { scenario: 'healthy' });

    progressListeners[0]?.({ type: 'step-started', step: 'login', at: '2026-11-22T10:00:00Z' });
    expect(sent).toEqual([[PROGRESS_CHANNEL, { type: 'step-started', step: 'login', at: '2026-11-22T10:00:00Z' }]]);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('renderer files over app://renderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'doctor-renderer-files-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'doctor-outside.js'), 'secret');

  it('serves the renderer with the CSP header', async () => {
    const served = await serveRendererFile(root, 'app://renderer/index.html');
    expect(served.status).toBe(200);
    expect(served.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await serveRendererFile(root, 'app://renderer/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses paths outside the renderer folder, other origins and unknown file types', async () => {
    for (const url of [
      'app://renderer/../doctor-outside.js',
      'app://renderer/%2e%2e/doctor-outside.js',
      'app://renderer/..%2fdoctor-outside.js',
      'app://other/index.html',
      'https://renderer/index.html',
    ]) {
      expect(resolveRendererPath(root, url) === null || (await serveRendererFile(root, url)).status === 404, url).toBe(true);
      expect((await serveRendererFile(root, url)).status, url).toBe(404);
    }
    // Percent signs that decode to nothing are a missing file (404), never a thrown error (500).
    for (const url of ['app://renderer/%', 'app://renderer/%ff', 'app://renderer/assets/%E0%A4%A', 'app://renderer/%zz.js']) {
      expect(() => resolveRendererPath(root, url), url).not.toThrow();
      expect((await serveRendererFile(root, url)).status, url).toBe(404);
    }
    writeFileSync(join(root, 'notes.txt'), 'x');
    expect((await serveRendererFile(root, 'app://renderer/notes.txt')).status).toBe(404);
  });
});
