// vitest global setup: the CLI tests run the built doctor as a real process, so build it first.
// Type errors are reported by the type-check step of `npm test`; tsc still emits, which is all we need here.
import { spawnSync } from 'node:child_process';

export default function buildNode(): void {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { stdio: 'ignore' });
}
