// `doctor reach` as a real process: no workspace, email or secret needed, exit 0 reached / 1 not reached /
// 2 bad usage, and --json is the check's document with the one step. Servers are on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';
import { testCertificates } from '../support/certificates.js';
import { closedPort, sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment holds no secret at all: reach must not need one. */
function doctor(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DOCTOR, ...args], {
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

interface ReachDocument {
  ok: boolean;
  target: Record<string, unknown>;
  steps: {
    step: string;
    outcome: string;
    httpStatus: number | null;
    errorCode: number | string | null;
    message: string | null;
    durationMs: number;
    diagnosis: { id: string; title: string } | null;
    network: {
      addresses: string[];
      addressUsed: string | null;
      proxy: string | null;
      phases: { dnsMs: number | null; connectMs: number | null; tlsMs: number | null; firstByteMs: number | null };
      certificate: null | {
        subject: string;
        issuer: string;
        validFrom: string;
        validTo: string;
        nameMatches: boolean;
        chainLength: number;
      };
      clockOffsetSeconds: number | null;
    };
  }[];
  arenaSupport: unknown[];
}

let simulator: SimulatorHandle | undefined;
let server: LoopbackServer | undefined;
afterEach(async () => {
  await simulator?.close();
  await server?.close();
  simulator = undefined;
  server = undefined;
});

describe('doctor reach', () => {
  it('reaches the simulator with no secret in the environment: exit 0, one step, the JSON contract', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    const run = await doctor(['reach', '--api-url', simulator.apiUrl, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as ReachDocument;
    expect(document.ok).toBe(true);
    expect(document.target).toEqual({ dataCentre: 'custom', apiUrl: simulator.apiUrl });
    expect(document.steps).toHaveLength(1);
    const [step] = document.steps;
    expect(step).toMatchObject({ step: 'reach', outcome: 'passed', httpStatus: 401, errorCode: null, diagnosis: null });
    expect(typeof step?.durationMs).toBe('number');
    expect(step?.network).toMatchObject({ addresses: ['127.0.0.1'], addressUsed: '127.0.0.1', proxy: null, certificate: null });
    expect(Object.keys(step?.network.phases ?? {})).toEqual(['dnsMs', 'connectMs', 'tlsMs', 'firstByteMs']);
    expect(typeof step?.network.clockOffsetSeconds).toBe('number');
    // The server heard one logout without a session, and nothing else.
    expect(simulator.requests.map((request) => [request.method, request.path, request.sessionFingerprint])).toEqual([
      ['PUT', '/v1/logout', null],
    ]);
  });

  it('exits 1 with the diagnosis when nothing listens', async () => {
    const port = await closedPort();
    const run = await doctor(['reach', '--api-url', `http://127.0.0.1:${port}/v1`, '--json']);
    expect(run.code).toBe(1);
    const [step] = (JSON.parse(run.stdout) as ReachDocument).steps;
    expect(step).toMatchObject({ step: 'reach', outcome: 'failed', errorCode: 'ECONNREFUSED' });
    expect(step?.diagnosis?.id).toBe('network.ECONNREFUSED');
  });

  it('prints the certificate it was shown, in plain text, when verification fails', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 401, {}), testCertificates().selfSigned);
    const run = await doctor(['reach', '--api-url', server.apiUrl]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Arena not reached \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(run.stdout).toContain('How this computer reached Arena:');
    expect(run.stdout).toContain('Certificate: CN=127.0.0.1, issued by CN=127.0.0.1');
    expect(run.stderr).toContain('with no credential');
    expect(server.requests).toHaveLength(0);
  });

  it('names a connection that never answers within --timeout', async () => {
    server = await startLoopbackServer(() => undefined);
    const run = await doctor(['reach', '--api-url', server.apiUrl, '--timeout', '1', '--connect-timeout', '1', '--json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as ReachDocument).steps[0]?.errorCode).toBe('ETIMEDOUT');
  });

  it('goes through --proxy and reports it', async () => {
    const port = await closedPort();
    const run = await doctor(['reach', '--data-centre', 'europe', '--proxy', `http://127.0.0.1:${port}`, '--json']);
    expect(run.code).toBe(1);
    const [step] = (JSON.parse(run.stdout) as ReachDocument).steps;
    expect(step?.network.proxy).toBe(`http://127.0.0.1:${port}`);
    // The proxy resolves the name: this computer's DNS is not asked.
    expect(step?.network.addresses).toEqual([]);
    expect(step?.errorCode).toBe('ECONNREFUSED');
  });

  it.each([
    ['a workspace ID (reach takes none)', ['reach', '--workspace-id', '42'], /Unknown option '--workspace-id'/],
    ['an email (reach takes none)', ['reach', '--email', 'a@b.com'], /Unknown option '--email'/],
    ['a connect timeout of 0', ['reach', '--connect-timeout', '0'], /--connect-timeout: .*between 1 and 60/],
    ['a connect timeout of 61', ['reach', '--connect-timeout', '61'], /--connect-timeout: .*between 1 and 60/],
    ['both address options', ['reach', '--data-centre', 'us', '--api-url', 'https://a.example/v1'], /not both/],
    ['a secret on the command line', ['reach', '--webtoken=abc'], /not accepted on the command line/],
  ])('exits 2 on %s, with one line and no stack trace', async (_label, args, message) => {
    const run = await doctor(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('doctor check --connect-timeout', () => {
  it('is refused outside 1 to 60 seconds', async () => {
    const run = await doctor(['check', '--workspace-id', '42', '--email', 'a@b.com', '--connect-timeout', '90'], { ARENA_WEBTOKEN: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--connect-timeout: .*between 1 and 60/);
  });
});
