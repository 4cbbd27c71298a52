// Proves the knowledge base covers Arena's own error tables, read from the seed pages at test time.
import { describe, expect, it } from 'vitest';
import type { Actor, Endpoint, RecheckPolicy } from '../../common/check-report.js';
import { KNOWLEDGE_BASE, findEntry } from '../../main/knowledge/index.js';
import { readSeedTable } from '../support/seed-tables.js';

const SEEDS: { file: string; endpoint: Endpoint; source: string; rowCount: number }[] = [
  { file: 'login-errors.md', endpoint: 'POST /login', source: 'seeds/login-errors.md', rowCount: 6 },
  { file: 'authorize-user-errors.md', endpoint: 'POST /login/authorizeuser', source: 'seeds/authorize-user-errors.md', rowCount: 6 },
];

interface ExpectedCause {
  id: string;
  /** Must match the cause's summary: the seed's wording for that cause. */
  summary: RegExp;
  /** Someone who must act in at least one fix step, where the seed names them. */
  who?: Actor;
  /** Must match at least one fix step's text. */
  fix?: RegExp;
  /** Must be the uiPath of at least one fix step. */
  uiPath?: string;
}

const EMPLOYEE = 'Arena > Workspace > Settings > Employees > Employee';

// Read from each seed row's Explanation column: every cause it lists, kept apart.
const EXPECTED: Record<string, { recheck?: RecheckPolicy; causes: ExpectedCause[] }> = {
  'POST /login 503': { recheck: 'now', causes: [{ id: 'arena-outage', summary: /down|maintenance/i }] },
  'POST /login 4079': {
    causes: [{ id: 'api-feature-off', summary: /API feature/, who: 'arena-support', fix: /enable the API feature/i }],
  },
  'POST /login 4090': {
    causes: [{ id: 'onshape-feature-off', summary: /Onshape integration feature/, who: 'arena-support', fix: /WebToken/ }],
  },
  'POST /login 4089': {
    causes: [
      { id: 'webtoken-invalid', summary: /WebToken entered is not/ },
      { id: 'webtoken-regenerated', summary: /new WebToken|updated/, who: 'arena-support' },
      { id: 'wrong-workspace', summary: /workspace/ },
      { id: 'integration-use-disabled', summary: /For Integration Use/, uiPath: `${EMPLOYEE} > For Integration Use = Yes` },
    ],
  },
  'POST /login 4001': {
    recheck: 'after-change',
    causes: [
      { id: 'wrong-credentials', summary: /email or its WebToken/ },
      { id: 'wrong-workspace-id', summary: /internal number, not its name/ },
      { id: 'ip-restriction', summary: /IP address ranges/, who: 'arena-support' },
      { id: 'user-disabled', summary: /disabled/, uiPath: `${EMPLOYEE} > Status = Enabled` },
      { id: 'first-login-not-done', summary: /first Arena login/, fix: /app\.bom\.com/ },
    ],
  },
  'POST /login 4083': {
    recheck: 'wait-five-minutes',
    causes: [
      { id: 'repeated-wrong-attempts', summary: /retrying|wrong/i, fix: /five minutes/ },
      { id: 'account-shared', summary: /another integration/, fix: /dedicated integration user/ },
    ],
  },
  'POST /login/authorizeuser 4081': {
    causes: [
      { id: 'first-login-not-done', summary: /never signed in/, who: 'onshape-user', fix: /app\.bom\.com.*new password/ },
      { id: 'password-expired', summary: /expired/, who: 'onshape-user', fix: /new password/ },
      { id: 'password-reset-by-admin', summary: /administrator reset/, who: 'arena-admin', uiPath: EMPLOYEE },
    ],
  },
  'POST /login/authorizeuser 4083': {
    recheck: 'wait-five-minutes',
    causes: [
      { id: 'repeated-wrong-attempts', summary: /wrong or old Arena password/, fix: /five minutes/ },
      { id: 'account-shared', summary: /Someone else uses the same Arena account/ },
    ],
  },
  'POST /login/authorizeuser 20001': {
    causes: [
      { id: 'user-disabled', summary: /disabled/, who: 'arena-admin', uiPath: `${EMPLOYEE} > Status = Enabled` },
      { id: 'first-login-not-done', summary: /never signed in to Arena for the first time/ },
    ],
  },
  'POST /login/authorizeuser 20000': {
    causes: [
      { id: 'integration-user-misconfigured', summary: /employee with the WebToken/, who: 'arena-admin' },
      { id: 'authorized-user-misconfigured', summary: /user being authorized/, who: 'arena-admin' },
    ],
  },
  'POST /login/authorizeuser 20016': {
    causes: [
      { id: 'no-workspace-access', summary: /no access to the target workspace/, fix: /Full License/ },
      { id: 'session-expired', summary: /expired/, fix: /fresh POST \/login/ },
    ],
  },
  'POST /login/authorizeuser 20015': {
    causes: [
      {
        id: 'user-not-in-arena',
        summary: /not been added to Arena/,
        who: 'arena-admin',
        fix: /Full License Standard Employee with at least the Item & File Read & Edit/,
      },
    ],
  },
};

describe('seed tables', () => {
  for (const seed of SEEDS) {
    const rows = readSeedTable(seed.file);

    it(`reads every row of ${seed.file}`, () => {
      // Guards the parser: a format change that drops rows must fail here, not pass silently.
      expect(rows).toHaveLength(seed.rowCount);
    });

    for (const row of rows) {
      describe(`${seed.endpoint} ${row.code}`, () => {
        const entry = findEntry(seed.endpoint, row.code);

        it('has its own entry with the documented status and verbatim message', () => {
          expect(entry.match.endpoints).toEqual([seed.endpoint]);
          expect(entry.documented).toEqual({ httpStatus: row.status, message: row.message, source: seed.source });
        });

        it('lists every cause the seed explains', () => {
          const expected = EXPECTED[`${seed.endpoint} ${row.code}`];
          expect(expected, 'no expected causes written for this seed row').toBeDefined();
          if (!expected) return;
          if (expected.recheck) expect(entry.recheck).toBe(expected.recheck);
          for (const want of expected.causes) {
            const cause = entry.causes.find((candidate) => candidate.id === want.id);
            expect(cause, `${entry.id} lacks cause ${want.id}`).toBeDefined();
            if (!cause) continue;
            expect(cause.summary).toMatch(want.summary);
            if (want.who) expect(cause.fixSteps.map((step) => step.who)).toContain(want.who);
            if (want.fix) expect(cause.fixSteps.some((step) => want.fix?.test(step.text))).toBe(true);
            if (want.uiPath) expect(cause.fixSteps.map((step) => step.uiPath)).toContain(want.uiPath);
          }
        });
      });
    }
  }

  it('has an expectation for exactly the rows the seeds hold', () => {
    const seedKeys = SEEDS.flatMap((seed) => readSeedTable(seed.file).map((row) => `${seed.endpoint} ${row.code}`));
    expect(Object.keys(EXPECTED).sort()).toEqual(seedKeys.sort());
  });

  it('claims a seed source only for rows the seeds hold', () => {
    const seedKeys = new Set(SEEDS.flatMap((seed) => readSeedTable(seed.file).map((row) => `${seed.source} ${row.code}`)));
    const claimed = KNOWLEDGE_BASE.filter((entry) => entry.documented?.source.startsWith('seeds/')).flatMap((entry) =>
      entry.match.codes.map((code) => `${entry.documented?.source} ${code}`),
    );
    expect(claimed.length).toBe(seedKeys.size);
    for (const key of claimed) expect(seedKeys).toContain(key);
  });
});
