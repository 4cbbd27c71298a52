// Starts the real app minus Electron: the service with a browser host, the development bridge serving the
// built renderer, and headless Debian Chromium driven by playwright-core. Nothing is mocked.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { bridgeHost, type BridgeHost } from '../../../main/dev-bridge/bridge-host.js';
import { startDevBridge, type DevBridge } from '../../../main/dev-bridge/server.js';
import { createDoctorService } from '../../../main/service/doctor-service.js';

export const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
const RENDERER = fileURLToPath(new URL('../../../out/renderer-bridge/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  host: BridgeHost;
  bridge: DevBridge;
  dataDir: string;
  /** Every message the page received from the main process (API answers and progress events). */
  received: string[];
  close(): Promise<void>;
}

export interface AppOptions {
  keychain?: boolean;
  keychainService?: string;
  now?: () => Date;
  dataDir?: string;
  /** Write the support log into <dataDir>/logs, as the app does. */
  log?: boolean;
  /** The page's time zone and locale (default: the machine's), so local times read the same everywhere. */
  timezoneId?: string | undefined;
  locale?: string | undefined;
  /** The page's clock starts here (Playwright's fake clock, ticking on from it) instead of now. */
  pageTime?: Date | undefined;
}

export async function openApp(browser: Browser, options: AppOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'doctor-e2e-'));
  const host = bridgeHost({
    dataDir,
    exportDir: join(dataDir, 'reports'),
    keychain: options.keychain ?? false,
    timeoutMs: 5000,
    log: options.log ?? false,
    keychainService: options.keychainService,
    now: options.now,
  });
  const service = createDoctorService(host);
  const bridge = await startDevBridge({ service, rendererRoot: RENDERER });
  // Playwright's options refuse an explicit undefined: set only what was given.
  const contextOptions: BrowserContextOptions = { reducedMotion: 'reduce' };
  if (options.timezoneId !== undefined) contextOptions.timezoneId = options.timezoneId;
  if (options.locale !== undefined) contextOptions.locale = options.locale;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  if (options.pageTime) await page.clock.install({ time: options.pageTime });
  const received: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/'))
      void response.text().then(
        (text) => received.push(text),
        () => undefined,
      );
  });
  page.on('pageerror', (error) => received.push(`pageerror: ${error.message}`));
  const stopRecording = service.onProgress((progress) => received.push(JSON.stringify(progress)));
  await page.goto(`${bridge.origin}/`);
  return {
    page,
    context,
    host,
    bridge,
    dataDir,
    received,
    close: async () => {
      stopRecording();
      await context.close();
      await bridge.close();
    },
  };
}

/** Saves a full-page PNG for review to test-results/screenshots/<name>.png, and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
