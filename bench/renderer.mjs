// @ts-check
// Renderer: the built wizard's size (JS + CSS, gzip), its time to interactive in headless Chromium over
// the development bridge, and its JS heap after practising every scenario, each against a baseline page
// measured in the same run: an HTML page holding only the start button, served by a bare node:http server
// (and, for reference, the smallest script-rendered page, which pays for its subresources as the app does).
//
// "Interactive": the start screen's "Check my connection" button is in the document, enabled, rendered and
// takes focus. An init script (run before any page script) checks that on every DOM mutation and records
// performance.now(), i.e. milliseconds since the navigation started. Every load gets a fresh browser
// context (cold HTTP cache, as when the app opens), app and baseline interleaved. The pages are served from
// a separate process (support/page-servers.mjs), so Playwright's work in this one never delays an answer.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SCENARIOS } from '../out/main/simulator/index.js';
import { interleave, kb, log, mb, median, ms, ratio, row } from './lib.mjs';
import { START_BUTTON } from './support/page-servers.mjs';

/** The page's own record of when the start button became usable (set by watchForStartButton). */
/** @typedef {Window & {__tti?: number}} MeasuredWindow */

const RENDERER = fileURLToPath(new URL('../out/renderer/', import.meta.url));
const ASSETS = join(RENDERER, 'assets');
const SERVERS = fileURLToPath(new URL('./support/page-servers.mjs', import.meta.url));
// The same flags the end-to-end harness uses (test/e2e/support/harness.ts).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts support/page-servers.mjs as its own process; resolves with its origins and a stop(). */
function startPageServers() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVERS], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const exited = new Promise((done) => child.once('exit', done));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench: the page servers exited (${code}) before they were ready`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('\n')) return;
      const origins = JSON.parse(output.split('\n')[0] ?? '');
      resolve({
        ...origins,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Runs in the page before its own scripts: records when the start button becomes interactive. */
function watchForStartButton(label) {
  const interactive = () => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent?.trim() !== label || button.disabled || button.getClientRects().length === 0) continue;
      button.focus();
      const focused = document.activeElement === button;
      button.blur();
      if (focused) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (/** @type {MeasuredWindow} */ (window).__tti === undefined && interactive()) {
      /** @type {MeasuredWindow} */ (window).__tti = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

function assetSizes() {
  const files = readdirSync(ASSETS).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
  let raw = 0;
  let gzip = 0;
  for (const name of files) {
    const content = readFileSync(join(ASSETS, name));
    raw += statSync(join(ASSETS, name)).size;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** The in-page time to interactive in a fresh context, and where it went (see measureLoad). */
async function timeToInteractive(browser, url, phases) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  try {
    await context.addInitScript(watchForStartButton, START_BUTTON);
    return await measureLoad(await context.newPage(), url, phases);
  } finally {
    await context.close();
  }
}

/** Loads url in page; returns the in-page time to interactive, recording HTML, assets, API, DOMContentLoaded. */
async function measureLoad(page, url, phases) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => /** @type {MeasuredWindow} */ (window).__tti !== undefined, undefined, { timeout: 15_000 });
  const measured = await page.evaluate(() => {
    const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
    const lastEnd = (match) =>
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((entry) => match(entry.name))
          .map((entry) => /** @type {PerformanceResourceTiming} */ (entry).responseEnd),
      );
    return {
      tti: /** @type {MeasuredWindow} */ (window).__tti,
      html: navigation?.responseEnd ?? 0,
      assets: lastEnd((name) => name.includes('/assets/')),
      dcl: navigation?.domContentLoadedEventEnd ?? 0,
      api: lastEnd((name) => name.includes('/api/')),
    };
  });
  if (phases) for (const [name, value] of Object.entries(measured)) (phases[name] ??= []).push(value);
  return measured.tti;
}

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** A failed result says so above its heading (the diagnosis title); a passed one in its heading. */
const RESULT_MARKERS = ['The check found a problem', 'The connection works'];

/** In one page: start → practice → every scenario in turn (result, Back to the list), no reload. */
async function practiseEveryScenario(page, origin) {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Practice with sample problems' }).click();
  for (const scenario of SCENARIOS) {
    await page.getByRole('button', { name: scenario.title, exact: true }).click();
    await page.waitForFunction(
      (markers) =>
        [document.querySelector('.result-kicker'), document.querySelector('h1')].some((element) =>
          markers.includes(element?.textContent?.trim() ?? ''),
        ),
      RESULT_MARKERS,
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: 'Back', exact: true }).click();
  }
}

export async function renderer({ loads = 10 } = {}) {
  const rows = [];
  const size = assetSizes();
  rows.push(
    row(
      'renderer JS + CSS, gzip -9',
      kb(size.gzip),
      `${kb(size.raw)} raw`,
      `${(size.gzip / (60 * 1024)).toFixed(2)} of target`,
      '≤ 60 KB',
      size.gzip <= 60 * 1024,
      `${size.files.length} files in out/renderer/assets: ${size.files.join(', ')}`,
    ),
  );

  const servers = await startPageServers();
  const bridge = { origin: servers.bridge };
  const baseline = { origin: servers.baseline };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    log(`renderer: time to interactive, 2 warm-up + ${loads} page loads each (interleaved, fresh context each)`);
    const phases = {};
    const app = (record) => timeToInteractive(browser, `${bridge.origin}/`, record ? phases : null);
    const empty = () => timeToInteractive(browser, `${baseline.origin}/`);
    const shell = () => timeToInteractive(browser, `${baseline.origin}/shell.html`);
    /** @type {{a: number[], b: number[], c: number[]}} */
    const tti = { a: [], b: [], c: [] };
    const load = { a: () => app(true), b: empty, c: shell };
    await interleave(2, app, empty);
    await shell();
    // interleave() times the whole call; the figure here is the in-page time, so collect it directly,
    // rotating the order of the three pages every round.
    for (let round = 0; round < loads; round += 1) {
      const order =
        /** @type {const} */ ([
          ['a', 'b', 'c'],
          ['b', 'c', 'a'],
          ['c', 'a', 'b'],
        ])[round % 3] ?? /** @type {const} */ (['a', 'b', 'c']);
      for (const which of order) tti[which].push(await load[which]());
    }
    const c = median(tti.c);
    const a = median(tti.a);
    const b = median(tti.b);
    rows.push(
      row(
        'renderer time to interactive (bridge, headless Chromium)',
        ms(a),
        ms(b),
        ratio(a / b),
        '≤ 150 ms',
        a <= 150,
        `median of ${loads} loads each; from navigation start to "${START_BUTTON}" enabled and focusable; ` +
          `baseline: a page with only that button on a bare node:http server; range ${ms(Math.min(...tti.a))}–${ms(Math.max(...tti.a))}; ` +
          `app medians: HTML in ${ms(median(phases.html))}, JS+CSS in ${ms(median(phases.assets))}, DOMContentLoaded ${ms(median(phases.dcl))}, ` +
          `getStartup answered ${ms(median(phases.api))}, interactive ${ms(a)}`,
      ),
    );

    rows.push(
      row(
        '  minimal SPA shell (1 tiny script + CSS), same way',
        ms(c),
        ms(b),
        ratio(c / b),
        '',
        null,
        `the app takes ${ratio(a / c)} the shell's time`,
      ),
    );
    // The same again, reloading in one warm tab each (renderer process and V8 already up, no HTTP cache:
    // the bridge sends no cache headers): what the page itself costs, without a browser context's start.
    const warmContext = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      await warmContext.addInitScript(watchForStartButton, START_BUTTON);
      const appPage = await warmContext.newPage();
      const emptyPage = await warmContext.newPage();
      /** @type {{a: number[], b: number[]}} */
      const warm = { a: [], b: [] };
      for (let round = 0; round < loads + 2; round += 1) {
        const appFirst = round % 2 === 0;
        const first = await measureLoad(appFirst ? appPage : emptyPage, appFirst ? `${bridge.origin}/` : `${baseline.origin}/`, null);
        const second = await measureLoad(appFirst ? emptyPage : appPage, appFirst ? `${baseline.origin}/` : `${bridge.origin}/`, null);
        if (round < 2) continue; // warm-up
        warm.a.push(appFirst ? first : second);
        warm.b.push(appFirst ? second : first);
      }
      const wa = median(warm.a);
      const wb = median(warm.b);
      rows.push(row('  same, reloaded in a warm tab', ms(wa), ms(wb), ratio(wa / wb), '', null));
    } finally {
      await warmContext.close();
    }

    log(`renderer: practising all ${SCENARIOS.length} scenarios in one page, then the heap after a forced GC`);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const started = performance.now();
      await practiseEveryScenario(page, bridge.origin);
      const practised = performance.now() - started;
      if (errors.length > 0) throw new Error(`bench: the page threw: ${errors.join('; ')}`);
      const heap = await heapAfterGc(page);
      await page.goto(`${baseline.origin}/`);
      const emptyHeap = await heapAfterGc(page);
      rows.push(
        row(
          `renderer JS heap after practising ${SCENARIOS.length} scenarios`,
          mb(heap),
          mb(emptyHeap),
          ratio(heap / emptyHeap),
          '≤ 10 MB',
          heap <= 10 * 1024 * 1024,
          `CDP Runtime.getHeapUsage usedSize after HeapProfiler.collectGarbage; all ${SCENARIOS.length} scenarios practised ` +
            `through the UI in one page without reload (${ms(practised)}); baseline: the empty page in the same tab`,
        ),
      );
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await servers.stop();
  }
  return rows;
}
