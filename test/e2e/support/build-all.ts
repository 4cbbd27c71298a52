// Builds the node side and the renderer once before the end-to-end tests.
import { execFileSync } from 'node:child_process';

export default function buildAll(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
