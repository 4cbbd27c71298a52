#!/usr/bin/env node
// @ts-check
// The package check (`npm run package:check`): packages the app with the real electron-builder.yml, on a
// machine that has no Electron binary, and checks what would ship to customers.
//
//   1. builds the app (`npm run build`) when its output is missing, or always with --build;
//   2. makes a stand-in Electron distribution in a temp folder: an "electron" executable that carries a
//      real fuse wire (so electron-builder's electronFuses step runs and can be read back), a version
//      file, LICENSE and an empty resources/;
//   3. runs electron-builder --linux --dir offline (-c.electronDist, -c.npmRebuild=false, --publish never);
//   4. checks the real resources/app.asar: the entry points are there and their import graph resolves,
//      nothing else is (tests, TypeScript, source maps, dev dependencies, the dev bridge, the CLI),
//      keytar's .node is unpacked, the fuses were flipped, and the archive is under its size budget.
//
// Prints one line per check and a one-line verdict; exits 1 on any failure (2 when it could not run).
//
//   node scripts/package-check.mjs [--build] [--keep] [--report FILE.json]
//   node scripts/package-check.mjs --fuses PATH    only read back the fuses of a real packaged app
//     --build    run `npm run build` first even when out/ exists
//     --keep     keep the temp folder (the packaged app) and print where it is
//     --report   also write a vitest-shaped JSON summary (numPassedTests/numFailedTests) for
//                scripts/summarize-test-results.mjs
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the archive may weigh. Today's app is about 5 MB; zod, pino and got are most of it. */
export const ASAR_BUDGET_BYTES = 15 * 1024 * 1024;

/** Files the packaged app cannot start without (paths inside app.asar). */
export const REQUIRED_FILES = ['/package.json', '/out/main/app/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html'];

/** Entry points whose static import graph must resolve inside the archive. */
export const ENTRY_POINTS = ['/out/main/app/main.js', '/out/preload/preload.cjs'];

/** Fuse wire positions (@electron/fuses FuseV1Options) and the state each must have: '1' on, '0' off. */
export const EXPECTED_FUSES = {
  RunAsNode: [0, '0'],
  EnableCookieEncryption: [1, '1'],
  EnableNodeOptionsEnvironmentVariable: [2, '0'],
  EnableNodeCliInspectArguments: [3, '0'],
  EnableEmbeddedAsarIntegrityValidation: [4, '1'],
  OnlyLoadAppFromAsar: [5, '1'],
  LoadBrowserProcessSpecificV8Snapshot: [6, '0'],
  GrantFileProtocolExtraPrivileges: [7, '0'],
};

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults (what an unflipped binary holds), so a skipped fuse step is caught. */
const STOCK_FUSE_WIRE = '10110001';

/** @param {number} bytes */
const formatMB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** @returns {{dependencies: string[], devDependencies: string[]}} */
export function readManifest(root = PROJECT_ROOT) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    // keytar is optional for developers (it may not build on their machine), never for an installer.
    dependencies: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})],
    devDependencies: Object.keys(manifest.devDependencies ?? {}),
  };
}

/**
 * Writes a stand-in Electron distribution (see ../shared/toolchain-notes.md) and returns its folder.
 * @param {string} folder
 * @param {string} electronVersion e.g. 45.4.1
 */
export function makeStandInElectron(folder, electronVersion) {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  const executable = join(folder, 'electron');
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging check only, cannot run" >&2\nexit 1\n# fuse wire: '),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, STOCK_FUSE_WIRE.length]),
      Buffer.from(STOCK_FUSE_WIRE, 'latin1'),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(folder, 'version'), `v${electronVersion}`);
  writeFileSync(join(folder, 'LICENSE'), 'Stand-in for the Electron distribution (MIT).\n');
  return folder;
}

/**
 * Reads the fuse wire back from a packaged executable, as '0'/'1' characters.
 * @param {string} executable
 * @returns {string | null}
 */
export function readFuseWire(executable) {
  const binary = readFileSync(executable);
  const at = binary.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at === -1) return null;
  const wire = at + FUSE_SENTINEL.length;
  return binary.subarray(wire + 2, wire + 2 + (binary[wire + 1] ?? 0)).toString('latin1');
}

/**
 * Static import specifiers of one JS file (ESM import/export-from, dynamic import and require with literals).
 * @param {string} source
 * @returns {string[]}
 */
export function importSpecifiers(source) {
  /** @type {Set<string>} */
  const found = new Set();
  const patterns = [
    /\bimport\s+(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s+)?from\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(/** @type {string} */ (match[1]));
  return [...found];
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** @param {string} specifier */
function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Checks a packaged app folder (the one holding resources/). Pure reading; no build.
 * bridgeMarkers: strings only the development bridge's client holds (its token header and meta name);
 * metaPolicy: the CSP the renderer's index.html must carry (the header's, as a <meta> may hold it).
 * @param {{appOutDir: string, executable?: string, dependencies: string[], devDependencies: string[], budgetBytes?: number, bridgeMarkers: string[], metaPolicy: string}} options
 * @returns {{checks: {name: string, ok: boolean, detail: string}[], asarBytes: number, files: string[]}}
 */
export function checkPackage({
  appOutDir,
  executable,
  dependencies,
  devDependencies,
  budgetBytes = ASAR_BUDGET_BYTES,
  bridgeMarkers,
  metaPolicy,
}) {
  /** @type {{name: string, ok: boolean, detail: string}[]} */
  const checks = [];
  /** @type {(name: string, ok: boolean, detail?: string) => void} */
  const check = (name, ok, detail = '') => void checks.push({ name, ok, detail });
  const archive = join(appOutDir, 'resources', 'app.asar');
  const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked');

  if (!existsSync(archive)) {
    check('resources/app.asar exists', false, `not found at ${archive}`);
    return { checks, asarBytes: 0, files: [] };
  }
  /** @type {string[]} */
  const files = asar.listPackage(archive, { isPack: false }).map((/** @type {string} */ path) => path.replaceAll('\\', '/'));
  const fileSet = new Set(files);
  /** @param {string} path */
  const isFile = (path) => {
    try {
      return !('files' in asar.statFile(archive, path.slice(1), false));
    } catch {
      return false;
    }
  };

  // Entry points and their import graph.
  const missing = REQUIRED_FILES.filter((path) => !fileSet.has(path));
  check(
    'main, preload and renderer are packaged',
    missing.length === 0,
    missing.length ? `missing ${missing.join(', ')}` : REQUIRED_FILES.slice(1).join(', '),
  );

  const unresolved = [];
  const seen = new Set();
  const queue = ENTRY_POINTS.filter((path) => fileSet.has(path));
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const source = asar.extractFile(archive, file.slice(1)).toString('utf8');
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier));
        if (fileSet.has(target) && isFile(target)) queue.push(target);
        else unresolved.push(`${file} -> ${specifier}`);
      } else if (BUILTINS.has(specifier) || specifier === 'electron') {
        continue;
      } else {
        const name = packageNameOf(specifier);
        if (!fileSet.has(`/node_modules/${name}/package.json`)) unresolved.push(`${file} -> ${specifier} (no node_modules/${name})`);
      }
    }
  }
  check(
    'every import of main and preload resolves in the archive',
    unresolved.length === 0,
    unresolved.length
      ? unresolved.slice(0, 5).join('; ')
      : `${seen.size} of ${files.filter((path) => /^\/out\/.*\.c?js$/.test(path)).length} app files reached from ${ENTRY_POINTS.join(', ')}`,
  );

  const renderer = fileSet.has('/out/renderer/index.html') ? asar.extractFile(archive, 'out/renderer/index.html').toString('utf8') : '';
  const assets = [...renderer.matchAll(/\b(?:src|href)="\.?\/?([^"#?:]+)"/g)].map((match) => `/out/renderer/${match[1]}`);
  const missingAssets = assets.filter((path) => !fileSet.has(path));
  check(
    'renderer assets named by index.html are packaged',
    renderer !== '' && missingAssets.length === 0,
    missingAssets.join(', ') || `${assets.length} assets`,
  );

  // The renderer as built for the app: the header's CSP in its <meta>, and no development-bridge client.
  const metaTag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(renderer);
  const metaContent = metaTag ? (metaTag[1] ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&') : null;
  check(
    "renderer index.html carries the header's Content-Security-Policy",
    metaContent === metaPolicy,
    metaContent === null ? 'no Content-Security-Policy <meta>' : metaContent === metaPolicy ? metaContent : `has "${metaContent}"`,
  );
  const rendererCode = files.filter((path) => /^\/out\/renderer\/.*\.(js|html)$/.test(path));
  const withBridge = rendererCode.filter((path) => {
    const text = asar.extractFile(archive, path.slice(1)).toString('utf8');
    return bridgeMarkers.some((marker) => text.includes(marker));
  });
  check(
    'no development-bridge client in the renderer (its token header and meta name)',
    bridgeMarkers.length > 0 && withBridge.length === 0,
    withBridge.length ? `found in ${withBridge.join(', ')}` : `${rendererCode.length} renderer files searched`,
  );

  // Nothing that must not ship.
  const own = files.filter((path) => !path.startsWith('/node_modules/'));
  /** @type {(label: string, predicate: (path: string) => boolean, among?: string[]) => void} */
  const banned = (label, predicate, among = files) => {
    const hits = among.filter(predicate);
    check(label, hits.length === 0, hits.length ? `${hits.length}: ${hits.slice(0, 5).join(', ')}` : '');
  };
  banned(
    'no tests or test results',
    (path) => /\/(test|tests|__tests__|test-results|coverage)(\/|$)/.test(path) || /\/test\.js$|\.(test|spec)\.[cm]?[jt]sx?$/.test(path),
  );
  banned('no TypeScript sources or declarations', (path) => /\.(ts|mts|cts|tsx)$/.test(path));
  banned('no source maps', (path) => /\.map$/.test(path));
  banned('no development bridge', (path) => path.includes('/dev-bridge'));
  banned('no command line (runs under plain Node, not in the app)', (path) => path.startsWith('/out/main/cli'), own);
  banned(
    "only the app's own build output at the top level",
    (path) =>
      !/^\/(package\.json|out|out\/(main|common|preload|renderer)(\/.*)?|node_modules(\/.*)?)$/.test(path) ||
      /^\/out\/preload\/(?!preload\.cjs$)/.test(path),
    own,
  );
  const production = new Set(dependencies);
  const devOnly = devDependencies.filter((name) => !production.has(name));
  const devShipped = devOnly.filter((name) => fileSet.has(`/node_modules/${name}`));
  check(
    'no dev dependencies',
    devShipped.length === 0,
    devShipped.length ? devShipped.join(', ') : `none of ${devOnly.length} (e.g. vitest, svelte, electron, playwright-core, typescript)`,
  );
  const prodMissing = dependencies.filter((name) => !fileSet.has(`/node_modules/${name}/package.json`));
  check(
    'every production dependency is packaged',
    prodMissing.length === 0,
    prodMissing.length ? `missing ${prodMissing.join(', ')}` : dependencies.join(', '),
  );

  // Native module outside the archive.
  const keytarNode = join(unpacked, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
  const keytarInAsar = fileSet.has('/node_modules/keytar/build/Release/keytar.node');
  const unpackedFlag = keytarInAsar
    ? asar.statFile(archive, 'node_modules/keytar/build/Release/keytar.node', false).unpacked === true
    : false;
  check(
    "keytar's .node is in app.asar.unpacked",
    existsSync(keytarNode) && (!keytarInAsar || unpackedFlag),
    existsSync(keytarNode) ? 'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node' : `not found at ${keytarNode}`,
  );

  // Fuses, read back from the packaged executable.
  if (executable) {
    const wire = existsSync(executable) ? readFuseWire(executable) : null;
    const wrong = wire
      ? Object.entries(EXPECTED_FUSES)
          .filter(([, [index, state]]) => wire[Number(index)] !== state)
          .map(([name]) => name)
      : ['(no fuse wire found)'];
    check(
      'fuses flipped (runAsNode off, asar-only with integrity, cookie encryption on...)',
      wrong.length === 0,
      wrong.length ? `wrong: ${wrong.join(', ')}` : `wire ${wire}`,
    );
  }

  // Size.
  const asarBytes = statSync(archive).size;
  check('app.asar within its size budget', asarBytes <= budgetBytes, `app.asar ${formatMB(asarBytes)} of ${formatMB(budgetBytes)} budget`);
  return { checks, asarBytes, files };
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

/**
 * Runs electron-builder --linux --dir against a stand-in Electron; returns the packaged app's folder.
 * @param {string} workDir
 */
export function packageWithStandIn(workDir) {
  const electronVersion = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const dist = makeStandInElectron(join(workDir, 'electron-dist'), electronVersion);
  const output = join(workDir, 'release');
  const cli = require.resolve('electron-builder/cli.js');
  const result = run(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: join(workDir, 'cache') } },
  );
  const appOutDir = join(output, 'linux-unpacked');
  if (result.status !== 0 || !existsSync(appOutDir)) {
    throw new Error(`electron-builder failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { appOutDir, electronVersion };
}

function buildOutputMissing() {
  return REQUIRED_FILES.slice(1).some((path) => !existsSync(join(PROJECT_ROOT, path)));
}

function linuxExecutableName() {
  const match = /^\s*executableName:\s*(\S+)/m.exec(readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8'));
  return match ? match[1] : JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).name;
}

/**
 * Reads the fuses of a real packaged app (the release workflow, after electron-builder): an .exe, a
 * Linux executable or a macOS .app. Uses @electron/fuses, which finds the wire inside the .app's framework.
 * @param {string} appPath
 */
export async function verifyFuses(appPath) {
  const { getCurrentFuseWire } = require('@electron/fuses');
  const wire = /** @type {Record<number, number>} */ (/** @type {unknown} */ (await getCurrentFuseWire(appPath)));
  const wrong = [];
  for (const [name, [index, state]] of Object.entries(EXPECTED_FUSES)) {
    const actual = wire[Number(index)] === 49 ? '1' : wire[Number(index)] === 48 ? '0' : `?(${wire[Number(index)]})`;
    const ok = actual === state;
    if (!ok) wrong.push(name);
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${name} is ${actual === '1' ? 'on' : actual === '0' ? 'off' : actual}${ok ? '' : ` (want ${state === '1' ? 'on' : 'off'})`}`,
    );
  }
  console.log(wrong.length === 0 ? `fuse check: OK — ${appPath}` : `fuse check: FAILED — ${wrong.join(', ')} in ${appPath}`);
  return wrong.length === 0 ? 0 : 1;
}

/** @param {string[]} argv */
async function main(argv) {
  const fusesAt = argv.indexOf('--fuses');
  if (fusesAt !== -1) return verifyFuses(argv[fusesAt + 1] ?? '');
  const started = performance.now();
  /** @type {{build: boolean, keep: boolean, report: string | null}} */
  const options = { build: argv.includes('--build'), keep: argv.includes('--keep'), report: null };
  const reportAt = argv.indexOf('--report');
  if (reportAt !== -1) options.report = argv[reportAt + 1] ?? null;

  if (options.build || buildOutputMissing()) {
    console.log('== npm run build');
    const built = run('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (built.status !== 0) {
      console.log('package check: FAILED (npm run build failed)');
      return 2;
    }
  }

  const workDir = mkdtempSync(join(tmpdir(), 'acd-package-check-'));
  /** @type {number} */
  let verdict;
  try {
    console.log('== electron-builder --linux --dir (stand-in Electron, offline)');
    const packStarted = performance.now();
    const { appOutDir, electronVersion } = packageWithStandIn(workDir);
    console.log(`   packaged for Electron ${electronVersion} in ${((performance.now() - packStarted) / 1000).toFixed(1)} s`);
    // The rules' own constants, from the build (out/ exists by now).
    // (By URL, so the type check does not need out/ to exist; the types are the sources'.)
    const built = (/** @type {string} */ name) => new URL(`../out/common/${name}`, import.meta.url).href;
    const { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } = /** @type {typeof import('../common/dev-bridge.js')} */ (
      await import(built('dev-bridge.js'))
    );
    const { META_CONTENT_SECURITY_POLICY } = /** @type {typeof import('../common/content-security-policy.js')} */ (
      await import(built('content-security-policy.js'))
    );
    const { checks, asarBytes } = checkPackage({
      appOutDir,
      executable: join(appOutDir, linuxExecutableName()),
      ...readManifest(),
      bridgeMarkers: [BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META],
      metaPolicy: META_CONTENT_SECURITY_POLICY,
    });
    for (const { name, ok, detail } of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
    const failed = checks.filter((item) => !item.ok);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (options.report) {
      mkdirSync(dirname(options.report), { recursive: true });
      writeFileSync(
        options.report,
        JSON.stringify(
          {
            tool: 'package-check',
            numPassedTests: checks.length - failed.length,
            numFailedTests: failed.length,
            numPendingTests: 0,
            checks,
          },
          null,
          2,
        ),
      );
    }
    if (options.keep) console.log(`   kept: ${appOutDir}`);
    console.log(
      failed.length === 0
        ? `package check: OK — ${checks.length} checks passed, app.asar ${formatMB(asarBytes)} of ${formatMB(ASAR_BUDGET_BYTES)} budget, ${seconds} s`
        : `package check: FAILED — ${failed.length} of ${checks.length} checks failed (${failed.map((item) => item.name).join('; ')}), ${seconds} s`,
    );
    verdict = failed.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log('package check: FAILED (could not package the app)');
    if (options.report) {
      mkdirSync(dirname(options.report), { recursive: true });
      writeFileSync(options.report, JSON.stringify({ tool: 'package-check', numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 }));
    }
    verdict = 2;
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
  return verdict;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
