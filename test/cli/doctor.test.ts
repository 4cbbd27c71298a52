// The doctor CLI as a real process: exit codes, the JSON contract, readable output, bad input, secrets.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretProblem } from '../../common/fields.js';
import { SCENARIOS, startSimulator, type Scenario } from '../../main/simulator/index.js';
import { testCertificates } from '../support/certificates.js';
import { closedPort, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { cliArgumentsFor, leakedSecrets } from '../support/scenario-check.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

function doctor(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    // stdin is not a terminal here, so a missing secret must be reported, never prompted for.
    const child = spawn(process.execPath, [DOCTOR, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - started }));
  });
}

interface JsonStep {
  step: string;
  outcome: string;
  httpStatus: number | null;
  errorCode: number | string | null;
  message: string | null;
  durationMs: number;
  diagnosis: null | { id: string; title: string; causes: string[]; actions: string[] };
}

function parseReport(stdout: string): { ok: boolean; steps: JsonStep[] } {
  return JSON.parse(stdout) as { ok: boolean; steps: JsonStep[] };
}

async function checkScenario(scenario: Scenario, extra: string[] = []): Promise<Run & { logins: number; authorizes: number }> {
  const simulator = await startSimulator({ scenario });
  try {
    const { args, env } = cliArgumentsFor(scenario, simulator.apiUrl);
    const run = await doctor([...args, ...extra], env);
    const count = (suffix: string): number => simulator.requests.filter((request) => request.path.endsWith(suffix)).length;
    return { ...run, logins: count('/login'), authorizes: count('/login/authorizeuser') };
  } finally {
    await simulator.close();
  }
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('doctor check, scenario %s', (_name, scenario) => {
  it('exits by outcome and prints the JSON contract with the right diagnosis, and no secret', async () => {
    const run = await checkScenario(scenario, ['--json']);
    const report = parseReport(run.stdout);
    expect(run.stderr).toBe('');
    expect(report.steps.map((step) => step.step)).toEqual(['reach', 'login', 'authorize', 'logout']);
    for (const step of report.steps) {
      expect(['passed', 'failed', 'skipped']).toContain(step.outcome);
      expect(typeof step.durationMs).toBe('number');
    }
    const failed = report.steps.find((step) => step.outcome === 'failed');
    if (scenario.expect.step === null) {
      expect(run.code).toBe(0);
      expect(report.ok).toBe(true);
    } else {
      expect(run.code).toBe(1);
      expect(report.ok).toBe(false);
      expect(failed).toMatchObject({ step: scenario.expect.step, httpStatus: scenario.expect.httpStatus, errorCode: scenario.expect.code });
      expect(failed?.diagnosis?.id).not.toBe('unknown');
      expect(failed?.diagnosis?.causes.every((cause) => typeof cause === 'string' && cause.length > 0)).toBe(true);
      expect(failed?.diagnosis?.actions.length).toBeGreaterThan(0);
    }
    expect(leakedSecrets(scenario, run.stdout + run.stderr)).toEqual([]);
    // Lockout safety: one run sends each credential once, whatever Arena answered; none when Arena was not reached.
    expect(run.logins).toBe(scenario.expect.step === 'reach' ? 0 : 1);
    expect(run.authorizes).toBeLessThanOrEqual(1);
  });
});

describe('doctor check, readable output', () => {
  it('prints the fix steps with who acts and where, and no secret', async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === 'integration-use-disabled');
    if (!scenario) throw new Error('scenario missing');
    const run = await checkScenario(scenario);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('4089');
    expect(run.stdout).toContain('Arena > Workspace > Settings > Employees > Employee > For Integration Use = Yes');
    expect(run.stdout).toContain('Arena administrator');
    expect(leakedSecrets(scenario, run.stdout + run.stderr)).toEqual([]);
  });

  it('prints the report as Markdown with --markdown, for a support ticket, and no secret', async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === 'integration-use-disabled');
    if (!scenario) throw new Error('scenario missing');
    const run = await checkScenario(scenario, ['--markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# Arena Connect Doctor report\n/);
    expect(run.stdout).toContain('## Steps');
    expect(run.stdout).toContain('## For Arena Support');
    expect(run.stdout).toContain('4089');
    expect(run.stdout).toContain('For Integration Use = Yes');
    expect(leakedSecrets(scenario, run.stdout + run.stderr)).toEqual([]);
  });

  it('refuses --json with --markdown', async () => {
    const run = await doctor(['check', '--workspace-id', '1', '--email', 'a@b.co', '--json', '--markdown'], { ARENA_WEBTOKEN: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--json and --markdown: choose one/);
  });
});

describe('doctor check against networks that fail', () => {
  const env = { ARENA_WEBTOKEN: 'WT-sentinel-network-0001' };
  const base = ['check', '--workspace-id', '42', '--email', 'integration@example.com', '--json'];
  let silent: LoopbackServer;
  let html: LoopbackServer;
  let selfSigned: LoopbackServer;

  beforeAll(async () => {
    silent = await startLoopbackServer(() => undefined);
    html = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><title>Access denied by company policy</title></html>');
    });
    selfSigned = await startLoopbackServer(() => undefined, testCertificates().selfSigned);
  });
  afterAll(async () => {
    await Promise.all([silent.close(), html.close(), selfSigned.close()]);
  });

  it('reports a refused port', async () => {
    const port = await closedPort();
    const run = await doctor([...base, '--api-url', `http://127.0.0.1:${port}/v1`], env);
    expect(run.code).toBe(1);
    const reach = parseReport(run.stdout).steps[0];
    expect(reach).toMatchObject({ step: 'reach', outcome: 'failed', errorCode: 'ECONNREFUSED', httpStatus: null });
    expect(reach?.diagnosis?.id).not.toBe('unknown');
  });

  it('gives up at the timeout when the server never answers', async () => {
    const run = await doctor([...base, '--api-url', silent.apiUrl, '--timeout', '1'], env);
    expect(run.code).toBe(1);
    expect(parseReport(run.stdout).steps[0]).toMatchObject({ errorCode: 'ETIMEDOUT' });
    expect(run.elapsedMs).toBeLessThan(10_000);
    expect(silent.requests.length).toBeLessThanOrEqual(1);
  });

  it('diagnoses an HTML page answering in place of Arena', async () => {
    const run = await doctor([...base, '--api-url', html.apiUrl], env);
    const reach = parseReport(run.stdout).steps[0];
    expect(reach).toMatchObject({ step: 'reach', errorCode: 'HTML_RESPONSE', httpStatus: 200 });
    expect(reach?.diagnosis?.id).toBe('format.HTML_RESPONSE');
  });

  it('refuses a self-signed certificate and names it', async () => {
    const url = selfSigned.apiUrl.replace('127.0.0.1', 'localhost');
    const run = await doctor([...base, '--api-url', url], env);
    expect(run.code).toBe(1);
    const reach = parseReport(run.stdout).steps[0];
    expect(reach?.errorCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(reach?.diagnosis?.title.toLowerCase()).toContain('certificate');
    expect(selfSigned.requests).toHaveLength(0);
  });
});

describe('doctor with bad input', () => {
  const valid = ['check', '--workspace-id', '42', '--email', 'integration@example.com'];
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['a missing workspace ID', ['check', '--email', 'a@b.com'], { ARENA_WEBTOKEN: 'x' }, /--workspace-id is required/],
    ['a workspace name for an ID', ['check', '--workspace-id', 'Northwind', '--email', 'a@b.com'], { ARENA_WEBTOKEN: 'x' }, /digits only/],
    ['a zero workspace ID', ['check', '--workspace-id', '0', '--email', 'a@b.com'], { ARENA_WEBTOKEN: 'x' }, /positive/],
    [
      'a negative workspace ID',
      ['check', '--workspace-id', '-5', '--email', 'a@b.com'],
      { ARENA_WEBTOKEN: 'x' },
      /^doctor: --workspace-id: The workspace ID must be a positive whole number, without a sign\.\n/,
    ],
    [
      'an option where the workspace ID belongs',
      ['check', '--workspace-id', '--json', '--email', 'a@b.com'],
      { ARENA_WEBTOKEN: 'x' },
      /--workspace-id needs a value, but the next argument is the option "--json"/,
    ],
    ['a malformed email', ['check', '--workspace-id', '42', '--email', 'not-an-email'], { ARENA_WEBTOKEN: 'x' }, /does not look like/],
    ['an API address without /v1', [...valid, '--api-url', 'https://api.arenasolutions.com'], { ARENA_WEBTOKEN: 'x' }, /end with \/v1/],
    ['an http API address', [...valid, '--api-url', 'http://api.arenasolutions.com/v1'], { ARENA_WEBTOKEN: 'x' }, /https/],
    ['an unknown data centre', [...valid, '--data-centre', 'mars'], { ARENA_WEBTOKEN: 'x' }, /must be one of/],
    ['both address options', [...valid, '--data-centre', 'us', '--api-url', 'https://a.example/v1'], { ARENA_WEBTOKEN: 'x' }, /not both/],
    ['an unknown option', [...valid, '--colour'], { ARENA_WEBTOKEN: 'x' }, /Unknown option/],
    ['a secret on the command line', [...valid, '--webtoken=abc'], {}, /not accepted on the command line/],
    ['a missing WebToken without a terminal', valid, {}, /Set ARENA_WEBTOKEN/],
    ['a missing password without a terminal', [...valid, '--login-type', 'password'], {}, /Set ARENA_PASSWORD/],
    ['a missing user password', [...valid, '--user-email', 'u@b.com'], { ARENA_WEBTOKEN: 'x' }, /Set ARENA_USER_PASSWORD/],
    ['a timeout out of range', [...valid, '--timeout', '0'], { ARENA_WEBTOKEN: 'x' }, /between 1 and 300/],
    ['an unknown command', ['cheque'], {}, /Unknown command/],
    ['an unknown scenario', ['practice', 'no-such-thing'], {}, /no scenario/],
  ];

  it.each(cases)('rejects %s with exit 2 and one line, no stack trace', async (_label, args, env, message) => {
    const run = await doctor(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a WebToken with spaces around it, as the wizard does, and sends nothing', async () => {
    const server = await startLoopbackServer((_request, response) => response.end('{}'));
    try {
      const run = await doctor([...valid, '--api-url', server.apiUrl], { ARENA_WEBTOKEN: ' WT-spaced-sentinel ' });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`doctor: ARENA_WEBTOKEN: ${secretProblem(' x ', 'WebToken') ?? 'a rule'}\n`);
      expect(run.stderr).not.toContain('WT-spaced-sentinel');
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('never echoes a secret given on the command line', async () => {
    const run = await doctor([...valid, '--password', 'Hunter2-sentinel'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('Hunter2-sentinel');
  });
});

describe('doctor scenarios and practice', () => {
  it('lists every scenario', async () => {
    const run = await doctor(['scenarios', '--json']);
    expect(run.code).toBe(0);
    const names = (JSON.parse(run.stdout) as { name: string }[]).map((scenario) => scenario.name);
    expect(names).toEqual(SCENARIOS.map((scenario) => scenario.name));
  });

  it('practises one scenario with its fix steps', async () => {
    const run = await doctor(['practice', 'user-email-not-found']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('20015');
    expect(run.stdout).toMatch(/Full License/);
  });

  it('practises every scenario, each ending as designed', async () => {
    const run = await doctor(['practice', '--json']);
    expect(run.code).toBe(0);
    const runs = JSON.parse(run.stdout) as { scenario: string; asExpected: boolean }[];
    expect(runs).toHaveLength(SCENARIOS.length);
    expect(runs.filter((entry) => !entry.asExpected)).toEqual([]);
  });
});
