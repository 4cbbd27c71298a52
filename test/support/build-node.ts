// vitest global setup: the CLI tests run the bundled doctor as a real process and the preload test loads
// the bundled preload, so build them first. Type errors are reported by the type-check step of
// `npm test`; tsc still emits, which is all we need here.
import { spawnSync } from 'node:child_process';

export default function buildNode(): void {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { stdio: 'ignore' });
  spawnSync('npx', ['vite', 'build', '-c', 'vite.preload.config.ts', '--logLevel', 'error'], { stdio: 'ignore' });
  spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'error'], { stdio: 'ignore' });
}
