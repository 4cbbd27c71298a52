// The reach step's diagnosis settles what the check itself saw, as a login's does: a refused connection to
// an address with a port is answered "yes" for the port question, and a direct route "no" for the proxy one,
// so the admin is not asked what the tool already knows. A practice run's address is the simulator's, so
// nothing is answered from it.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../common/check-report.js';
import { reachReport } from '../../main/check/runner.js';
import { closedPort } from '../support/loopback-server.js';

async function refusedReach(practiceScenario: string | null): Promise<Diagnosis> {
  const port = await closedPort();
  const report = await reachReport({
    apiUrl: `http://127.0.0.1:${port}/v1`,
    timeoutMs: 5_000,
    connectTimeoutMs: 5_000,
    proxyUrl: null,
    route: { via: 'direct', chosenBy: 'setting' },
    practiceScenario,
  });
  const diagnosis = report.steps[0]?.diagnosis;
  if (!diagnosis) throw new Error('the refused reach has no diagnosis');
  return diagnosis;
}

describe('the reach step answers from its own evidence', () => {
  it('a refused connection: the port and the proxy questions are answered, the firewall one is asked', async () => {
    const diagnosis = await refusedReach(null);
    expect(diagnosis.title).toBe('The connection to Arena was refused');
    const answered = Object.fromEntries(diagnosis.causes.map((cause) => [cause.summary, cause.answered ?? null]));
    expect(answered["The API URL has a port or host that is not Arena's."]).toMatchObject({ answer: 'yes' });
    expect(answered['This tool is set to use a proxy whose address is wrong or not running.']).toEqual({
      answer: 'no',
      evidence: 'this tool is set to connect directly, without a proxy',
    });
    expect(diagnosis.causes.filter((cause) => !cause.answered)).toHaveLength(1);
  });

  it('a practice run answers nothing from the simulator address', async () => {
    const diagnosis = await refusedReach('connection-refused');
    expect(diagnosis.causes.every((cause) => cause.answered === undefined)).toBe(true);
  });
});
