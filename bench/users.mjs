// @ts-check
// The users check at scale (issue 12): 5 000 emails against a 10 000-user workspace on loopback, in a
// child process each run so its peak memory is its own. Figures: requests used (target ≤ 26, logout
// included), time against a bare node:http client fetching the same pages in the same run, and growth
// from 1 000 to 10 000 users (half as many emails) in time and in peak memory over an idle child's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator, usersScenario, LOGIN_EMPLOYEES } from '../out/main/simulator/index.js';
import { log, mb, median, ms, ratio, row } from './lib.mjs';

const CHILD = fileURLToPath(new URL('./support/users-child.mjs', import.meta.url));

/**
 * One child run: 'check' runs the users check, 'bare' fetches the same pages with node:http, 'idle' only
 * loads the modules (the memory baseline).
 * @param {'check' | 'bare' | 'idle'} mode
 * @returns {Promise<{ ms: number, maxRssBytes: number, requestsUsed: number, users: number }>}
 */
function child(mode, apiUrl, emails) {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [CHILD, mode, apiUrl, String(emails)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    process_.stdout.on('data', (chunk) => (out += chunk));
    process_.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`users child (${mode}) exited ${code}`))));
  });
}

/** Medians over interleaved rounds of the check, the bare fetch and an idle child, for one workspace size. */
async function measure(workspaceUsers, emails, rounds) {
  const simulator = await startSimulator({
    scenario: usersScenario({ users: workspaceUsers - LOGIN_EMPLOYEES, budget: { limit: 10_000_000, used: 0 } }),
  });
  try {
    const runs = { check: [], bare: [], idle: [] };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? ['check', 'bare', 'idle'] : ['idle', 'bare', 'check'];
      for (const mode of order) runs[mode].push(await child(/** @type {'check' | 'bare' | 'idle'} */ (mode), simulator.apiUrl, emails));
    }
    const pick = (mode, key) => median(runs[mode].map((run) => run[key]));
    const counted = simulator.requests.filter((request) => request.path !== '/v1/login').length / (2 * rounds);
    return {
      checkMs: pick('check', 'ms'),
      bareMs: pick('bare', 'ms'),
      checkRss: pick('check', 'maxRssBytes'),
      idleRss: pick('idle', 'maxRssBytes'),
      requestsUsed: pick('check', 'requestsUsed'),
      counted,
      users: pick('check', 'users'),
    };
  } finally {
    await simulator.close();
  }
}

export async function users({ rounds = 5 } = {}) {
  log(`users: 5 000 emails vs 10 000 users, and 500 vs 1 000, in child processes (${rounds} interleaved rounds each)`);
  const large = await measure(10_000, 5_000, rounds);
  const small = await measure(1_000, 500, rounds);
  const timeGrowth = large.checkMs / small.checkMs;
  const memoryGrowth = (large.checkRss - large.idleRss) / Math.max(1, small.checkRss - small.idleRss);
  // Linear means 10 000 users cost no more than ten times 1 000 (fixed costs make it less).
  const linear = (value) => value <= 12;
  return [
    row(
      'users check: requests, 5 000 emails vs 10 000 users',
      String(large.requestsUsed),
      '',
      '',
      '≤ 26 incl. logout',
      large.requestsUsed <= 26,
      `the server counted ${large.counted} per run (every request but the login); ${large.users} verdicts`,
    ),
    row(
      'users check: time, 5 000 emails vs 10 000 users',
      ms(large.checkMs),
      ms(large.bareMs),
      ratio(large.checkMs / large.bareMs),
      '',
      null,
      'whole child process; baseline: node:http fetching the same login, 25 pages and logout, parsing each page',
    ),
    row(
      'users check: peak memory over an idle process',
      mb(large.checkRss - large.idleRss),
      mb(large.idleRss),
      '',
      '',
      null,
      `peak RSS ${mb(large.checkRss)}; the idle baseline loads the same modules and exits`,
    ),
    row(
      'users check: time, 10 000 vs 1 000 users',
      ms(large.checkMs),
      ms(small.checkMs),
      ratio(timeGrowth),
      '≤ 10× (linear)',
      linear(timeGrowth),
    ),
    row(
      'users check: peak memory, 10 000 vs 1 000 users',
      mb(large.checkRss - large.idleRss),
      mb(small.checkRss - small.idleRss),
      ratio(memoryGrowth),
      '≤ 10× (linear)',
      linear(memoryGrowth),
    ),
  ];
}
