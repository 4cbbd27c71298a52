// @ts-check
// Check overhead: a full check through the core (runCheck: login, authorize, logout) against the simulator
// on loopback, versus the same three requests with bare node:http (bare-check.cjs) against the same server.
// Both use Node's default global agent (keep-alive), send the same bodies and headers, accept gzip and
// decompress it. The server's work (workspace logic, gzip) is in both; the ratio is the core's cost on top.
import { createRequire } from 'node:module';
import got from 'got';
import { runCheck } from '../out/main/check/runner.js';
import { checkRequest, HEALTHY, startHealthySimulator } from './scenario.mjs';
import { interleave, log, median, ms, quantile, ratio, row } from './lib.mjs';

const { bareCheck } = createRequire(import.meta.url)('./bare-check.cjs');

function pair(simulator) {
  const request = checkRequest(simulator.apiUrl);
  const core = async () => {
    const report = await runCheck(request);
    if (!report.ok) throw new Error(`bench: the core check failed: ${JSON.stringify(report.steps.map((s) => s.errorCode))}`);
  };
  const bare = async () => {
    const statuses = await bareCheck(simulator.apiUrl, HEALTHY.check);
    if (statuses.some((status) => status !== 200)) throw new Error(`bench: the bare check failed: ${statuses}`);
  };
  // The same three requests through got alone, with the options the core's client passes: what of the
  // core's overhead is the HTTP library's.
  const viaGot = async () => {
    const { check } = HEALTHY;
    const options = { retry: { limit: 0 }, timeout: { request: 10_000 }, followRedirect: false, throwHttpErrors: false, decompress: true };
    const headers = { accept: 'application/json', 'user-agent': 'ArenaConnectDoctor/0.1.0' };
    const login = await got(`${simulator.apiUrl}/login`, {
      ...options,
      method: 'POST',
      headers,
      json: { email: check.email, webtoken: check.secret, loginType: 'WEBTOKEN', workspaceId: check.workspaceId },
    });
    const sessionId = JSON.parse(login.body).arena_session_id ?? JSON.parse(login.body).arenaSessionId;
    const session = { ...headers, arena_session_id: sessionId };
    const body = { email: check.userEmail, password: check.userPassword };
    await got(`${simulator.apiUrl}/login/authorizeuser`, { ...options, method: 'POST', headers: session, json: body });
    await got(`${simulator.apiUrl}/logout`, { ...options, method: 'PUT', headers: session, body: '' });
  };
  return { core, bare, viaGot };
}

export async function checkOverhead({ warmup = 100, rounds = 400, latencyMs = 20, latencyRounds = 15 } = {}) {
  const rows = [];
  const simulator = await startHealthySimulator();
  try {
    const { core, bare, viaGot } = pair(simulator);
    log(`check overhead: ${warmup} warm-up rounds, ${rounds} measured (interleaved)`);
    await interleave(warmup, core, bare);
    const times = await interleave(rounds, core, bare);
    const a = median(times.a);
    const b = median(times.b);
    const r = a / b;
    const gotRounds = Math.round(rounds / 2);
    const gotTimes = await interleave(gotRounds, viaGot, bare);
    const g = median(gotTimes.a);
    const gb = median(gotTimes.b);
    rows.push(
      row(
        'check overhead (runCheck vs node:http, 3 requests)',
        ms(a),
        ms(b),
        ratio(r),
        '≤ 1.20×',
        r <= 1.2,
        `median of ${rounds} interleaved runs after ${warmup} warm-up; p90 ${ms(quantile(times.a, 0.9))} vs ${ms(quantile(times.b, 0.9))}; ` +
          `core costs ${ms(a - b)} more per check (${ms((a - b) / 3)} per request)`,
      ),
      row(
        '  of which got (same 3 requests via got vs node:http)',
        ms(g),
        ms(gb),
        ratio(g / gb),
        '',
        null,
        `median of ${gotRounds} interleaved runs: got alone costs ${ms(g - gb)} of the core's ${ms(a - b)} per check`,
      ),
    );
  } finally {
    await simulator.close();
  }

  // For scale: the same pair when every answer takes latencyMs (a near, fast Arena is tens of ms away).
  const slow = await startHealthySimulator(latencyMs);
  try {
    const { core, bare } = pair(slow);
    log(`check overhead: ${latencyRounds} rounds with ${latencyMs} ms server latency`);
    await interleave(2, core, bare);
    const times = await interleave(latencyRounds, core, bare);
    const a = median(times.a);
    const b = median(times.b);
    rows.push(row(`  same, each answer ${latencyMs} ms late`, ms(a), ms(b), ratio(a / b), '', null));
  } finally {
    await slow.close();
  }
  return rows;
}
