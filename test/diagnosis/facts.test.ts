import { describe, expect, it } from 'vitest';
import { extractFacts, parseInstant, parseSupportCode } from '../../main/diagnosis/facts.js';
import { fillFacts, placeholdersIn } from '../../main/diagnosis/fill-facts.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const TEMPLATE = 'Unknown errors encountered. Please contact Arena Technical Support';

describe('parseSupportCode', () => {
  it.each([
    [`${TEMPLATE} 12345.`, '12345'],
    [`${TEMPLATE}12345.`, '12345'],
    [`${TEMPLATE}: AB-12.`, 'AB-12'],
    [`${TEMPLATE} (ref: 9f8e7d6c)`, '9f8e7d6c'],
    [`${TEMPLATE} team, quoting code 7F3A.`, '7F3A'],
    [`${TEMPLATE} and quote ABCDEF`, 'ABCDEF'],
    [`${TEMPLATE} - reference #X1_Y2.`, 'X1_Y2'],
    ['unknown errors encountered. please contact arena technical support 555', '555'],
    // The wording the simulator uses.
    [`${TEMPLATE} with support code SIM-5F2A-91C3.`, 'SIM-5F2A-91C3'],
  ])('reads %s', (message, code) => {
    expect(parseSupportCode(message)).toBe(code);
  });

  it.each([[`${TEMPLATE}.`], [`${TEMPLATE}{0}.`], [`${TEMPLATE} team.`], [''], ['Something failed.']])('finds no code in %s', (message) => {
    expect(parseSupportCode(message)).toBeNull();
  });

  it('reads a labelled code when the word Support is missing', () => {
    expect(parseSupportCode('Unknown errors encountered (code: Q42).')).toBe('Q42');
  });

  it('takes the code after the last "Support" when the word appears twice', () => {
    expect(parseSupportCode('Support is aware. Please contact Arena Technical Support 4411.')).toBe('4411');
  });

  it('returns null for a null message', () => {
    expect(parseSupportCode(null)).toBeNull();
  });
});

describe('parseInstant', () => {
  it.each([
    ['2025-03-05T08:00:00Z', '2025-03-05T08:00:00.000Z'],
    ['Wed, 05 Mar 2025 08:00:00 GMT', '2025-03-05T08:00:00.000Z'],
    ['2025-03-05T00:00:00-08:00', '2025-03-05T08:00:00.000Z'],
    ['1741161600', '2025-03-05T08:00:00.000Z'],
    ['1741161600000', '2025-03-05T08:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseInstant(raw)?.toISOString()).toBe(iso);
  });

  it.each(['', '   ', 'tomorrow-ish'])('rejects %j', (raw) => {
    expect(parseInstant(raw)).toBeNull();
  });
});

describe('extractFacts', () => {
  const empty = { httpStatus: null, message: null, budget: null, serverDate: null };

  it('runs only the extractors asked for', () => {
    const source = { ...empty, httpStatus: 404, message: `${TEMPLATE} 77.` };
    expect(extractFacts(['http-status'], source, NOW)).toEqual({ httpStatus: '404' });
    expect(extractFacts(['support-code'], source, NOW)).toEqual({ supportCode: '77' });
    expect(extractFacts([], source, NOW)).toEqual({});
  });

  it('keeps an unparseable reset time raw and computes nothing from it', () => {
    const facts = extractFacts(['budget-reset'], { ...empty, budget: { limit: null, remaining: null, resetsAt: 'soon' } }, NOW);
    expect(facts).toEqual({ budgetResetsAt: 'soon' });
  });

  it('does not report minutes until a reset already past', () => {
    const facts = extractFacts(
      ['budget-reset'],
      { ...empty, budget: { limit: null, remaining: 3, resetsAt: '2025-03-04T05:00:00Z' } },
      NOW,
    );
    expect(facts).not.toHaveProperty('budgetResetsInMinutes');
    expect(facts.budgetRemaining).toBe('3');
  });

  it('reports the clock offset as positive when this computer is ahead', () => {
    const facts = extractFacts(['local-clock'], { ...empty, serverDate: 'Tue, 04 Mar 2025 05:05:07 GMT' }, NOW);
    expect(facts.clockOffsetSeconds).toBe('60');
  });
});

describe('fillFacts', () => {
  it('fills known facts, uses fallbacks, and marks the rest unknown', () => {
    expect(fillFacts('code {supportCode}', { supportCode: 'A1' })).toBe('code A1');
    expect(fillFacts('code {supportCode|none}', {})).toBe('code none');
    expect(fillFacts('code {supportCode|none}', { supportCode: 'A1' })).toBe('code A1');
    expect(fillFacts('code {supportCode}', {})).toBe('code (unknown)');
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(fillFacts('Support{0} and {"a": 1}', {})).toBe('Support{0} and {"a": 1}');
  });

  it('does not read inherited properties as facts', () => {
    expect(fillFacts('{toString|none}', {})).toBe('none');
  });

  it('lists placeholders with whether they have a fallback', () => {
    expect(placeholdersIn('{a} and {b|x}')).toEqual([
      { name: 'a', hasFallback: false },
      { name: 'b', hasFallback: true },
    ]);
  });
});
