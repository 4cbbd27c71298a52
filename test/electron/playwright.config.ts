import { defineConfig } from '@playwright/test';

// The thin Electron shell, tested for real with Playwright's _electron on machines that have an Electron
// binary (the release workflow's runners). Elsewhere every test skips and says why.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
  // Playwright empties its output folder at start: keep it apart from the other runners' reports.
  outputDir: '../../test-results/electron-artifacts',
  reporter: [['list'], ['json', { outputFile: '../../test-results/playwright-electron.json' }]],
});
