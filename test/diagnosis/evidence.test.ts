// Questions the check answers from its own evidence: when each step ran, the API URL, how Arena was reached.
import { describe, expect, it } from 'vitest';
import type { Diagnosis, Endpoint } from '../../common/check-report.js';
import { runCheck } from '../../main/check/runner.js';
import { diagnose, type DiagnosisInput } from '../../main/diagnosis/diagnose.js';
import { answerFromEvidence, spanText, type CheckEvidence } from '../../main/diagnosis/evidence.js';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';
import { runPracticeScenario } from '../../main/practice/practice.js';
import { SCENARIOS, startSimulator } from '../../main/simulator/index.js';
import { renderHtml } from '../../main/report/html-report.js';
import { escapeInline, renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { checkRequestFor } from '../support/scenario-check.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const US = 'https://api.arenasolutions.com/v1';

function evidence(overrides: Partial<CheckEvidence> = {}): CheckEvidence {
  return {
    step: 'authorize',
    stepStartedAt: '2025-03-04T05:00:00.450Z',
    login: { startedAt: '2025-03-04T05:00:00.000Z', durationMs: 250 },
    apiUrl: US,
    route: { via: 'direct', chosenBy: 'setting' },
    ...overrides,
  };
}

function input(endpoint: Endpoint, errorCode: number | string): DiagnosisInput {
  return { endpoint, httpStatus: 400, errorCode, message: null, budget: null, serverDate: null };
}

function cause(diagnosis: Diagnosis, id: string) {
  const found = diagnosis.causes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${diagnosis.id} has no cause ${id}`);
  return found;
}

describe('the time since the login', () => {
  it('answers the session-expiry question from when the login answered and the step started', () => {
    expect(answerFromEvidence('time-since-login', evidence())).toEqual({ answer: 'no', evidence: 'login and authorize were 0.2 s apart' });
    const late = evidence({ stepStartedAt: '2025-03-04T06:31:00.250Z' });
    expect(answerFromEvidence('time-since-login', late)).toEqual({ answer: 'yes', evidence: 'login and authorize were 1 h 31 min apart' });
    const justUnder = evidence({ stepStartedAt: '2025-03-04T06:30:00.249Z' });
    expect(answerFromEvidence('time-since-login', justUnder)?.answer).toBe('no');
  });

  it('says nothing without a login to measure from', () => {
    expect(answerFromEvidence('time-since-login', evidence({ login: null }))).toBeNull();
    expect(answerFromEvidence('time-since-login', evidence({ step: 'login' }))).toBeNull();
  });

  it('reads spans as a person would', () => {
    expect([240, 59_949, 60_000, 42 * 60_000, 95 * 60_000].map(spanText)).toEqual(['0.2 s', '59.9 s', '1 min', '42 min', '1 h 35 min']);
  });

  it('is shown on authorize 20016 and on an expired session at logout', () => {
    const d20016 = diagnose(input('POST /login/authorizeuser', 20016), { now: NOW, evidence: evidence() });
    expect(cause(d20016, 'session-expired').answered).toEqual({ answer: 'no', evidence: 'login and authorize were 0.2 s apart' });
    const d401 = diagnose(input('PUT /logout', 401), { now: NOW, evidence: evidence({ step: 'logout' }) });
    expect(cause(d401, 'idle-expiry').answered).toEqual({ answer: 'no', evidence: 'login and logout were 0.2 s apart' });
  });
});

describe('the API URL', () => {
  it('answers the port-in-URL question', () => {
    expect(answerFromEvidence('api-url-port-or-host', evidence({ apiUrl: 'https://api.arenasolutions.com:8443/v1' }))).toEqual({
      answer: 'yes',
      evidence: 'the API URL has port 8443',
    });
    expect(answerFromEvidence('api-url-port-or-host', evidence({ apiUrl: 'https://arena.example.com/v1' }))?.answer).toBe('yes');
    expect(answerFromEvidence('api-url-port-or-host', evidence())).toEqual({
      answer: 'no',
      evidence: "the API URL has no port number, and api.arenasolutions.com is the United States data centre's API host",
    });
    const refused = diagnose(input('POST /login', 'ECONNREFUSED'), {
      now: NOW,
      evidence: evidence({ step: 'login', apiUrl: 'https://api.europe.arenaplm.com:8080/v1' }),
    });
    expect(cause(refused, 'wrong-address').answered?.answer).toBe('yes');
  });

  it("answers whether it is a data centre's address and whether it ends in /v1", () => {
    expect(answerFromEvidence('api-url-differs', evidence({ apiUrl: `${US}/` }))?.answer).toBe('no');
    expect(answerFromEvidence('api-url-differs', evidence({ apiUrl: 'https://app.bom.com' }))?.answer).toBe('yes');
    expect(answerFromEvidence('api-url-path', evidence({ apiUrl: 'https://api.arenasolutions.com/v1/login' }))).toEqual({
      answer: 'yes',
      evidence: "the API URL's path is /v1/login",
    });
    expect(answerFromEvidence('api-url-path', evidence())?.answer).toBe('no');
  });

  it("says nothing about a practice run's simulator address", () => {
    for (const question of ['api-url-port-or-host', 'api-url-differs', 'api-url-path'] as const) {
      expect(answerFromEvidence(question, evidence({ apiUrl: null }))).toBeNull();
    }
  });
});

describe('the proxy', () => {
  it('answers "Is this tool set to use a proxy?" from the route, naming the proxy without its credentials', () => {
    const manual = answerFromEvidence(
      'tool-proxy',
      evidence({ route: { via: 'proxy', proxyUrl: 'http://alice:s3cr3t@proxy.corp:8080', chosenBy: 'setting' } }),
    );
    expect(manual).toEqual({ answer: 'yes', evidence: 'this check went through the proxy proxy.corp:8080 set in this tool' });
    expect(JSON.stringify(manual)).not.toMatch(/alice|s3cr3t/);
    const system = answerFromEvidence(
      'tool-proxy',
      evidence({ route: { via: 'proxy', proxyUrl: 'http://pac.corp:3128', chosenBy: 'system' } }),
    );
    expect(system?.evidence).toBe("this computer's proxy settings sent this check through pac.corp:3128");
    expect(answerFromEvidence('tool-proxy', evidence())).toEqual({
      answer: 'no',
      evidence: 'this tool is set to connect directly, without a proxy',
    });
    expect(answerFromEvidence('tool-proxy', evidence({ route: null }))).toBeNull();
  });

  it('answers "yes" to going through a proxy only when this check did; a direct check cannot rule out a transparent one', () => {
    const viaProxy = evidence({ route: { via: 'proxy', proxyUrl: 'http://proxy.corp:8080', chosenBy: 'environment' } });
    expect(answerFromEvidence('traffic-through-proxy', viaProxy)?.answer).toBe('yes');
    expect(answerFromEvidence('traffic-through-proxy', evidence())).toBeNull();
  });

  it('answers the browser\'s proxy question only from the system\'s own answer, and only "no"', () => {
    expect(answerFromEvidence('browser-proxy', evidence({ route: { via: 'direct', chosenBy: 'system' } }))?.answer).toBe('no');
    expect(answerFromEvidence('browser-proxy', evidence())).toBeNull();
    expect(
      answerFromEvidence('browser-proxy', evidence({ route: { via: 'proxy', proxyUrl: 'http://p:1', chosenBy: 'system' } })),
    ).toBeNull();
  });

  it('is shown on a refused connection: the proxy question of ECONNREFUSED is answered', () => {
    const refused = diagnose(input('POST /login', 'ECONNREFUSED'), { now: NOW, evidence: evidence({ step: 'login' }) });
    expect(cause(refused, 'proxy-not-running').answered?.answer).toBe('no');
    expect(cause(refused, 'local-firewall').answered).toBeUndefined();
  });
});

describe('in a real check', () => {
  it("answers the session-expiry question with the check's own timeline, and every rendering says so", async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === 'session-expired-before-authorize');
    if (!scenario) throw new Error('scenario missing');
    const simulator = await startSimulator({ scenario });
    try {
      // Not a practice run: the simulator's clock jumps, the check's does not, so the tool knows better.
      const report = await runCheck({ ...checkRequestFor(scenario, simulator.apiUrl), route: { via: 'direct', chosenBy: 'setting' } });
      const authorize = report.steps.find((step) => step.step === 'authorize');
      const answered = authorize?.diagnosis?.causes.find((candidate) => candidate.id === 'session-expired')?.answered;
      expect(answered?.answer).toBe('no');
      expect(answered?.evidence).toMatch(/^login and authorize were \d+\.\d s apart$/);
      const line = `Answered from this check: No (${answered?.evidence ?? ''}).`;
      expect(renderText(report)).toContain(line);
      expect(renderMarkdown(report)).toContain(escapeInline(line));
      expect(renderHtml(report)).toContain(line);
    } finally {
      await simulator.close();
    }
  });

  it("in practice follows the scenario's story: the simulated 90 minutes count", async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === 'session-expired-before-authorize');
    if (!scenario) throw new Error('scenario missing');
    const { report } = await runPracticeScenario(scenario);
    const authorize = report.steps.find((step) => step.step === 'authorize');
    expect(authorize?.diagnosis?.causes.find((candidate) => candidate.id === 'session-expired')?.answered).toEqual({
      answer: 'yes',
      evidence: 'login and authorize were 1 h 31 min apart',
    });
  });

  it('never answers "no" to the question of the cause a practice scenario models', async () => {
    for (const scenario of SCENARIOS.filter((candidate) => candidate.expect.step !== null)) {
      const { report } = await runPracticeScenario(scenario);
      const failed = report.steps.find((step) => step.outcome === 'failed');
      const modelled = failed?.diagnosis?.causes.find((candidate) => candidate.id === scenario.expect.cause);
      expect(modelled?.answered?.answer, scenario.name).not.toBe('no');
    }
  });
});

describe('the knowledge base', () => {
  it('names evidence only on causes whose question it answers (every tagged question is about time, the URL or a proxy)', () => {
    const topics: Record<string, RegExp> = {
      'time-since-login': /90 minutes/,
      'api-url-port-or-host': /API URL contain a port/,
      'api-url-differs': /API URL differ from your data centre/,
      'api-url-path': /API URL end in something other than \/v1/,
      'tool-proxy': /this tool set to use a proxy/,
      'traffic-through-proxy': /through a (corporate )?proxy/,
      'browser-proxy': /browser on this computer use a proxy/,
    };
    let tagged = 0;
    for (const entry of KNOWLEDGE_BASE) {
      for (const knowledgeCause of entry.causes) {
        if (!knowledgeCause.answerFrom) continue;
        tagged += 1;
        expect(knowledgeCause.question, `${entry.id} ${knowledgeCause.id}`).toMatch(topics[knowledgeCause.answerFrom] ?? /^$/);
      }
    }
    expect(tagged).toBeGreaterThanOrEqual(10);
  });
});
