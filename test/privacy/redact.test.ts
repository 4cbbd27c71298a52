import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../main/privacy/redact.js';

describe('redact', () => {
  it('removes a secret in plain, URL-encoded and JSON-escaped forms', () => {
    const secret = 'p@ss "word"/1';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret).slice(1, -1)} d`;
    expect(redact(text, [secret])).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d`);
  });

  it('copes with a secret holding a lone surrogate (it has no URL-encoded form)', () => {
    const secret = 'abc\uD800def';
    expect(() => redact(`x ${secret} y`, [secret])).not.toThrow();
    expect(redact(`x ${secret} y`, [secret])).toBe(`x ${REDACTED} y`);
  });

  it('leaves very short secrets alone rather than blanking ordinary words', () => {
    expect(redact('the cat sat', ['at'])).toBe('the cat sat');
  });
});
