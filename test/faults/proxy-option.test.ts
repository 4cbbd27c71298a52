// The CLI's proxy choice (--proxy, HTTPS_PROXY, NO_PROXY), as parsed and as a real process through the
// refusing loopback proxy. The proxy faults themselves are rows of the fault table.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CheckOptions, type CliEnvironment } from '../../main/cli/arguments.js';
import { dnsPreload } from './fault-dns.js';
import { startRefusingProxy } from './fault-server.js';
import { SENTINEL_WEBTOKEN } from './fault-table.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));
const CHECK = ['check', '--api-url', 'https://api.arenasolutions.com/v1', '--workspace-id', '42', '--email', 'integration@example.com'];

function parsed(args: string[], env: CliEnvironment = {}): CheckOptions | string {
  const result = parseCommandLine([...CHECK, ...args], env);
  if (!result.ok) return result.error;
  if (result.value.command !== 'check') throw new Error('expected the check command');
  return result.value.options;
}

describe('--proxy and HTTPS_PROXY', () => {
  it('goes direct by default', () => {
    expect(parsed([])).toMatchObject({ proxyUrl: null, proxySource: null, route: { via: 'direct', chosenBy: 'default' } });
  });

  it('keeps why a check goes direct or through a proxy, for the report', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128' };
    expect(parsed(['--proxy', 'direct'], env)).toMatchObject({ route: { via: 'direct', chosenBy: 'setting' } });
    expect(parsed([], { ...env, NO_PROXY: '.arenasolutions.com' })).toMatchObject({ route: { via: 'direct', chosenBy: 'no-proxy' } });
    expect(parsed([], env)).toMatchObject({
      route: { via: 'proxy', proxyUrl: 'http://proxy.corp.example:3128', chosenBy: 'environment' },
    });
    expect(parsed(['--proxy', 'http://other.corp.example:8080'], env)).toMatchObject({
      route: { via: 'proxy', proxyUrl: 'http://other.corp.example:8080', chosenBy: 'setting' },
    });
  });

  it('takes an explicit http or https proxy, reduced to scheme, host and port', () => {
    expect(parsed(['--proxy', 'http://proxy.corp.example:8080/'])).toMatchObject({
      proxyUrl: 'http://proxy.corp.example:8080',
      proxySource: '--proxy',
    });
    expect(parsed(['--proxy', 'https://proxy.corp.example'])).toMatchObject({ proxyUrl: 'https://proxy.corp.example' });
  });

  it.each([
    ['credentials', 'http://dana:Hunter2-sentinel@proxy.corp.example:8080', /must not hold a user name or password/],
    ['a SOCKS proxy', 'socks5://proxy.corp.example:1080', /http:\/\/ or https:\/\//],
    ['a path', 'http://proxy.corp.example:8080/proxy.pac', /only scheme, host and port/],
    ['not a URL', 'proxy.corp.example:8080', /http:\/\/ or https:\/\/|not a web address/],
  ])('refuses a proxy with %s, without echoing it', (_label, url, message) => {
    const error = parsed(['--proxy', url]);
    expect(typeof error).toBe('string');
    expect(error).toMatch(message);
    expect(error).not.toContain('Hunter2-sentinel');
  });

  it('uses HTTPS_PROXY (then https_proxy) when --proxy is absent, and says so', () => {
    expect(parsed([], { HTTPS_PROXY: 'http://proxy.corp.example:3128' })).toMatchObject({
      proxyUrl: 'http://proxy.corp.example:3128',
      proxySource: 'HTTPS_PROXY',
    });
    expect(parsed([], { https_proxy: 'http://lower.corp.example:3128' })).toMatchObject({ proxySource: 'https_proxy' });
    expect(parsed([], { HTTP_PROXY: 'http://proxy.corp.example:3128' })).toMatchObject({ proxyUrl: null });
  });

  it('lets --proxy win, and --proxy direct ignore the environment', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128' };
    expect(parsed(['--proxy', 'http://other.corp.example:8080'], env)).toMatchObject({ proxyUrl: 'http://other.corp.example:8080' });
    expect(parsed(['--proxy', 'direct'], env)).toMatchObject({ proxyUrl: null });
  });

  it.each([['*'], ['arenasolutions.com'], ['.arenasolutions.com'], ['intranet.example, api.arenasolutions.com:443']])(
    'skips HTTPS_PROXY when NO_PROXY is %s',
    (noProxy) => {
      expect(parsed([], { HTTPS_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: noProxy })).toMatchObject({ proxyUrl: null });
    },
  );

  it('keeps HTTPS_PROXY when NO_PROXY names other hosts only', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128', no_proxy: 'solutions.com,intranet.example' };
    expect(parsed([], env)).toMatchObject({ proxyUrl: 'http://proxy.corp.example:3128' });
  });

  it('names the variable when HTTPS_PROXY is unusable, without echoing its password', () => {
    const error = parsed([], { HTTPS_PROXY: 'http://dana:Hunter2-sentinel@proxy.corp.example:8080' });
    expect(error).toMatch(/^HTTPS_PROXY: .*--proxy direct/);
    expect(error).not.toContain('Hunter2-sentinel');
  });
});

describe('the CLI through HTTPS_PROXY, as a real process', () => {
  it('goes through the proxy the environment names and diagnoses its 407', async () => {
    const proxy = await startRefusingProxy(407);
    try {
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            dnsPreload(),
            DOCTOR,
            'check',
            '--api-url',
            'https://arena-api.fault.invalid/v1',
            '--workspace-id',
            '42',
            '--email',
            'integration@example.com',
            '--timeout',
            '2',
          ],
          {
            env: { PATH: process.env.PATH ?? '', ARENA_WEBTOKEN: SENTINEL_WEBTOKEN, HTTPS_PROXY: proxy.url },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`through the proxy ${proxy.url} (from HTTPS_PROXY)`);
      // The text report says the route too, and why.
      expect(run.stdout).toContain(`Route: through the proxy ${proxy.url} (named by the HTTPS_PROXY environment variable)`);
      expect(run.stdout).toContain('PROXY_AUTH_REQUIRED');
      expect(run.stdout + run.stderr).not.toContain(SENTINEL_WEBTOKEN);
      expect(proxy.connects.map((entry) => entry.target)).toEqual(['arena-api.fault.invalid:443']);
    } finally {
      await proxy.close();
    }
  });
});

/** doctor as a real process, its names resolved by the fault DNS (nothing leaves this machine). */
function doctorRun(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', dnsPreload(), DOCTOR, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('why the CLI went direct, as a real process', () => {
  const REACH = ['reach', '--api-url', 'https://arena-api.fault.invalid/v1', '--timeout', '2'];

  it('says NO_PROXY matched, in the text and the JSON, and never asks the proxy', async () => {
    const proxy = await startRefusingProxy(407);
    try {
      const env = { HTTPS_PROXY: proxy.url, NO_PROXY: 'fault.invalid' };
      const text = await doctorRun(REACH, env);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain("Route: directly, without a proxy (NO_PROXY names Arena's API host)");
      const json = JSON.parse((await doctorRun([...REACH, '--json'], env)).stdout) as {
        steps: { network?: { proxy: string | null; route: unknown } }[];
      };
      expect(json.steps[0]?.network).toMatchObject({ proxy: null, route: { via: 'direct', reason: 'no-proxy-match' } });
      expect(proxy.connects).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('says when --proxy direct or nothing set it direct', async () => {
    const chosen = await doctorRun([...REACH, '--proxy', 'direct'], { HTTPS_PROXY: 'http://127.0.0.1:9' });
    expect(chosen.stdout).toContain('Route: directly, without a proxy (this tool is set to connect directly)');
    const nothing = await doctorRun(REACH, {});
    expect(nothing.stdout).toContain('Route: directly, without a proxy (no proxy is set for this tool: no --proxy, no HTTPS_PROXY)');
  });
});
