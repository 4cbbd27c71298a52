// Builds the node side and the renderer once before the end-to-end tests (npm test has just built them).
import { execFileSync } from 'node:child_process';

export default function buildAll(): void {
  if (process.env.DOCTOR_BUILT === '1') return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
