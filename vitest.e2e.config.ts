import { defineConfig } from 'vitest/config';

// End-to-end: the built wizard in headless Debian Chromium, over the development bridge, against the
// real main-process service and the built-in Arena simulator. One browser, files one after another.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/build-all.ts'],
    setupFiles: ['test/support/loopback-only.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
