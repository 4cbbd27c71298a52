// `doctor users` as a real process against the simulator on loopback: exit codes, the JSON contract, CSV,
// input files, the budget refusal, the privilege failure and its way out, and no secret in any output.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReachProbe } from '../support/scenario-check.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  generatedUser,
  startSimulator,
  usersScenario,
  WEBTOKEN_SECRET,
  type SimulatorHandle,
  type UsersWorkspaceOptions,
} from './users-support.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function doctor(args: string[], env: Record<string, string>): Promise<Run> {
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

const email = (index: number): string => generatedUser(index).email;
const SESSION_ID = /SIM-[A-Za-z0-9_-]{20,}\|/;

/** Runs `doctor users` against a fresh simulator; the output is audited for secrets every time. */
async function usersRun(
  workspace: UsersWorkspaceOptions,
  extra: string[],
  login: { email: string; type: 'webtoken' | 'password'; secret: string } = {
    email: 'onshape-integration@northwind.example',
    type: 'webtoken',
    secret: WEBTOKEN_SECRET,
  },
): Promise<Run & { simulator: SimulatorHandle; counted: number }> {
  const simulator = await startSimulator({ scenario: usersScenario(workspace) });
  try {
    const args = [
      'users',
      '--api-url',
      simulator.apiUrl,
      '--workspace-id',
      '123456789',
      '--email',
      login.email,
      '--login-type',
      login.type,
      ...extra,
    ];
    const env: Record<string, string> = login.type === 'webtoken' ? { ARENA_WEBTOKEN: login.secret } : { ARENA_PASSWORD: login.secret };
    const run = await doctor(args, env);
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(login.secret);
      expect(text).not.toContain(encodeURIComponent(login.secret));
      expect(text).not.toContain(Buffer.from(login.secret).toString('base64'));
      expect(text).not.toMatch(SESSION_ID);
    }
    // Counted against the budget: all but the login and the credential-free reach probe.
    const counted = simulator.requests.filter((request) => request.path !== '/v1/login' && !isReachProbe(request)).length;
    return { ...run, simulator, counted };
  } finally {
    await simulator.close();
  }
}

interface JsonUsers {
  ok: boolean;
  steps: {
    step: string;
    outcome: string;
    errorCode: number | string | null;
    message: string | null;
    diagnosis: { id: string; actions: string[] } | null;
  }[];
  users: {
    email: string;
    status: string;
    arena: null | { type: string; enabled: boolean; fullName: string | null };
    diagnosis: null | { id: string; title: string; causes: string[]; actions: string[] };
  }[];
  invalid: { line: number; text: string }[];
  requestsUsed: number;
  cannotShow: string;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'doctor-users-'));
});
afterAll(() => undefined);

describe('doctor users', () => {
  it('prints the JSON contract: steps, every verdict, invalid lines, requests used as counted by Arena; exit 1', async () => {
    const list = `${[email(1), email(3).toUpperCase(), email(14), email(17), 'ghost@northwind.example'].join(';')}\nnot-an-email\n${email(1)}`;
    const run = await usersRun({ users: 40 }, ['--emails', list, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonUsers;
    expect(report.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['reach', 'passed'],
      ['login', 'passed'],
      ['users', 'passed'],
      ['logout', 'passed'],
    ]);
    expect(report.users.map((user) => [user.email, user.status])).toEqual([
      [email(1), 'ready'],
      [email(3).toLowerCase(), 'ready'],
      [email(14), 'disabled'],
      [email(17), 'not-an-employee'],
      ['ghost@northwind.example', 'not-found'],
    ]);
    expect(report.users[0]).toEqual({
      email: email(1),
      status: 'ready',
      arena: { type: 'EMPLOYEE', enabled: true, fullName: 'Engineer 1' },
      diagnosis: null,
    });
    expect(report.users[3]?.arena).toEqual({ type: 'BASIC_SUPPLIER', enabled: true, fullName: 'Engineer 17' });
    expect(report.users[4]).toMatchObject({ arena: null, diagnosis: { id: 'users.USER_NOT_FOUND' } });
    expect(report.users[4]?.diagnosis?.actions.join(' ')).toMatch(/Full License Standard Employee/);
    expect(report.invalid).toEqual([{ line: 2, text: 'not-an-email' }]);
    expect(report.requestsUsed).toBe(2);
    expect(run.counted).toBe(report.requestsUsed);
    expect(report.cannotShow).toMatch(/license or access policies/);
  });

  it('exits 0 when every user is ready, reading a CSV export by its email column', async () => {
    const csv = [
      'First name,Last name,Email,Role,Manager email',
      `Eng,One,${email(1)},Designer,ghost@northwind.example`,
      `"Three, Eng",,${email(3)},Viewer,`,
      '',
    ].join('\r\n');
    const file = join(folder, 'onshape-users.csv');
    await writeFile(file, csv);
    const run = await usersRun({ users: 40 }, ['--emails-file', file, '--json']);
    const report = JSON.parse(run.stdout) as JsonUsers;
    expect(report.users.map((user) => user.status)).toEqual(['ready', 'ready']);
    expect(run.code).toBe(0);
  });

  it('reports invalid lines of a file by number and says what it will cost before the work', async () => {
    const file = join(folder, 'pasted.txt');
    await writeFile(file, `${email(1)}\nDana Designer\n\n${email(2)}, bob@\n`);
    const run = await usersRun({ users: 40 }, ['--emails-file', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^Checking 2 Onshape users .*\nCost: one request per 400 workspace users, or one per email when that is fewer \(at most 4 with the logout\)/,
    );
    expect(run.stderr).toContain('page 1 of 1');
    expect(run.stdout).toMatch(/^All 2 Onshape users are ready for Arena\./);
    expect(run.stdout).toContain('line 2: Dana Designer');
    expect(run.stdout).toContain('line 4: bob@');
  });

  it('writes the lines of a file to the terminal without their escape sequences', async () => {
    const file = join(folder, 'hostile.txt');
    await writeFile(file, `${email(1)}\nDana\u001b]0;owned\u0007 \u001b[2JDesigner\u009b31m\u202e\n`);
    const run = await usersRun({ users: 40 }, ['--emails-file', file]);
    expect(run.stdout).toContain('line 2: Dana');
    expect(run.stdout).not.toMatch(/[\u001b\u0080-\u009f\u202e]/);
  });

  it('--csv prints the per-user table for a spreadsheet', async () => {
    const run = await usersRun({ users: 40 }, ['--emails', `${email(14)} ghost@northwind.example ${email(2)}`, '--csv']);
    expect(run.code).toBe(1);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.email, row.status, row.arena_type, row.arena_enabled])).toEqual([
      [email(14), 'disabled', 'EMPLOYEE', 'false'],
      ['ghost@northwind.example', 'not-found', '', ''],
      [email(2), 'ready', 'EMPLOYEE', 'true'],
    ]);
    expect(rows[0]?.first_fix).toMatch(/Status = Enabled/);
  });

  it('pages through 10 000 users and the requests Arena counted match requestsUsed', async () => {
    const emails = Array.from({ length: 100 }, (_, i) => email(i * 97));
    const run = await usersRun({ users: 9997 }, ['--emails', emails.join(','), '--json']);
    const report = JSON.parse(run.stdout) as JsonUsers;
    expect(report.requestsUsed).toBe(26);
    expect(run.counted).toBe(26);
    expect(report.users).toHaveLength(100);
  });

  it('refuses over budget with the numbers, logs out, exits 1', async () => {
    const emails = [1000, 1001, 1002, 1003, 1004, 1005].map(email);
    const run = await usersRun({ users: 2000, budget: { limit: 500, used: 497 } }, ['--emails', emails.join(' '), '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonUsers;
    const users = report.steps[2];
    expect(users).toMatchObject({ step: 'users', outcome: 'failed', errorCode: 'OVER_BUDGET', diagnosis: { id: 'users.OVER_BUDGET' } });
    expect(users?.message).toMatch(/needs 6 more requests .* but Arena allows 2 more today/);
    expect(report.steps[3]).toMatchObject({ step: 'logout', outcome: 'passed' });
    expect(run.counted).toBe(2);
    expect(report.requestsUsed).toBe(2);
  });

  it('explains a privilege failure, offers the administrator login, and that login works', async () => {
    const denied = await usersRun({ users: 10, integrationMayReadUsers: false }, ['--emails', email(1), '--json']);
    expect(denied.code).toBe(1);
    const report = JSON.parse(denied.stdout) as JsonUsers;
    expect(report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'failed', 'passed']);
    expect(report.steps[2]?.diagnosis?.id).toBe('users.4082');
    expect(report.steps[2]?.diagnosis?.actions.join(' ')).toMatch(/--login-type password --email ADMIN-EMAIL/);
    expect(report.users).toEqual([]);

    const admin = await usersRun({ users: 10, integrationMayReadUsers: false }, ['--emails', email(1)], {
      email: ADMIN_EMAIL,
      type: 'password',
      secret: ADMIN_PASSWORD,
    });
    expect(admin.code).toBe(0);
  });

  it('makes one login attempt when the WebToken is wrong, and reads nothing', async () => {
    const run = await usersRun({ users: 10 }, ['--emails', email(1), '--json'], {
      email: 'onshape-integration@northwind.example',
      type: 'webtoken',
      secret: 'wt-not-the-right-one',
    });
    expect(run.code).toBe(1);
    // The reach probe (no credential), then the one login.
    expect(run.simulator.requests.map((request) => [request.path, isReachProbe(request)])).toEqual([
      ['/v1/logout', true],
      ['/v1/login', false],
    ]);
  });

  it.each([
    [['--emails', 'a@b.example', '--emails-file', 'x'], /either --emails-file FILE or --emails LIST/],
    [[], /either --emails-file FILE or --emails LIST/],
    [['--emails', 'a@b.example', '--json', '--csv'], /either --json or --csv/],
    [['--emails-file', '/nonexistent/list.csv'], /--emails-file: no such file/],
    [['--emails', 'nobody, nothing'], /No valid email was found in the list \(line 1 reads "nobody, nothing"\)/],
    [['--emails', 'a@b.example', '--user-email', 'c@d.example'], /Unknown option '--user-email'/],
    [['--emails', 'a@b.example', '--password', 'x'], /Secrets are not accepted on the command line/],
  ])('exits 2 for bad usage: %j', async (extra, message) => {
    const run = await doctor(['users', '--api-url', 'http://127.0.0.1:9/v1', '--workspace-id', '1', '--email', 'i@n.example', ...extra], {
      ARENA_WEBTOKEN: 'wt-x',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for more than 10 000 emails', async () => {
    const file = join(folder, 'too-many.txt');
    await writeFile(file, Array.from({ length: 10_001 }, (_, i) => `u${i}@northwind.example`).join('\n'));
    const run = await doctor(
      ['users', '--api-url', 'http://127.0.0.1:9/v1', '--workspace-id', '1', '--email', 'i@n.example', '--emails-file', file],
      { ARENA_WEBTOKEN: 'wt-x' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/10001 different emails; at most 10000/);
  });
});
