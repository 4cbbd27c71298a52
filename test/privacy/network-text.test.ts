// Network text as a terminal or a report shows it: no escape sequence, control, bidi or zero-width
// character survives, whatever a server sends, and ordinary text is kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkText, withoutEscapeSequences } from '../../main/privacy/network-text.js';
import { fuzzParameters } from '../fuzz/clear-message.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe('networkText', () => {
  it.each([
    ['colour', 'Work\u001b[31;1mspace\u001b[0m', 'Workspace'],
    ['window title (OSC, BEL)', 'A\u001b]0;owned\u0007B', 'AB'],
    ['hyperlink (OSC 8, ST)', '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['C1 CSI', 'A\u009b2JB', 'AB'],
    ['C1 OSC', 'A\u009d0;t\u009cB', 'AB'],
    ['cursor save and keypad', 'A\u001b7\u001b=B', 'AB'],
    ['bidi override', 'abc\u202edcb\u202c', 'abcdcb'],
    ['zero-width', 'a\u200bb\ufeffc', 'abc'],
    ['line breaks and tabs', 'one\r\ntwo\tthree\u2028four\u0085five', 'one two three four five'],
    ['a lone surrogate', 'a\ud800b', 'a\ufffdb'],
    ['ordinary text', 'EveryRoad GPS — Ünïcödé 日本', 'EveryRoad GPS — Ünïcödé 日本'],
  ])('handles %s', (_name, input, expected) => {
    expect(networkText(input)).toBe(expected);
  });

  it('leaves no unsafe character, is idempotent, never throws (property)', () => {
    const hostile = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          '\u001b',
          '[',
          ']',
          '\u0007',
          '\\',
          '\u009b',
          '\u009d',
          '\u009c',
          '\u202e',
          '\u200b',
          '\n',
          ';',
          '0',
          'm',
          'P',
          '^',
          '_',
        ),
        fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
      ),
      maxLength: 120,
    });
    fc.assert(
      fc.property(hostile, (text) => {
        const clean = networkText(text);
        expect(clean).not.toMatch(UNSAFE);
        expect(networkText(clean)).toBe(clean);
        expect(withoutEscapeSequences(clean)).toBe(clean);
      }),
      fuzzParameters(1_000),
    );
  });
});
