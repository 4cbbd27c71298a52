import { defineConfig } from 'vitest/config';

// Node-side tests: the core, the simulator, the CLI, main-process modules. Real HTTP on loopback.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/renderer/**', 'test/browser/**', 'test/e2e/**'],
    environment: 'node',
    globalSetup: ['test/support/build-node.ts'],
    // No test may reach the network outside loopback (a real Arena, a DNS server).
    setupFiles: ['test/support/loopback-only.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
