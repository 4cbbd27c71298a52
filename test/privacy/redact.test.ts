// The redactor as a hostile server would test it: each secret echoed in every encoding and split by
// every invisible separator must go, whole, and text without a secret must come back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkText } from '../../main/privacy/network-text.js';
import { REDACTED, holdsSecret, redact, redactValue, redactedPrefix } from '../../main/privacy/redact.js';
import { removeTags } from '../support/html-text.js';
import { sentinelHits } from '../support/sentinels.js';
import { fuzzParameters } from '../fuzz/clear-message.js';

const secret = 'WT-sentinel-1234567890';
const hex = (character: string, upper = false): string => {
  const code = character.charCodeAt(0).toString(16).padStart(2, '0');
  return upper ? code.toUpperCase() : code;
};

/** One way a server may write a single character of a secret. */
const CHARACTER_FORMS: Record<string, (character: string) => string> = {
  raw: (character) => character,
  decimalEntity: (character) => `&#${character.charCodeAt(0)};`,
  hexEntity: (character) => `&#x${hex(character)};`,
  upperHexEntity: (character) => `&#X${hex(character, true)};`,
  percentLower: (character) => `%${hex(character)}`,
  percentUpper: (character) => `%${hex(character, true)}`,
  jsonUnicode: (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  jsonUnicodeUpper: (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
};

/** What may sit between two characters of an echoed secret and vanish when shown. */
const SEPARATORS = [
  '\u0000',
  '\u0007',
  '\r\n',
  '\t',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u009b2J',
  '\u200b',
  '\u202e',
  '\u00ad',
  '\ufeff',
  '<b>',
  '</span>',
  '<br/>',
  '<!-- x -->',
];

describe('redact', () => {
  it('removes a secret in plain, URL-encoded and JSON-escaped forms', () => {
    const secret = 'p@ss "word"/1';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret).slice(1, -1)} d`;
    expect(redact(text, [secret])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d`);
  });

  it.each(Object.entries(CHARACTER_FORMS))('recognises a secret written character by character as %s', (_name, form) => {
    const echoed = [...secret].map(form).join('');
    expect(redact(`before ${echoed} after`, [secret])).toBe(`before ${REDACTED} after`);
  });

  it('recognises named entities, a lowercase %2f and double encoding', () => {
    const password = 'PW.sentinel!@/9876';
    const named = password.replace('.', '&period;').replace('!', '&excl;').replace('@', '&commat;').replace('/', '&sol;');
    expect(redact(`x ${named} y`, [password])).toBe(`x ${REDACTED} y`);
    expect(redact(`x ${encodeURIComponent(password).replace('%2F', '%2f').replace('%40', '%40')} y`, [password])).toBe(`x ${REDACTED} y`);
    expect(redact(`x ${encodeURIComponent(encodeURIComponent(password))} y`, [password])).toBe(`x ${REDACTED} y`);
    expect(redact(`x ${named.replace(/&/g, '&amp;')} y`, [password])).toBe(`x ${REDACTED} y`);
  });

  it.each(SEPARATORS)('removes a secret split by %j whole, so removing the separator later rebuilds nothing', (separator) => {
    const split = `${secret.slice(0, 7)}${separator}${secret.slice(7, 12)}${separator}${secret.slice(12)}`;
    const result = redact(`«${split}»`, [secret]);
    expect(result).toBe(`«${REDACTED}»`);
    // What a renderer does afterwards: tags and controls out.
    expect(networkText(removeTags(result))).not.toContain(secret.slice(0, 7));
  });

  it('copes with a secret holding a lone surrogate (it has no URL-encoded form)', () => {
    const secret = 'abc\uD800def';
    expect(() => redact(`x ${secret} y`, [secret])).not.toThrow();
    expect(redact(`x ${secret} y`, [secret])).toBe(`x ${REDACTED} y`);
  });

  it('leaves very short secrets alone rather than blanking ordinary words', () => {
    expect(redact('the cat sat', ['at'])).toBe('the cat sat');
  });

  it('redacts every string of a parsed value, keys included', () => {
    const value = { message: `echo ${secret}`, nested: [{ [secret]: 1, workspaceName: `W ${secret}` }], count: 3, none: null };
    expect(redactValue(value, [secret])).toEqual({
      message: `echo ${REDACTED}`,
      nested: [{ [REDACTED]: 1, workspaceName: `W ${REDACTED}` }],
      count: 3,
      none: null,
    });
  });

  it('cuts a long text without leaving part of a secret at the cut', () => {
    for (let at = 0; at < 40; at += 1) {
      const text = `${'x'.repeat(990 + at)}${secret}${'y'.repeat(50)}`;
      const cut = redactedPrefix(text, [secret], 1000);
      expect(cut.length).toBeLessThanOrEqual(1001);
      expect(cut).not.toMatch(/WT-s|890/);
    }
  });

  it('finds a secret in any mix of encodings and separators (property)', () => {
    const secretText = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.!@/+= "\'&%<>\\'.split('')), minLength: 6, maxLength: 30 });
    const formName = fc.constantFrom(...Object.keys(CHARACTER_FORMS));
    fc.assert(
      fc.property(
        secretText,
        fc.array(fc.tuple(formName, fc.option(fc.constantFrom(...SEPARATORS), { nil: undefined })), { minLength: 30, maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (value, forms, before, after) => {
          const echoed = [...value]
            .map((character, index) => {
              const [name = 'raw', separator] = forms[index] ?? [];
              return (CHARACTER_FORMS[name] ?? ((raw: string) => raw))(character) + (index < value.length - 1 ? (separator ?? '') : '');
            })
            .join('');
          const result = redact(`${before}${echoed}${after}`, [value]);
          expect(holdsSecret(result, [value])).toBe(false);
          expect(sentinelHits(result, [value])).toEqual([]);
        },
      ),
      fuzzParameters(400),
    );
  });

  it('changes nothing in text that holds no secret (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const absent = 'Q9-absent-secret-Z7';
        fc.pre(!sentinelHits(text, [absent]).length);
        expect(redact(text, [absent])).toBe(text);
      }),
      fuzzParameters(400),
    );
  });
});
