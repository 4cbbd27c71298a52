// Smoke test of the real Electron app: the window opens, a practice check runs, and the security
// settings are on. DOCTOR_APP_PATH points at a packaged app's executable (release workflow); otherwise
// the electron package's own binary runs this checkout (after `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

function electronExecutable(): string | null {
  if (process.env.DOCTOR_APP_PATH) return existsSync(process.env.DOCTOR_APP_PATH) ? process.env.DOCTOR_APP_PATH : null;
  try {
    // The electron package's path.txt names a binary that exists only after its download succeeded.
    const require = createRequire(import.meta.url);
    const root = require.resolve('electron/package.json').replace(/package\.json$/, '');
    const pathFile = `${root}path.txt`;
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const binary = `${root}dist/${relative}`;
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();
test.skip(executable === null, 'No Electron binary on this machine (it cannot be downloaded here); the release workflow runs this suite.');

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!executable) return;
  app = await electron.launch({
    executablePath: executable,
    args: process.env.DOCTOR_APP_PATH ? [] : ['.'],
    env: { ...process.env, CI: '1' },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
});

test('the window opens on the start screen', async () => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the Onshape–Arena connection');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a practice check runs to a diagnosis', async () => {
  await page.getByRole('button', { name: 'Practice with sample problems' }).click();
  await page.getByRole('button', { name: '"For Integration Use" is off', exact: true }).click();
  await expect(page.locator('.result-kicker')).toHaveText('The check found a problem');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arena rejected the WebToken');
  await expect(page.locator('body')).toContainText('4089');
});

test('the security settings are on', async () => {
  // The page has no Node (no nodeIntegration, context isolation on), only the typed API; the options
  // themselves come from one factory that unit tests check (test/app/).
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  // The sandbox: the renderer process runs with --enable-sandbox (app.enableSandbox()).
  const sandboxed = await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-sandbox'));
  expect(sandboxed).toBe(true);
  expect(await page.evaluate(() => Object.keys((window as unknown as { doctor: object }).doctor).sort())).toContain('runCheck');
  // Navigation away and new windows are refused.
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  // The page carries the strict CSP (the app:// handler also sends it as a header; unit-tested).
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
  expect(csp ?? '').toContain("default-src 'none'");
});
