// Every IPC payload schema under fuzzing: arbitrary values, and valid payloads with one thing broken
// (a wrong type, an extra or missing key, a huge, odd or secret-looking string). Rejections must be one
// clear line naming the field; valid payloads must come through with the same values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCTOR_METHODS } from '../../common/ipc/contract.js';
import { describeIssues, PAYLOAD_SCHEMAS } from '../../main/service/payload-schemas.js';
import { defineOwn, expectClearMessage, fuzzParameters, nastyString, oddString, stringsIn } from './clear-message.js';
import { broken, LARGE_TEXT_METHODS, VALID_PAYLOADS } from './valid-inputs.js';

/** Arbitrary values, including the ones structured clone lets through: null-prototype objects, Maps, Dates, sparse arrays. */
const anything = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withSparseArray: true,
    withTypedArray: true,
    withBigInt: true,
    withBoxedValues: true,
    maxDepth: 3,
    key: nastyString,
    values: [nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)],
  }),
  fc.jsonValue(),
  nastyString,
);

const METHODS_WITH_PAYLOAD = DOCTOR_METHODS.filter((method) => method !== 'getStartup' && method !== 'listScenarios');

describe.each(DOCTOR_METHODS)('payload of %s under fuzzing', (method) => {
  const schema = PAYLOAD_SCHEMAS[method];

  it('never throws on arbitrary values; every rejection is one clear line', () => {
    fc.assert(
      fc.property(anything, (payload) => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) expectClearMessage(describeIssues(parsed.error), { inputs: stringsIn(payload) });
      }),
      fuzzParameters(150),
    );
  });

  it('accepts every valid payload with the same values', () => {
    fc.assert(
      fc.property(VALID_PAYLOADS[method] as fc.Arbitrary<unknown>, (payload) => {
        const parsed = schema.safeParse(payload);
        expect(parsed.success ? null : describeIssues(parsed.error)).toBeNull();
        expect(parsed.data).toEqual(payload);
      }),
      fuzzParameters(100),
    );
  });
});

describe.each(METHODS_WITH_PAYLOAD)('payload of %s, broken', (method) => {
  it('is rejected with a clear line that names the field', () => {
    const schema = PAYLOAD_SCHEMAS[method];
    fc.assert(
      fc.property(
        broken(VALID_PAYLOADS[method] as fc.Arbitrary<unknown>, LARGE_TEXT_METHODS.includes(method)),
        ({ payload, field, mustFail }) => {
          const parsed = schema.safeParse(payload);
          if (mustFail) expect(parsed.success).toBe(false);
          if (parsed.success) return;
          expectClearMessage(describeIssues(parsed.error), {
            inputs: stringsIn(payload),
            ...(mustFail && field !== null ? { field } : {}),
          });
        },
      ),
      fuzzParameters(200),
    );
  });
});

describe('payload messages', () => {
  it('name an unexpected field when it looks like one, never a secret-looking or odd key', () => {
    const details = {
      dataCentre: 'us',
      apiUrl: 'https://api.arenasolutions.com/v1',
      workspaceId: 1,
      integrationEmail: 'a@b.co',
      loginType: 'webtoken',
      userEmail: null,
    };
    const cases: [unknown, RegExp][] = [
      [{ ...details, password: 'x' }, /^Unexpected field: "password"\.$/],
      [defineOwn({ ...details }, '__proto__', { polluted: true }), /^Unexpected field: "__proto__"\.$/],
      [{ ...details, 'WT-planted-9f8e7d6c5b4a3928\nline two': 1 }, /^Unexpected field: one with a name that is not shown\.$/],
    ];
    for (const [payload, expected] of cases) {
      const parsed = PAYLOAD_SCHEMAS.rememberedFor.safeParse(payload);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(describeIssues(parsed.error)).toMatch(expected);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stay one line whatever string the schema rejected', () => {
    fc.assert(
      fc.property(oddString, (text) => {
        const parsed = PAYLOAD_SCHEMAS.runPractice.safeParse({ scenario: text, [text]: 1 });
        if (!parsed.success) expectClearMessage(describeIssues(parsed.error), { inputs: [text] });
      }),
      fuzzParameters(200),
    );
  });
});
