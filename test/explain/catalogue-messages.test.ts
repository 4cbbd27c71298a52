// Every row of Arena's catalogue, its template filled with sample values, is recognised back: the right
// entry first and every placeholder's value extracted, plain and as an admin would paste it (curly
// quotes, extra white space and line breaks, text around it, the error code beside it).
import { describe, expect, it } from 'vitest';
import { explainCatalogue, explainMessage } from '../../main/explain/explain.js';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { STAGES } from '../../main/knowledge/stages.js';

const NOW = new Date('2026-03-04T05:06:07.000Z');

/** Distinct sample values per fact name; spaces and digits included where Arena's would have them. */
const SAMPLES: Record<string, string> = {
  guid: 'J1L49Y1KSGZ9SBNUN5OX',
  category: 'Mechanical Part',
  attribute: 'Critical Part',
  attributeGuid: '0I2LQFJ66IZH0JY1VR5G',
  value: 'TBD 1.225',
  maxLength: '10',
  maxValues: '2',
  decimals: '0',
  excludedText: 'N/A',
  header: 'X-Item-Number-Reservation-ID',
  quantity: '3',
  itemGuid: 'VDXGLADW4SBJ2GY3EITQ',
  itemNumber: '100-0001',
  refdes: 'R6 R7',
  bomLineGuid: 'N5P8D25OWK3ATC1ZJM6C',
  supportCode: 'X7Q2-19',
};

function fill(template: string, captures: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_all, index: string) => SAMPLES[captures[Number(index)] ?? ''] ?? `(no sample for {${index}})`);
}

/** As Onshape might show it and an admin copy it: curly quotes, white space widened, line breaks. */
function asPasted(message: string): string {
  let open = true;
  const curly = message.replace(/"/g, () => {
    const quote = open ? '\u201C' : '\u201D';
    open = !open;
    return quote;
  });
  return curly.replace(/ /g, (_space, offset: number) => (offset % 3 === 0 ? ' \n  ' : '  '));
}

const ROWS = explainCatalogue();

describe('explaining each row of the catalogue', () => {
  it('covers the 71 rows', () => {
    expect(ROWS).toHaveLength(71);
  });

  for (const row of ROWS) {
    const documented = row.entry.documented;
    if (!documented) continue;
    const captures = documented.captures ?? [];
    const message = fill(documented.message, captures);
    const stage = STAGES[documented.source]?.label ?? '';

    describe(`${row.entry.id}: ${message}`, () => {
      it('is recognised from the message alone, the entry among the best and its values extracted', () => {
        const explained = explainMessage(message, { now: NOW });
        expect(explained.recognized).toBe(true);
        const best = explained.candidates.filter((candidate) => candidate.matchedBy === 'message');
        const mine = best.find((candidate) => candidate.id === row.entry.id);
        expect(mine, `candidates: ${best.map((candidate) => candidate.id).join(', ')}`).toBeDefined();
        for (const name of captures) expect(mine?.facts[name], name).toBe(SAMPLES[name]);
        // Several entries share this message: when their fixes differ a question tells them apart,
        // offering this one's stage; when they agree (3066 adding or removing a file) nothing is asked.
        const fixes = new Set(explained.diagnoses.map((d) => JSON.stringify(d.causes)));
        if (fixes.size > 1) expect(explained.question?.options.map((option) => option.candidateId)).toContain(row.entry.id);
        else expect(explained.question).toBeNull();
      });

      it('is recognised first when pasted with text around it, curly quotes, white space and its code', () => {
        const pasted = `While ${stage.toLowerCase()}:\n  Sync failed: ${asPasted(message)}   (Error ${row.code})\n`;
        const explained = explainMessage(pasted, { now: NOW });
        expect(explained.candidates[0]?.id).toBe(row.entry.id);
        expect(explained.candidates[0]?.matchedBy).toBe('message');
        for (const name of captures) expect(explained.candidates[0]?.facts[name], name).toBe(SAMPLES[name]);
        // The values reach the advice, not only the facts.
        const advice = JSON.stringify(explained.diagnoses[0]);
        for (const name of captures) {
          if (JSON.stringify(row.entry).includes(`{${name}|`)) expect(advice).toContain(SAMPLES[name]);
        }
        expect(advice).not.toMatch(/\{[A-Za-z]+(\|[^}]*)?\}|\(unknown\)/);
      });
    });
  }
});

describe('quotes as the pages mix them', () => {
  const category = '“J1L49Y1KSGZ9SBNUN5OX””Mechanical Part”';
  it.each([
    ['doubled curly', `The category guid ${category} does not have a number format.`],
    ['straight with a space', 'The category guid "J1L49Y1KSGZ9SBNUN5OX" "Mechanical Part" does not have a number format.'],
    ['JSON-escaped', '{"message":"The category guid \\"J1L49Y1KSGZ9SBNUN5OX\\" \\"Mechanical Part\\" does not have a number format."}'],
    ['no final full stop', 'The category guid "J1L49Y1KSGZ9SBNUN5OX" "Mechanical Part" does not have a number format'],
  ])('%s', (_name, text) => {
    const explained = explainMessage(text, { now: NOW });
    expect(explained.candidates.map((candidate) => candidate.id)).toEqual(['reserve.3214']);
    expect(explained.candidates[0]?.facts).toEqual({ guid: 'J1L49Y1KSGZ9SBNUN5OX', category: 'Mechanical Part' });
  });

  it("matches the form Arena's examples show beside the template", () => {
    const explained = explainMessage('The additional attribute "Critical Part" (guid 0I2LQFJ66IZH0JY1VR5G) is required.', { now: NOW });
    expect(explained.candidates[0]?.id).toBe('item.2008');
    expect(explained.candidates[0]?.facts).toEqual({ attribute: 'Critical Part', attributeGuid: '0I2LQFJ66IZH0JY1VR5G' });
  });

  it('keeps the more specific of two templates that both fit ("…" vs "… (guid …)")', () => {
    const explained = explainMessage('The specified value "X" is not a valid option for additional attribute "RoHS Compliant" (guid G1).', {
      now: NOW,
    });
    expect(explained.candidates.map((candidate) => candidate.id)).toEqual(['item.2021']);
  });
});

describe('a message retyped without its quotes', () => {
  it.each([
    ['The attribute description is required.', 'item.3001', { attribute: 'description' }],
    [
      'The category Mechanical Part (guid J1L49Y1KSGZ9SBNUN5OX) is deleted',
      'reserve.3238',
      { guid: 'J1L49Y1KSGZ9SBNUN5OX', category: 'Mechanical Part' },
    ],
    ['The value TBD for attribute name cannot include lowercase characters.', null, null],
    [
      'The specified value X is not a valid option for additional attribute RoHS Compliant.',
      'item.2002',
      { value: 'X', attribute: 'RoHS Compliant' },
    ],
  ])('%s', (text, id, facts) => {
    const explained = explainMessage(text, { now: NOW });
    if (id === null) {
      // Not a catalogue message however the quotes are read: nothing is guessed.
      expect(explained.recognized).toBe(false);
      return;
    }
    const mine = explained.candidates.find((candidate) => candidate.id === id);
    expect(mine?.matchedBy).toBe('message');
    expect(mine?.facts).toEqual(facts);
  });

  it('prefers the quoted reading when the quotes are there', () => {
    // With quotes, "RoHS Compliant" is one value; the quote-dropping pass is not even tried.
    const explained = explainMessage('The specified value "X" is not a valid option for additional attribute "RoHS Compliant".', {
      now: NOW,
    });
    expect(explained.candidates[0]?.facts).toEqual({ value: 'X', attribute: 'RoHS Compliant' });
  });
});

describe("a check reads the same values out of Arena's message", () => {
  it('quotes the attribute of a 3001 in the advice', () => {
    const d = diagnose(
      {
        endpoint: 'PUT /items',
        httpStatus: 400,
        errorCode: 3001,
        message: 'The attribute “description” is required.',
        budget: null,
        serverDate: null,
      },
      { now: NOW },
    );
    expect(d.facts).toEqual({ attribute: 'description' });
    expect(d.meaning).toContain('"description"');
  });
});
