// The built CLI (out/cli/doctor.mjs) as a real process, stdin not a terminal: what it prints and exits with.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));

export interface DoctorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runDoctor(args: readonly string[], env: Record<string, string> = {}): Promise<DoctorRun> {
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
