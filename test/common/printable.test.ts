import { describe, expect, it } from 'vitest';
import { printable } from '../../common/printable.js';

describe('printable: typed input echoed in a message', () => {
  it('turns controls, C1 escapes and line separators into "?" so the message stays one line', () => {
    expect(printable('a\u001b[2Jb\nc\u009bd\u2028e')).toBe('a?[2Jb?c?d?e');
  });
  it('shortens long input to 60 characters and says so', () => {
    const echoed = printable('x'.repeat(200));
    expect(echoed).toBe(`${'x'.repeat(60)}…`);
  });
});
