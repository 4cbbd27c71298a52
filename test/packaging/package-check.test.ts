// The package check's assertions (scripts/package-check.mjs), run against small asar archives made here,
// so each rule is shown to catch what it is for. The check against the real package runs as its own
// step of `npm test` (it needs the full build, which must not be redone while other tests read out/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.js';
import { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../common/dev-bridge.js';
import { checkPackage, importSpecifiers, makeStandInElectron, readFuseWire, readManifest } from '../../scripts/package-check.mjs';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  createPackageWithOptions(src: string, dest: string, options: { unpack?: string }): Promise<void>;
};
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const work = mkdtempSync(join(tmpdir(), 'acd-package-check-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD_APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'arena-connect-doctor', main: 'out/main/app/main.js', type: 'module' }),
  'out/main/app/main.js':
    "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { run } from '../service/run.js';\nrun(app, join);\n",
  'out/main/service/run.js':
    "import got from 'got';\nimport keytar from 'keytar';\nexport * from '../../common/shared.js';\nexport const run = () => [got, keytar];\n",
  'out/common/shared.js': 'export const shared = 1;\n',
  'out/preload/preload.cjs': "const { contextBridge } = require('electron');\ncontextBridge.exposeInMainWorld('doctor', {});\n",
  'out/renderer/index.html': `<!doctype html><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}"><script type="module" src="./assets/index-abc.js"></script><link rel="stylesheet" href="./assets/style-abc.css">`,
  'out/renderer/assets/index-abc.js': 'console.log(1);\n',
  'out/renderer/assets/style-abc.css': 'body{}\n',
  'node_modules/got/package.json': '{"name":"got"}',
  'node_modules/got/index.js': 'export default {};\n',
  'node_modules/keytar/package.json': '{"name":"keytar"}',
  'node_modules/keytar/lib/keytar.js': "module.exports = require('../build/Release/keytar.node');\n",
  'node_modules/keytar/build/Release/keytar.node': 'not really a native module',
};

const MANIFEST = {
  dependencies: ['got', 'keytar'],
  devDependencies: ['vitest', 'svelte', 'electron', 'playwright-core', 'typescript'],
  bridgeMarkers: [BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META],
  metaPolicy: META_CONTENT_SECURITY_POLICY,
};

let counter = 0;
/** Packs files into <folder>/resources/app.asar (+ app.asar.unpacked for .node) and returns the folder. */
async function packageOf(files: Record<string, string | null>): Promise<string> {
  const folder = join(work, `app-${++counter}`);
  const source = join(folder, 'source');
  for (const [path, content] of Object.entries(files)) {
    if (content === null) continue;
    mkdirSync(dirname(join(source, path)), { recursive: true });
    writeFileSync(join(source, path), content);
  }
  mkdirSync(join(folder, 'resources'), { recursive: true });
  await asar.createPackageWithOptions(source, join(folder, 'resources', 'app.asar'), { unpack: '*.node' });
  return folder;
}

async function failedChecks(files: Record<string, string | null>, budgetBytes?: number): Promise<string[]> {
  const appOutDir = await packageOf(files);
  const { checks } = checkPackage({ appOutDir, ...MANIFEST, ...(budgetBytes ? { budgetBytes } : {}) }) as { checks: Check[] };
  return checks.filter((check) => !check.ok).map((check) => check.name);
}

describe('package check rules', () => {
  it('pass a package that holds exactly the app', async () => {
    expect(await failedChecks(GOOD_APP)).toEqual([]);
  });

  it('fail when an entry point is missing', async () => {
    expect(await failedChecks({ ...GOOD_APP, 'out/preload/preload.cjs': null })).toContain('main, preload and renderer are packaged');
  });

  it('fail when main imports a file that was left out (e.g. an excluded folder)', async () => {
    const failed = await failedChecks({ ...GOOD_APP, 'out/common/shared.js': null });
    expect(failed).toContain('every import of main and preload resolves in the archive');
  });

  it('fail when main imports a package that is not packaged', async () => {
    const failed = await failedChecks({
      ...GOOD_APP,
      'out/main/app/extra.js': "import 'zod';\n",
      'out/main/app/main.js': `${GOOD_APP['out/main/app/main.js']}import './extra.js';\n`,
    });
    expect(failed).toEqual(['every import of main and preload resolves in the archive']);
  });

  it('fail when index.html names an asset that is not packaged', async () => {
    expect(await failedChecks({ ...GOOD_APP, 'out/renderer/assets/style-abc.css': null })).toContain(
      'renderer assets named by index.html are packaged',
    );
  });

  it.each([
    ['out/main/dev-bridge/run.js', 'no development bridge'],
    ['out/main/cli/doctor.js', 'no command line (runs under plain Node, not in the app)'],
    ['out/main/app/main.js.map', 'no source maps'],
    ['main/app/main.ts', 'no TypeScript sources or declarations'],
    ['node_modules/got/index.d.ts', 'no TypeScript sources or declarations'],
    ['test/app/security.test.js', 'no tests or test results'],
    ['test-results/vitest-node.json', 'no tests or test results'],
    ['node_modules/got/test.js', 'no tests or test results'],
    ['out/preload/index.js', "only the app's own build output at the top level"],
    ['renderer/src/App.svelte', "only the app's own build output at the top level"],
    ['node_modules/vitest/package.json', 'no dev dependencies'],
    ['node_modules/electron/package.json', 'no dev dependencies'],
    ['node_modules/playwright-core/package.json', 'no dev dependencies'],
  ])('fail when %s is packaged', async (path, rule) => {
    expect(await failedChecks({ ...GOOD_APP, [path]: 'x' })).toContain(rule);
  });

  it('count an optional dependency (keytar) as a production dependency: optional to install, required to ship', () => {
    const root = join(work, 'manifest');
    mkdirSync(root, { recursive: true });
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ dependencies: { got: '1' }, optionalDependencies: { keytar: '1' }, devDependencies: { vitest: '1' } }),
    );
    expect(readManifest(root)).toEqual({ dependencies: ['got', 'keytar'], devDependencies: ['vitest'] });
    expect(readManifest().dependencies).toContain('keytar');
  });

  it("fail when the renderer bundle carries the development bridge's client", async () => {
    const bundle = `fetch('/api/runCheck', { headers: { '${BRIDGE_TOKEN_HEADER}': token } });\n`;
    expect(await failedChecks({ ...GOOD_APP, 'out/renderer/assets/index-abc.js': bundle })).toEqual([
      'no development-bridge client in the renderer (its token header and meta name)',
    ]);
  });

  it.each([
    [
      'no CSP <meta>',
      '<!doctype html><script type="module" src="./assets/index-abc.js"></script><link rel="stylesheet" href="./assets/style-abc.css">',
    ],
    [
      'a weaker CSP <meta> than the header (no base-uri)',
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY.replace(/; base-uri [^;]+/, '')}"><script type="module" src="./assets/index-abc.js"></script><link rel="stylesheet" href="./assets/style-abc.css">`,
    ],
  ])('fail when index.html has %s', async (_label, html) => {
    expect(await failedChecks({ ...GOOD_APP, 'out/renderer/index.html': html })).toEqual([
      "renderer index.html carries the header's Content-Security-Policy",
    ]);
  });

  it('fail when a production dependency is missing', async () => {
    expect(await failedChecks({ ...GOOD_APP, 'node_modules/got/package.json': null, 'node_modules/got/index.js': null })).toContain(
      'every production dependency is packaged',
    );
  });

  it("fail when keytar's .node is packed inside the archive", async () => {
    const appOutDir = await packageOf(GOOD_APP);
    rmSync(join(appOutDir, 'resources', 'app.asar.unpacked'), { recursive: true, force: true });
    const { checks } = checkPackage({ appOutDir, ...MANIFEST }) as { checks: Check[] };
    expect(checks.filter((check) => !check.ok).map((check) => check.name)).toEqual(["keytar's .node is in app.asar.unpacked"]);
  });

  it('fail over the size budget, and print the size against it', async () => {
    const appOutDir = await packageOf(GOOD_APP);
    const { checks } = checkPackage({ appOutDir, ...MANIFEST, budgetBytes: 100 }) as { checks: Check[] };
    const size = checks.find((check) => check.name === 'app.asar within its size budget');
    expect(size?.ok).toBe(false);
    expect(size?.detail).toMatch(/^app\.asar \d+\.\d MB of 0\.0 MB budget$/);
  });
});

describe('fuse read-back on the stand-in Electron', () => {
  it('sees the stock wire before electron-builder, and the hardened wire after flipping', async () => {
    const dist = makeStandInElectron(join(work, 'dist'), '45.4.1');
    const executable = join(dist, 'electron');
    expect(readFileSync(join(dist, 'version'), 'utf8')).toBe('v45.4.1');
    expect(readFuseWire(executable)).toBe('10110001');
    await flipFuses(executable, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(readFuseWire(executable)).toBe('01001100');
    const appOutDir = await packageOf(GOOD_APP);
    const { checks } = checkPackage({ appOutDir, executable, ...MANIFEST }) as { checks: Check[] };
    expect(checks.every((check) => check.ok)).toBe(true);
  });

  it('fail when the fuses were not flipped', async () => {
    const dist = makeStandInElectron(join(work, 'dist-stock'), '45.4.1');
    const appOutDir = await packageOf(GOOD_APP);
    const { checks } = checkPackage({ appOutDir, executable: join(dist, 'electron'), ...MANIFEST }) as { checks: Check[] };
    expect(checks.find((check) => check.name.startsWith('fuses flipped'))?.ok).toBe(false);
  });
});

describe('import scanning', () => {
  it('finds static, re-export, dynamic and require specifiers, multi-line included', () => {
    const source = [
      "import { a,\n  b } from './a.js';",
      "import './side-effect.js';",
      "import * as c from 'node:fs';",
      "export * from '../d.js';",
      "export { e } from './e.js';",
      "const f = await import('./f.js');",
      "const g = require('electron');",
      'const notAnImport = \'from "./nope.js"\';',
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      ['../d.js', './a.js', './e.js', './f.js', './side-effect.js', 'electron', 'node:fs'].sort(),
    );
  });
});
