// On a terminal, the CLI asks for missing secrets with hidden typing. `script` gives the process a real
// pseudo-terminal; what we pipe into `script` is what the "admin" types.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioByName, startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));
const hasScript = spawnSync('script', ['--version']).status === 0;

let simulator: SimulatorHandle | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

function inTerminal(command: string, typed: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'dumb' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, output }));
    // Type only once the prompt is showing, as a person would.
    const typeWhenAsked = setInterval(() => {
      if (/typing is hidden/.test(output)) {
        clearInterval(typeWhenAsked);
        child.stdin.end(typed);
      }
    }, 20);
  });
}

describe.skipIf(!hasScript)('the hidden prompt (skipped: no `script` command)', () => {
  it('asks for the WebToken on a terminal, does not echo it, and uses it', async () => {
    const scenario = scenarioByName('healthy-without-authorize');
    if (!scenario) throw new Error('scenario missing');
    simulator = await startSimulator({ scenario });
    const { check } = scenario;
    const command = `${process.execPath} ${DOCTOR} check --api-url ${simulator.apiUrl} --workspace-id ${check.workspaceId} --email ${check.email}`;
    const run = await inTerminal(command, `${check.secret}\r`);
    expect(run.output).toMatch(/WebToken \(ARENA_WEBTOKEN; typing is hidden\)/);
    expect(run.output).not.toContain(check.secret);
    expect(run.output).toContain('Connection OK');
    expect(run.code).toBe(0);
    expect(simulator.requests.filter((request) => request.path.endsWith('/login'))).toHaveLength(1);
  });

  it('stops with exit 2 when the admin cancels with Ctrl-C, sending nothing', async () => {
    const scenario = scenarioByName('healthy-without-authorize');
    if (!scenario) throw new Error('scenario missing');
    simulator = await startSimulator({ scenario });
    const command = `${process.execPath} ${DOCTOR} check --api-url ${simulator.apiUrl} --workspace-id 1 --email a@b.com`;
    const run = await inTerminal(command, '\u0003');
    expect(run.code).toBe(2);
    expect(run.output).toContain('Cancelled');
    expect(simulator.requests).toHaveLength(0);
  });
});
