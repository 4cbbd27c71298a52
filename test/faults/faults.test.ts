// The fault suite: every row of the fault table through the CLI (a real process) and through the app's
// main-process service, each expected to end in a named diagnosis, within its limits, without a crash, a
// stack trace or a leaked secret. Traffic stays on 127.0.0.1; DNS never leaves the machine (fault-dns.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckReport, StepResult } from '../../common/check-report.js';
import type { CheckIntent, Result, CheckOutcome } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { NOT_REACHED_REASON } from '../../main/check/runner.js';
import { createDoctorService, type ServiceHost } from '../../main/service/doctor-service.js';
import { faultCertificates } from './fault-certificates.js';
import { DNS_FAILURE_VARIABLE, dnsPreload, failingLookup } from './fault-dns.js';
import { FAULTS, SENTINEL_WEBTOKEN, type Fault, type RunOutcome, type Staged, type StepView } from './fault-table.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));
const DEFAULT_TIMEOUT_SECONDS = 2;
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 2;
/** Generous: process start, TLS, a machine loaded by the rest of the suite. */
const SANITY_SLACK_MS = 10_000;
/** A stack frame: "    at fn (/path/file.js:12:34)" or "    at /path/file.js:12:34". */
const STACK_TRACE = /^\s+at\s.*:\d+:\d+\)?$/m;

const timeoutOf = (fault: Fault): number => fault.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
const connectTimeoutOf = (fault: Fault): number => fault.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS;
const stageOf = (fault: Fault): 'reach' | 'login' => fault.stagedAt ?? 'reach';
/**
 * A sanity limit, not a timing claim (bench/reach-verdict.mjs measures time to verdict against a baseline):
 * every limit the check was given (reach's connect and answer limits, the login's answer limit) plus the
 * slack. A run past it ignored its limits; a run within it may still be slow, which only the bench can say.
 */
const sanityLimitMs = (fault: Fault): number => (connectTimeoutOf(fault) + 2 * timeoutOf(fault)) * 1000 + SANITY_SLACK_MS;

/** Every fault runs with reach first: the outcomes a fault at reach, or at the login, leaves behind. */
const OUTCOMES = {
  reach: ['failed', 'skipped', 'skipped', 'skipped'],
  login: ['passed', 'failed', 'skipped', 'skipped'],
} as const;

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** `doctor check … --json` as a real process; the WebToken comes from the environment, never argv. */
function runCli(fault: Fault, staged: Staged): Promise<CliRun> {
  const args = [
    '--import',
    dnsPreload(),
    DOCTOR,
    'check',
    '--api-url',
    staged.apiUrl,
    '--workspace-id',
    '42',
    '--email',
    'integration@example.com',
    '--timeout',
    String(timeoutOf(fault)),
    '--connect-timeout',
    String(connectTimeoutOf(fault)),
    '--json',
    ...(staged.proxyUrl ? ['--proxy', staged.proxyUrl] : []),
  ];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ARENA_WEBTOKEN: SENTINEL_WEBTOKEN,
    [DNS_FAILURE_VARIABLE]: staged.dns ?? 'ENOTFOUND',
    ...(staged.trustRoot ? { NODE_EXTRA_CA_CERTS: faultCertificates().rootFile } : {}),
  };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // A hung CLI must fail the test, not the whole run: kill it well past any honest finish.
    const guard = setTimeout(() => child.kill('SIGKILL'), sanityLimitMs(fault) + 5_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

interface CliJsonStep {
  step: string;
  outcome: string;
  skippedReason: string | null;
  network?: { addresses: string[]; phases: Record<string, number | null> };
  errorCode: number | string | null;
  httpStatus: number | null;
  message: string | null;
  timings: { connectMs: number | null } | null;
  diagnosis: { id: string; title: string; facts: Record<string, string>; causeDetails: { id: string }[] } | null;
}

function fromCli(step: CliJsonStep | undefined): StepView {
  if (!step) throw new Error('the CLI report has no such step');
  return {
    outcome: step.outcome,
    errorCode: step.errorCode,
    httpStatus: step.httpStatus,
    message: step.message,
    connectMs: step.timings?.connectMs ?? null,
    diagnosis: step.diagnosis
      ? {
          id: step.diagnosis.id,
          title: step.diagnosis.title,
          facts: step.diagnosis.facts,
          causeIds: step.diagnosis.causeDetails.map((cause) => cause.id),
        }
      : null,
  };
}

function fromReport(step: StepResult | undefined): StepView {
  if (!step) throw new Error('the service report has no such step');
  return {
    outcome: step.outcome,
    errorCode: step.errorCode,
    httpStatus: step.httpStatus,
    message: step.message,
    connectMs: step.timings?.connectMs ?? null,
    diagnosis: step.diagnosis
      ? {
          id: step.diagnosis.id,
          title: step.diagnosis.title,
          facts: step.diagnosis.facts,
          causeIds: step.diagnosis.causes.map((cause) => cause.id),
        }
      : null,
  };
}

/** What every fault must end in, whichever path ran it. */
function expectNamedDiagnosis(fault: Fault, verdict: StepView): void {
  expect(verdict.outcome).toBe('failed');
  expect(verdict.errorCode).toBe(fault.errorCode);
  expect(verdict.httpStatus).toBe(fault.httpStatus ?? null);
  expect(verdict.diagnosis?.id).toBe(fault.diagnosisId);
  expect(verdict.diagnosis?.title.trim()).not.toBe('');
  // A named diagnosis offers the admin at least one cause to tell apart.
  expect(verdict.diagnosis?.causeIds.length).toBeGreaterThan(0);
}

/** The step sequence around the verdict: reach first always; after a failed reach nothing secret was sent. */
function expectStaged(fault: Fault, steps: readonly { step: string; outcome: string; skippedReason: string | null }[]): void {
  expect(steps.map((step) => step.step)).toEqual(['reach', 'login', 'authorize', 'logout']);
  expect(steps.map((step) => step.outcome)).toEqual(OUTCOMES[stageOf(fault)]);
  if (stageOf(fault) === 'reach') {
    for (const step of steps.slice(1)) expect(step.skippedReason).toBe(NOT_REACHED_REASON);
  }
}

/** Which step the fault is diagnosed at. */
const verdictIndex = (fault: Fault): number => (stageOf(fault) === 'reach' ? 0 : 1);

/** What the Arena-side server saw: a reach-stage fault gets the probe only, never a login or the WebToken. */
function expectServerSaw(fault: Fault, staged: Staged): void {
  if (!staged.observed) return;
  const logins = staged.observed.requests.filter((request) => request.target.endsWith('/login'));
  if (stageOf(fault) === 'reach') {
    expect(logins).toHaveLength(0);
    expect(staged.observed.received).not.toContain(SENTINEL_WEBTOKEN);
    expect(staged.observed.requests.length).toBeLessThanOrEqual(1);
  } else {
    expect(logins).toHaveLength(1);
  }
}

async function withStaged(fault: Fault, work: (staged: Staged) => Promise<RunOutcome>): Promise<void> {
  const staged = await fault.stage();
  try {
    const outcome = await work(staged);
    expectServerSaw(fault, staged);
    staged.verify?.(outcome);
  } finally {
    await staged.close();
  }
}

const rows = FAULTS.map((fault) => [fault.name, fault] as const);

describe('the fault table', () => {
  it('has at least 20 faults with unique names, each expecting a named diagnosis', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(FAULTS.map((fault) => fault.name)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) expect(fault.diagnosisId).toMatch(/^(network|format|api|reach)\.[A-Z_0-9]+$/);
  });
});

describe.concurrent.each(rows)('fault through the CLI: %s', (_name, fault) => {
  it(`exits 1 with ${fault.diagnosisId} in time, no stack trace, no secret`, async () => {
    await withStaged(fault, async (staged) => {
      const run = await runCli(fault, staged);
      expect(run.signal, 'the CLI hung and was killed').toBeNull();
      expect(run.stderr).toBe('');
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout + run.stderr).not.toContain(SENTINEL_WEBTOKEN);
      expect(run.code).toBe(1);
      expect(run.elapsedMs).toBeLessThan(sanityLimitMs(fault));
      const report = JSON.parse(run.stdout) as { ok: boolean; steps: CliJsonStep[] };
      expect(report.ok).toBe(false);
      expectStaged(fault, report.steps);
      expect(report.steps[0]?.network?.phases).toBeDefined();
      const verdict = fromCli(report.steps[verdictIndex(fault)]);
      expectNamedDiagnosis(fault, verdict);
      return { verdict };
    });
  });
});

/** Every rotated file of the host's support log, as one text. */
function readLogs(host: ServiceHost): string {
  const file = host.logger?.filePath;
  if (!file) return '';
  const folder = dirname(file);
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n');
}

function serviceHost(fault: Fault, staged: Staged): ServiceHost {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-faults-'));
  const base = bridgeHost({ dataDir, exportDir: join(dataDir, 'reports'), keychain: false, timeoutMs: timeoutOf(fault) * 1000, log: true });
  const connectTimeoutMs = connectTimeoutOf(fault) * 1000;
  const proxy = staged.proxyUrl ? new URL(staged.proxyUrl) : null;
  return {
    ...base,
    connectTimeoutMs,
    // The app asks the system (Chromium's resolveProxy) which proxy to use; here the system says "this one".
    resolveSystemProxy: async () => (proxy ? `PROXY ${proxy.host}` : 'DIRECT'),
    network: { lookup: failingLookup(staged.dns ?? 'ENOTFOUND'), ...(staged.trustRoot ? { extraCa: faultCertificates().root } : {}) },
  };
}

function intentFor(staged: Staged): CheckIntent {
  return {
    details: {
      dataCentre: 'custom',
      apiUrl: staged.apiUrl,
      workspaceId: 42,
      integrationEmail: 'integration@example.com',
      loginType: 'webtoken',
      userEmail: null,
    },
    integrationSecret: { source: 'typed', value: SENTINEL_WEBTOKEN },
    userPassword: { source: 'none' },
    remember: false,
    confirmedChange: false,
    proxy: { mode: 'system' },
  };
}

describe.concurrent.each(rows)('fault through the app service: %s', (_name, fault) => {
  it(`answers a failed report with ${fault.diagnosisId} in time, never throws, no secret`, async () => {
    await withStaged(fault, async (staged) => {
      const host = serviceHost(fault, staged);
      const service = createDoctorService(host);
      const started = Date.now();
      let result: Result<CheckOutcome>;
      try {
        result = await service.handle('runCheck', intentFor(staged));
      } catch (error) {
        throw new Error(`the service threw: ${String(error)}`, { cause: error });
      }
      const elapsedMs = Date.now() - started;
      expect(elapsedMs).toBeLessThan(sanityLimitMs(fault));
      expect(JSON.stringify(result)).not.toContain(SENTINEL_WEBTOKEN);
      // The support log saw the whole check, and never the WebToken.
      await host.logger?.flush();
      const logs = readLogs(host);
      expect(logs).toContain('check finished');
      expect(logs).not.toContain(SENTINEL_WEBTOKEN);
      if (!result.ok) throw new Error(`expected a report, got ${result.error.code}: ${result.error.message}`);
      const report: CheckReport = result.data.report;
      expect(report.ok).toBe(false);
      expectStaged(fault, report.steps);
      const verdict = fromReport(report.steps[verdictIndex(fault)]);
      expectNamedDiagnosis(fault, verdict);
      return { verdict };
    });
  });
});
