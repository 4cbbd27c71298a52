// Guards the installer settings: signing, fuses, entitlements, targets and what gets packaged, in
// electron-builder.yml, build/ and the GitHub workflows. A careless edit to any of them fails CI here,
// long before an installer reaches a customer.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const config: Loose = parse(read('electron-builder.yml'));
const release: Loose = parse(read('.github/workflows/release.yml'));
const ci: Loose = parse(read('.github/workflows/ci.yml'));

interface Target {
  target: string;
  arch: string[];
}
const targets = (platform: Loose): Target[] =>
  (platform.target as Loose[]).map((entry) =>
    typeof entry === 'string' ? { target: entry, arch: [] } : { target: entry.target, arch: [entry.arch].flat() },
  );

/** Every key path in an object, e.g. "win.signtoolOptions.certificatePassword". */
function keyPaths(value: Loose, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

describe('electron-builder.yml: identity and metadata', () => {
  it('names the app and versions every artifact, with no spaces in file names', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+){2,}$/);
    expect(config.productName).toBe('Arena Connect Doctor');
    expect(config.copyright).toMatch(/Copyright/);
    for (const name of [config.artifactName, config.nsis.artifactName, config.dmg.artifactName]) {
      expect(name).toContain('${version}');
      expect(name).toContain('${os}');
      expect(name).toContain('${arch}');
      expect(name).not.toMatch(/\s|\$\{productName\}/);
    }
  });

  it('never publishes by itself (the release workflow makes a draft release)', () => {
    expect(config.publish).toBeNull();
  });

  it('has a 1024x1024 PNG icon and its vector source', () => {
    const png = readFileSync(`${root}build/icon.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(existsSync(`${root}build/icon.svg`)).toBe(true);
    for (const platform of ['win', 'mac', 'linux']) expect(config[platform].icon).toBe('build/icon.png');
  });
});

describe('electron-builder.yml: what gets packaged', () => {
  const files: string[] = config.files;

  // The patterns as electron-builder itself reads them (its FileMatcher: minimatch with dot files, the
  // last matching pattern wins), applied to files the build and the repository hold.
  const filter = new FileMatcher(root, '/', (pattern) => pattern, files).createFilter();
  const notADirectory = { isDirectory: () => false } as Parameters<typeof filter>[1];
  const packed = (path: string): boolean => filter(`${root}${path}`, notADirectory);

  it('packs the build output and the package manifest', () => {
    for (const path of [
      'package.json',
      'out/main/app/main.js',
      'out/main/service/doctor-service.js',
      'out/common/check-report.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-3f2a1b.js',
    ])
      expect(packed(path), path).toBe(true);
  });

  it('packs no source, tests, development bridge, CLI, source maps, TypeScript or unbundled preload', () => {
    for (const path of [
      'out/main/dev-bridge/server.js',
      'out/main/dev-bridge',
      'out/main/cli/doctor.js',
      'out/common/dev-bridge.js',
      'out/cli/doctor.mjs',
      'out/main/app/main.js.map',
      'out/renderer/assets/index-3f2a1b.js.map',
      'out/main/app/main.d.ts',
      'out/preload/preload.js',
      'out/preload/api.js',
      'out/main/service/doctor-service.test.js',
      'out/main/test/helper.js',
      'main/app/main.ts',
      'renderer/src/App.svelte',
      'common/check-report.ts',
      'test/e2e/smoke.test.ts',
      'test-results/screenshots/start.png',
      'bench/run-all.mjs',
      'scripts/package-check.mjs',
      'electron-builder.yml',
      'README.md',
      '.github/workflows/release.yml',
    ])
      expect(packed(path), path).toBe(false);
  });

  it('packs into asar and unpacks native modules (keytar)', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });
});

describe('electron-builder.yml: Electron fuses', () => {
  it('flips every fuse the hardening needs, and nothing is left to the default', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('keeps asar integrity data (the integrity fuse needs it)', () => {
    expect(config.disableAsarIntegrity).not.toBe(true);
    expect(config.disableSanityCheckAsar).not.toBe(true);
  });
});

describe('electron-builder.yml: signing comes only from the environment', () => {
  const paths = keyPaths(config);

  it('holds no certificate, password or signing account', () => {
    expect(
      paths.filter((path) =>
        /csc|password|certificate(File|Sha1|SubjectName)|keychain|apple(Id|Api)|azureSignOptions|identity$/i.test(path),
      ),
    ).toEqual([]);
    expect(JSON.stringify(config)).not.toMatch(/-----BEGIN|\.p12\b|\.pfx\b|\.p8\b/);
  });

  it('still builds unsigned when no secret is set', () => {
    expect(config.forceCodeSigning).not.toBe(true);
    expect(config.win.forceCodeSigning).not.toBe(true);
    expect(config.mac.forceCodeSigning).not.toBe(true);
  });
});

describe('electron-builder.yml: Windows', () => {
  it('builds NSIS installers for x64 and arm64, one per architecture', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis.buildUniversalInstaller).toBe(false);
  });

  it('installs per user without administrator rights, with an opt-in for all users', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.nsis.selectPerMachineByDefault).not.toBe(true);
    expect(config.win.requestedExecutionLevel ?? 'asInvoker').toBe('asInvoker');
  });
});

describe('electron-builder.yml: macOS', () => {
  it('builds a universal DMG and zip', () => {
    const macTargets = targets(config.mac);
    expect(macTargets.map((entry) => entry.target).sort()).toEqual(['dmg', 'zip']);
    for (const entry of macTargets) expect(entry.arch).toEqual(['universal']);
  });

  it('signs with the hardened runtime and notarizes from APPLE_* variables', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
  });

  it('asks for no entitlement but allow-jit', () => {
    const plist = read('build/entitlements.mac.plist');
    const body = plist.replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...body.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(body).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    // Each key present or refused is explained in the file's comment.
    for (const key of ['allow-jit', 'allow-unsigned-executable-memory', 'disable-library-validation']) expect(plist).toContain(key);
  });
});

describe('electron-builder.yml: Linux', () => {
  it('builds an AppImage and a deb that depends on libsecret (the keychain)', () => {
    expect(
      targets(config.linux)
        .map((entry) => entry.target)
        .sort(),
    ).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.linux.executableName).toBe('arena-connect-doctor');
  });
});

describe('release workflow', () => {
  const job = release.jobs.installers;
  const steps: Loose[] = job.steps;
  const step = (name: RegExp): Loose => {
    const found = steps.find((candidate) => name.test(candidate.name ?? ''));
    expect(found, `step ${name}`).toBeDefined();
    return found;
  };
  const text = read('.github/workflows/release.yml');

  it('runs on version tags and by hand, reading the repository only by default', () => {
    expect(release.on.push.tags).toEqual(['v*']);
    expect(release.on).toHaveProperty('workflow_dispatch');
    expect(release.permissions).toEqual({ contents: 'read' });
  });

  it('builds on Windows, macOS and Linux', () => {
    const oses = (job.strategy.matrix.include as Loose[]).map((entry) => entry.os).sort();
    expect(oses).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
  });

  it('tests before building: .ci/run on Linux, the Node-side suite elsewhere', () => {
    const linux = step(/Install and test \(Linux/);
    expect(linux.if).toBe("matrix.platform == 'linux'");
    expect(linux.run).toContain('bash .ci/run');
    expect(step(/Node-side tests/).run).toContain('npx vitest run');
    const order = steps.map((candidate) => candidate.name ?? candidate.uses);
    expect(order.indexOf('Build installers (electron-builder; signs when secrets exist)')).toBeGreaterThan(
      order.indexOf('Type check and Node-side tests (Windows, macOS)'),
    );
  });

  it('gives secrets only to the signing steps, never to install, tests or the job', () => {
    expect(job.env ?? {}).not.toHaveProperty('CSC_LINK');
    expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
    expect(JSON.stringify(release.env ?? {})).not.toContain('secrets.');
    const withSecrets = steps.filter((candidate) => JSON.stringify(candidate).includes('secrets.')).map((candidate) => candidate.name);
    expect(withSecrets).toEqual(['Decide signing', 'Build installers (electron-builder; signs when secrets exist)']);
    for (const candidate of steps) expect(candidate.run ?? '').not.toContain('secrets.');
  });

  it('never publishes from electron-builder and drops empty secrets', () => {
    const build = step(/^Build installers/).run as string;
    expect(build).toContain('npx electron-builder');
    expect(build).toContain('--publish never');
    expect(build).toMatch(/\[ -n "\$\{!name:-\}" \] \|\| unset "\$name"/);
  });

  it('adds Azure Trusted Signing options only when its secrets exist', () => {
    const build = step(/^Build installers/).run as string;
    const azureAt = build.indexOf('-c.win.azureSignOptions.endpoint');
    expect(azureAt).toBeGreaterThan(build.indexOf('if [ "$SIGNING_MODE" = azure ]'));
    for (const field of ['endpoint', 'codeSigningAccountName', 'certificateProfileName', 'publisherName']) {
      expect(build).toContain(`-c.win.azureSignOptions.${field}=`);
    }
    const decide = step(/^Decide signing/).run as string;
    expect(decide).toMatch(/all_set AZURE_TENANT_ID AZURE_CLIENT_ID AZURE_CLIENT_SECRET/);
  });

  it('verifies signatures only when signed: signtool on Windows, codesign/spctl/stapler on macOS', () => {
    const windows = step(/Verify signatures \(Windows\)/);
    expect(windows.if).toContain("steps.signing.outputs.signed == 'true'");
    expect(windows.run).toMatch(/verify \/pa/);
    expect(windows.run).toContain('Get-AuthenticodeSignature');
    const mac = step(/Verify signature and notarization \(macOS\)/);
    expect(mac.if).toContain("steps.signing.outputs.signed == 'true'");
    expect(mac.run).toContain('codesign --verify --deep --strict');
    expect(mac.run).toContain('spctl -a -vv');
    expect(mac.run).toContain('xcrun stapler validate');
  });

  it('reads the fuses back from every packaged app, signed or not', () => {
    const fuses = step(/Read back the fuses/);
    expect(fuses.if).toBeUndefined();
    expect(fuses.run).toContain('npx @electron/fuses read --app');
    expect(fuses.run).toContain('scripts/package-check.mjs --fuses');
  });

  it('smoke-tests the packaged app with the Playwright _electron suite', () => {
    const smoke = step(/Smoke test/);
    expect(smoke.run).toContain('npx playwright test -c test/electron/playwright.config.ts');
    expect(smoke.env.DOCTOR_APP_PATH).toContain('matrix.app_exe');
  });

  it('uploads the installers with their SHA-256 sums', () => {
    expect(step(/SHA-256 sums/).run).toContain('sha256');
    const upload = steps.find(
      (candidate) => String(candidate.uses).startsWith('actions/upload-artifact') && candidate.with.name.startsWith('installers-'),
    );
    expect(upload.with.path).toContain('SHA256SUMS');
    expect(upload.with['if-no-files-found']).toBe('error');
  });

  it('makes a draft release on a version tag only', () => {
    const draft = release.jobs['draft-release'];
    expect(draft.needs).toBe('installers');
    expect(draft.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(draft.permissions).toEqual({ contents: 'write' });
    expect(JSON.stringify(draft.steps)).toContain('--draft');
  });

  it('keeps unsigned macOS test builds launchable without widening entitlements', () => {
    expect(text).toContain('-c.mac.identity=- -c.mac.hardenedRuntime=false -c.mac.notarize=false');
    expect(text).not.toMatch(/disable-library-validation['"]?\s*[:=]/);
  });
});

describe('pull request workflow', () => {
  it('runs .ci/run on Ubuntu for every pull request, with no secrets', () => {
    expect(ci.on).toHaveProperty('pull_request');
    expect(ci.permissions).toEqual({ contents: 'read' });
    const steps: Loose[] = ci.jobs.test.steps;
    expect(ci.jobs.test['runs-on']).toBe('ubuntu-latest');
    expect(steps.some((candidate) => candidate.run === 'bash .ci/run')).toBe(true);
    expect(read('.github/workflows/ci.yml')).not.toContain('secrets.');
  });
});
