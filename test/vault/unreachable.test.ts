// The keychain cannot be reached, for real: a child `node` runs the compiled vault with D-Bus pointed at
// a socket that does not exist, or with no D-Bus session and no X11 display. Each needs a fresh process
// because libsecret picks its bus once per process. Linux only (elsewhere D-Bus plays no part).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVault, type CompiledVault } from './compile-vault.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/unreachable-child.mjs');
const SENTINEL = 'WT-sentinel-unreachable-51c0d2';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runChild(vaultUrl: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FIXTURE, vaultUrl, SENTINEL], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

function environment(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...changes };
  for (const [name, value] of Object.entries(changes)) if (value === undefined) delete env[name];
  return env;
}

describe.skipIf(process.platform !== 'linux')('an unreachable keychain (Linux, real child process)', () => {
  let compiled: CompiledVault;
  beforeAll(async () => {
    compiled = await compileVault();
  });
  afterAll(async () => {
    await compiled.remove();
  });

  it.each([
    [
      'a D-Bus address whose socket does not exist',
      () => ({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(compiled.folder, 'no-such-bus')}`, DISPLAY: undefined }),
    ],
    [
      'no D-Bus session and no X11 display',
      () => ({ DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined }),
    ],
  ])('%s: unavailable in plain words, nothing thrown, nothing logged', async (_, changes) => {
    const outcome = await runChild(compiled.indexUrl, environment(changes()));
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).not.toContain(SENTINEL);
    const results = JSON.parse(outcome.stdout) as Record<string, unknown>;

    const status = results.status as { available: boolean; message: string };
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/^No keychain service \(Secret Service\) is running on this computer/);
    expect(status.message).toMatch(/install and unlock GNOME Keyring or KWallet/);
    expect(status.message).toMatch(/Everything else works/);
    // Plain words: none of the raw D-Bus text.
    expect(status.message).not.toMatch(/D-Bus|Could not connect|\$DISPLAY/);

    for (const call of ['save', 'saveUser', 'load', 'remembered', 'forget']) {
      expect(results[call], call).toEqual({ ok: false, unavailable: { available: false, message: status.message } });
    }
  });
});
