// @ts-check
// Scale: a practice run over every scenario in sequence, and diagnose() (the knowledge-base lookup and
// the filled-in diagnosis) for 10 000 failed calls. Both should be linear: the figure is the time for 2N
// over the time for N (≈ 2), measured interleaved in the same run (best of R rounds each), with the
// per-item cost. The excerpt and page title of hostile bodies (the shapes that once made the excerpt
// quadratic) are timed the same way, N KiB against 2N KiB.
import { diagnose } from '../out/main/diagnosis/diagnose.js';
import { excerptOf, pageTitleOf } from '../out/main/arena/response.js';
import { findEntry, KNOWLEDGE_BASE } from '../out/main/knowledge/index.js';
import { runPracticeScenario } from '../out/main/practice/practice.js';
import { SCENARIOS } from '../out/main/simulator/index.js';
import { log, median, ms, ratio, row, us } from './lib.mjs';

/** @typedef {import('../out/main/simulator/index.js').Scenario} Scenario */
/** @typedef {import('../out/main/diagnosis/diagnose.js').DiagnosisInput} DiagnosisInput */

/** @type {import('../out/common/check-report.js').Endpoint[]} */
const ENDPOINTS = ['POST /login', 'POST /login/authorizeuser', 'PUT /logout'];
const LINEAR = (r) => r >= 1.6 && r <= 2.5;

/** Times n and 2n alternately, `rounds` times each; returns the medians. */
async function linearity(rounds, n, run) {
  const small = [];
  const large = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [size, into] of round % 2 === 0
      ? [
          [n, small],
          [2 * n, large],
        ]
      : [
          [2 * n, large],
          [n, small],
        ]) {
      const started = performance.now();
      await run(size);
      into.push(performance.now() - started);
    }
  }
  // The best of the rounds: on a shared machine other processes only ever add time, and a lost time slice
  // (several ms) would swamp a few-ms run. The medians are reported beside it.
  return { small: Math.min(...small), large: Math.min(...large), smallMedian: median(small), largeMedian: median(large) };
}

/** Failed calls that reach every knowledge-base entry (and the unknown entry), cycled to any length. */
/** @returns {DiagnosisInput[]} */
function failedCalls() {
  /** @type {DiagnosisInput[]} */
  const calls = [];
  for (const entry of KNOWLEDGE_BASE) {
    const endpoints = entry.match.endpoints === 'any' ? ENDPOINTS : entry.match.endpoints;
    for (const endpoint of endpoints) {
      for (const code of entry.match.codes) {
        calls.push({
          endpoint,
          httpStatus: typeof code === 'number' ? 400 : null,
          errorCode: code,
          message: `Arena said ${code}.`,
          budget: { limit: 1000, remaining: 10, resetsAt: '2026-01-01T08:00:00Z' },
          serverDate: 'Thu, 01 Jan 2026 00:00:00 GMT',
        });
      }
    }
  }
  calls.push({ endpoint: 'POST /login', httpStatus: 500, errorCode: 99999, message: 'Something new.', budget: null, serverDate: null });
  return calls;
}

export async function scale({ practiceRounds = 15, lookupRounds = 21, diagnoses = 10_000 } = {}) {
  const rows = [];
  const n = SCENARIOS.length;
  log(`scale: practice over all ${n} scenarios vs twice over (${practiceRounds} rounds each, interleaved)`);
  let unexpected = 0;
  /** Practises `count` scenarios in turn; returns the time of each. */
  const practise = async (count) => {
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const started = performance.now();
      const run = await runPracticeScenario(/** @type {Scenario} */ (SCENARIOS[i % n]));
      times.push(performance.now() - started);
      if (!run.asExpected) unexpected += 1;
    }
    return times;
  };
  await practise(n); // warm-up
  // Each position's median over the rounds, summed: a time slice lost to another process hits one item of
  // one round and drops out, while a cost that grows with the run's length (a leak, a growing list) would
  // show as later positions taking longer, and the 2N sum exceeding twice the N sum.
  /** @type {{small: number[][], large: number[][]}} */
  const byPosition = { small: [], large: [] };
  for (let round = 0; round < practiceRounds; round += 1) {
    for (const size of round % 2 === 0 ? ['small', 'large'] : ['large', 'small']) {
      const times = await practise(size === 'small' ? n : 2 * n);
      times.forEach((time, position) => (byPosition[size][position] ??= []).push(time));
    }
  }
  const total = (positions) => positions.reduce((sum, times) => sum + median(times), 0);
  const small = total(byPosition.small);
  const large = total(byPosition.large);
  const firstHalf = total(byPosition.large.slice(0, n));
  const secondHalf = total(byPosition.large.slice(n));
  const practiceRatio = large / small;
  rows.push(
    row(
      `practice, every scenario in sequence (2N=${2 * n} vs N=${n})`,
      ms(large),
      ms(small),
      ratio(practiceRatio),
      '≈ 2× (1.6–2.5)',
      LINEAR(practiceRatio),
      `sum of each position's median over ${practiceRounds} rounds; ${ms(small / n)} per scenario at N, ${ms(large / (2 * n))} at 2N ` +
        `(second ${n} of the 2N run: ${ms(secondHalf / n)} each, first ${n}: ${ms(firstHalf / n)}); each is a simulator started, a check, the simulator closed` +
        (unexpected > 0 ? `; ${unexpected} runs did NOT end as their scenario expects` : ''),
    ),
  );

  log(`scale: diagnose() for ${diagnoses} vs ${2 * diagnoses} failed calls (${lookupRounds} rounds each, interleaved)`);
  const calls = failedCalls();
  const now = new Date('2026-01-01T00:00:00Z');
  let sink = 0;
  const diagnoseMany = (count) => {
    for (let i = 0; i < count; i += 1) sink += diagnose(/** @type {DiagnosisInput} */ (calls[i % calls.length]), { now }).causes.length;
  };
  const lookupMany = (count) => {
    for (let i = 0; i < count; i += 1) {
      const call = /** @type {DiagnosisInput} */ (calls[i % calls.length]);
      sink += findEntry(call.endpoint, call.errorCode).causes.length;
    }
  };
  diagnoseMany(diagnoses); // warm-up
  lookupMany(diagnoses);
  const full = await linearity(lookupRounds, diagnoses, diagnoseMany);
  const lookup = await linearity(lookupRounds, diagnoses, lookupMany);
  const fullRatio = full.large / full.small;
  const lookupRatio = lookup.large / lookup.small;
  rows.push(
    row(
      `diagnose() for 2N=${2 * diagnoses} vs N=${diagnoses} failed calls`,
      ms(full.large),
      ms(full.small),
      ratio(fullRatio),
      '≈ 2× (1.6–2.5)',
      LINEAR(fullRatio),
      `best of ${lookupRounds} rounds (medians ${ms(full.largeMedian)} vs ${ms(full.smallMedian)}); ${us(full.small / diagnoses)} per diagnosis (knowledge-base lookup, facts, filled-in text) over ${calls.length} distinct endpoint+code pairs`,
    ),
    row(
      `  of which findEntry() lookups (2N vs N)`,
      ms(lookup.large),
      ms(lookup.small),
      ratio(lookupRatio),
      '≈ 2× (1.6–2.5)',
      LINEAR(lookupRatio),
      `best of ${lookupRounds} rounds (medians ${ms(lookup.largeMedian)} vs ${ms(lookup.smallMedian)}); ${us(lookup.small / diagnoses)} per lookup (an index by endpoint and code, built once at load)`,
    ),
  );
  rows.push(...(await hostileBodies(lookupRounds)));
  if (sink < 0) log('unreachable');
  return rows;
}

/**
 * Bodies of `kib` KiB that made the old excerpt quadratic ("<" alone took seconds at 64 KiB).
 * @type {[string, (kib: number) => string][]}
 */
const HOSTILE = [
  ['<', (kib) => '<'.repeat(kib * 1024)],
  ['<script', (kib) => '<script'.repeat(Math.floor((kib * 1024) / 7))],
  ['<style x', (kib) => '<style x'.repeat(kib * 128)],
  ['<title><!--', (kib) => `<html><title>${'<!--'.repeat(kib * 256)}`],
];

/** @param {number} rounds */
async function hostileBodies(rounds, kib = 16) {
  log(`scale: excerpt and page title of hostile HTML, ${2 * kib} KiB vs ${kib} KiB (${rounds} rounds each, interleaved)`);
  const rows = [];
  for (const [name, body] of HOSTILE) {
    const small = Buffer.from(body(kib));
    const large = Buffer.from(body(2 * kib));
    /** @param {number} size */
    const read = (size) => {
      const bytes = size === kib ? small : large;
      excerptOf(bytes);
      pageTitleOf({ body: bytes, contentType: 'text/html' });
    };
    read(kib); // warm-up
    const times = await linearity(rounds, kib, read);
    const r = times.large / times.small;
    rows.push(
      row(
        `excerpt + page title of "${name}"…, 2N=${2 * kib} KiB vs N=${kib} KiB`,
        ms(times.large),
        ms(times.small),
        ratio(r),
        '≈ 2× (1.6–2.5)',
        LINEAR(r),
        `best of ${rounds} rounds (medians ${ms(times.largeMedian)} vs ${ms(times.smallMedian)}); a quadratic scan would show ≈ 4×`,
      ),
    );
  }
  return rows;
}
