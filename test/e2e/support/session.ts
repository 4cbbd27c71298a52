// The life of a test file's browser, app and simulator: one Chromium per file, and either a fresh app (and
// simulator) per test, closed after it, or one app shared by every test of the file.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSimulator, type Scenario, type SimulatorHandle, type SimulatorOptions } from '../../../main/simulator/index.js';
import { launchChromium, openApp, type AppOptions, type RunningApp } from './harness.js';
import { scenario } from './scenarios.js';

/** How the simulator runs: its clock (default real time), and a delay on every answer. */
export type SimulatorSettings = Pick<SimulatorOptions, 'clock' | 'latencyMs'>;

export interface Started {
  app: RunningApp;
  simulator: SimulatorHandle;
  chosen: Scenario;
}

export interface PerTestSession {
  readonly browser: Browser;
  /** Starts the simulator with a scenario (by name or as is) and opens the app; both close after the test. */
  start(chosen: string | Scenario, options?: AppOptions, simulatorOptions?: SimulatorSettings): Promise<Started>;
  /** Opens the app alone (practice and explain need no simulator); it closes after the test. */
  open(options?: AppOptions): Promise<RunningApp>;
}

/** Registers the hooks: Chromium for the whole file, the app and simulator of each test closed after it. */
export function usePerTestSession(): PerTestSession {
  let browser: Browser | null = null;
  let simulator: SimulatorHandle | null = null;
  let app: RunningApp | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await app?.close();
    await simulator?.close();
    app = null;
    simulator = null;
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = (): Browser => {
    if (!browser) throw new Error('Chromium is not running (used outside a test?)');
    return browser;
  };
  return {
    get browser() {
      return launched();
    },
    async start(chosen, options = {}, simulatorOptions = {}) {
      const found = typeof chosen === 'string' ? scenario(chosen) : chosen;
      const started = await startSimulator({ ...simulatorOptions, scenario: found });
      simulator = started;
      app = await openApp(launched(), options);
      return { app, simulator: started, chosen: found };
    },
    async open(options = {}) {
      app = await openApp(launched(), options);
      return app;
    },
  };
}

export interface SharedSession {
  readonly browser: Browser;
  readonly app: RunningApp;
}

/** Registers the hooks: Chromium and one app for the whole file, opened before its first test. */
export function useSharedApp(options: AppOptions = {}): SharedSession {
  let browser: Browser | null = null;
  let app: RunningApp | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, options);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running (used outside a test?)');
      return browser;
    },
    get app() {
      if (!app) throw new Error('the app is not open (used outside a test?)');
      return app;
    },
  };
}
