// Wrong and hostile input: nothing throws but over-long text, nothing is guessed, and the work done is
// linear in the input. Work is measured by the matcher's step counter, never by the clock.
import { describe, expect, it } from 'vitest';
import { MAX_EXPLAIN_INPUT_CHARS } from '../../common/explanation.js';
import { explainCatalogue, explainMessage } from '../../main/explain/explain.js';
import { MAX_CAPTURE_CHARS } from '../../main/explain/message-template.js';

const NOW = new Date('2026-03-04T05:06:07.000Z');

function steps(text: string): number {
  const counter = { steps: 0 };
  explainMessage(text, { now: NOW, counter });
  return counter.steps;
}

const repeat = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('hostile input', () => {
  it('explains empty and blank text as not recognised, with the generic guidance', () => {
    for (const text of ['', '   \n\t ']) {
      const explained = explainMessage(text, { now: NOW });
      expect(explained.recognized).toBe(false);
      expect(explained.candidates).toEqual([]);
      expect(explained.diagnoses.map((d) => d.id)).toEqual(['unknown']);
    }
  });

  it('refuses 10 001 characters and accepts 10 000', () => {
    expect(() => explainMessage('x'.repeat(MAX_EXPLAIN_INPUT_CHARS + 1), { now: NOW })).toThrow(RangeError);
    expect(
      explainMessage(`${'x'.repeat(MAX_EXPLAIN_INPUT_CHARS - 20)} Quantity must be positive.`.slice(-MAX_EXPLAIN_INPUT_CHARS), { now: NOW })
        .recognized,
    ).toBe(true);
  });

  it('survives binary noise, shows no control character back, and still finds a message inside it', () => {
    const bytes = Array.from({ length: 4000 }, (_v, i) => String.fromCharCode((i * 131 + 7) % 256)).join('');
    const explained = explainMessage(`${bytes}\u0000The file content is missing.\u001b[2J${bytes}`, { now: NOW });
    expect(explained.candidates[0]?.id).toBe('add-file.3033');
    expect(explained.input).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(() => explainMessage('\ud800\udfff\udc00 lone surrogates \ud83d', { now: NOW })).not.toThrow();
  });

  it('keeps an unknown message word for word and says it is not recognised', () => {
    const explained = explainMessage('Access not allowed.', { now: NOW });
    expect(explained.recognized).toBe(false);
    expect(explained.input).toBe('Access not allowed.');
    expect(explained.diagnoses[0]?.arenaMessage).toBe('Access not allowed.');
  });

  it("masks a value written after a secret's label, and only that", () => {
    const explained = explainMessage('X-Web-Token: Zx81KqPw0 password="hunter22" The request header X-Web-Token is not valid.', {
      now: NOW,
    });
    expect(explained.input).not.toContain('Zx81KqPw0');
    expect(explained.input).not.toContain('hunter22');
    expect(JSON.stringify(explained)).not.toMatch(/Zx81KqPw0|hunter22/);
    expect(explained.candidates[0]?.facts).toEqual({ header: 'X-Web-Token' });
  });
});

describe('messages from a neighbouring endpoint', () => {
  it('does not take a BOM quantity message for an item attribute one, nor the reverse', () => {
    expect(explainMessage('Quantity must be positive.', { now: NOW }).candidates.map((c) => c.id)).toEqual(['bom.3227']);
    const item = explainMessage('The value "-1" for additional attribute "POS Number 1" must be positive.', { now: NOW });
    expect(item.candidates.map((c) => c.id)).toEqual(['item.2005']);
  });

  it("does not take the item page's 2014 for the BOM page's, whose GUID comes first", () => {
    const bom = explainMessage('Empty or blank is not a valid option for additional attribute "Q8SBG58RZN4M5O7Q9QTV""OnShapeCreated".', {
      now: NOW,
    });
    expect(bom.candidates.map((c) => c.id)).toEqual(['bom.2014']);
    expect(bom.candidates[0]?.facts).toEqual({ attributeGuid: 'Q8SBG58RZN4M5O7Q9QTV', attribute: 'OnShapeCreated' });
  });

  it('recognises nothing from an endpoint outside the published tables', () => {
    // GET /settings/users answers with messages of its own; none is in the catalogue.
    expect(explainMessage('The requested resource does not exist for GET /settings/users?email=a@b.c', { now: NOW }).recognized).toBe(
      false,
    );
  });
});

describe('bare codes', () => {
  it('recognises a code alone, with or without "Error"', () => {
    for (const text of ['3238', 'Error 3238', 'error: 3238.']) {
      const explained = explainMessage(text, { now: NOW });
      expect(explained.candidates.map((c) => [c.id, c.matchedBy])).toEqual([['reserve.3238', 'code']]);
      expect(explained.question).toBeNull();
    }
  });

  it('ranks the tables that share a code, and asks which stage it was', () => {
    const explained = explainMessage('3024', { now: NOW });
    expect(explained.candidates.map((c) => c.id).sort()).toEqual(['add-file.3024', 'create-item.3024', 'remove-file.3024', 'reserve.3024']);
    expect(explained.question?.text).toBe('What were you doing in Onshape when this appeared?');
    expect(explained.question?.options).toHaveLength(4);
  });

  it.each([
    ['3024 releasing a part', 'create-item.3024'],
    ['3024 while reserving numbers', 'reserve.3024'],
    ['3024 adding a drawing', 'add-file.3024'],
    ['BOM 3034', 'remove-bom.3034'],
    ['Error 2002 on the BOM', 'bom.2002'],
    ['2002 updating a part property', 'item.2002'],
  ])('puts the stage named first: %s', (text, id) => {
    expect(explainMessage(text, { now: NOW }).candidates[0]?.id).toBe(id);
  });

  it('does not read codes out of GUIDs, reference designators or longer numbers', () => {
    for (const text of ['N5P8D25OWK3ATC1ZJM6C', 'R3024', '1230245', '3024x']) {
      expect(explainMessage(text, { now: NOW }).recognized, text).toBe(false);
    }
  });
});

describe('work grows linearly with the input', () => {
  const forms = explainCatalogue().reduce((sum, row) => sum + 1 + (row.entry.documented?.variants?.length ?? 0), 0);
  // Each form: at most 8 starts of its first piece, plus the retry without a final full stop, each a KMP scan
  // of at most 2 steps a character; twice (with quotes, then with quotes dropped); plus the code scan,
  // stage words and secret labels (small constants).
  const bound = (n: number) => 2 * 2 * (8 + 2) * forms * n + 200 * n;

  it.each([
    ['a run of quotes', '"'],
    ['alternating quotes and letters', '“a”'],
    ['a first piece repeated', 'The attribute “'],
    ['first pieces with values that never end', 'The category "x'],
    ['a near-miss of a long template', 'The value "1" for additional attribute "A" allows "'],
    ['digits', '3'],
    ['secret labels', 'password: '],
    // Every start finds the end of the message, too far away: each retry rescans, so retries must be bounded.
    ['first pieces, the last piece far away', 'The attribute “x ', '” is required.'],
  ])('%s', (_name, unit, tail = '') => {
    const half = steps(repeat(unit, MAX_EXPLAIN_INPUT_CHARS / 2 - tail.length) + tail);
    const full = steps(repeat(unit, MAX_EXPLAIN_INPUT_CHARS - tail.length) + tail);
    expect(full).toBeLessThanOrEqual(bound(MAX_EXPLAIN_INPUT_CHARS));
    // Doubling the input at most doubles the work (plus slack for the constant part): no quadratic term.
    expect(full).toBeLessThanOrEqual(2.2 * half + 10_000);
  });

  it('cuts a value off rather than spanning the whole text', () => {
    const explained = explainMessage(`The attribute “${'x'.repeat(MAX_CAPTURE_CHARS + 1)}” is required.`, { now: NOW });
    expect(explained.recognized).toBe(false);
  });
});
