// The last sweep before a result is kept: every string of a plain value, keys too, loses the secrets.
import { describe, expect, it } from 'vitest';
import { redactValue } from '../../main/privacy/redact.js';

describe('redactValue', () => {
  it('removes a secret and its encodings from nested strings and keys, and leaves the rest as it was', () => {
    const secret = 'pa ss/"wörd"';
    const value = {
      message: `said ${secret}`,
      steps: [{ url: `https://x.example/?p=${encodeURIComponent(secret)}`, count: 3, ok: true, none: null }],
      facts: { [`key ${secret}`]: JSON.stringify({ echoed: secret }) },
    };
    const swept = redactValue(value, [secret]);
    expect(JSON.stringify(swept)).not.toMatch(/ss\/|%2F|wörd/);
    expect(swept).toEqual({
      message: 'said [redacted]',
      steps: [{ url: 'https://x.example/?p=[redacted]', count: 3, ok: true, none: null }],
      facts: { 'key [redacted]': '{"echoed":"[redacted]"}' },
    });
  });

  it('a secret with a lone surrogate (no URL-encoded form) is still removed as typed', () => {
    const secret = 'abc\ud800def';
    expect(redactValue({ text: `x${secret}y` }, [secret])).toEqual({ text: 'x[redacted]y' });
  });
});
