// @ts-check
// Time from start to verdict when the connection never completes (a firewall that drops packets): the
// check's reach step must name it within the connect limit plus 1 s, not at the 20 s answer limit. The
// baseline is the least any client can take to know: a bare node:net connect given up after the same
// limit, to the same port, interleaved in the same run.
import { connect } from 'node:net';
import { runCheck } from '../out/main/check/runner.js';
import { startFullBacklog } from './support/full-backlog.mjs';
import { interleave, log, median, ms, ratio, row } from './lib.mjs';

const CONNECT_LIMIT_MS = 2_000;
const ANSWER_LIMIT_MS = 20_000;
const ROUNDS = 3;

export async function reachVerdict() {
  log('reach: time to verdict when connect never completes');
  const backlog = await startFullBacklog();
  const apiUrl = `http://127.0.0.1:${backlog.port}/v1`;
  /** @type {string[]} */
  const codes = [];
  try {
    const toVerdict = async () => {
      await runCheck(
        {
          apiUrl,
          workspaceId: 42,
          integrationEmail: 'bench@example.com',
          loginType: 'webtoken',
          integrationSecret: 'bench',
          timeoutMs: ANSWER_LIMIT_MS,
          connectTimeoutMs: CONNECT_LIMIT_MS,
        },
        {
          onEvent: (event) => {
            if (event.type === 'step-finished' && event.result.step === 'reach') codes.push(String(event.result.errorCode));
          },
        },
      );
    };
    const bare = () =>
      new Promise((resolve) => {
        const socket = connect(backlog.port, '127.0.0.1');
        socket.on('error', () => undefined);
        const timer = setTimeout(() => {
          socket.destroy();
          resolve(undefined);
        }, CONNECT_LIMIT_MS);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.destroy();
          resolve(undefined);
        });
      });
    const times = await interleave(ROUNDS, toVerdict, bare);
    const value = median(times.a);
    const baseline = median(times.b);
    const verdicts = [...new Set(codes)].join(', ');
    return [
      row(
        `reach: connect never completes, limit ${CONNECT_LIMIT_MS / 1000} s (answer limit ${ANSWER_LIMIT_MS / 1000} s)`,
        ms(value),
        ms(baseline),
        ratio(value / baseline),
        `≤ ${ms(CONNECT_LIMIT_MS + 1000)}`,
        value <= CONNECT_LIMIT_MS + 1000 && verdicts === 'ETIMEDOUT',
        `verdict ${verdicts}; login, authorize and logout skipped`,
      ),
    ];
  } finally {
    await backlog.close();
  }
}
