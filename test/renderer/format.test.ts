// The screens read Arena's times with the diagnosis's own rule (common/instant.ts).
import { describe, expect, it } from 'vitest';
import { localTime } from '../../renderer/src/lib/format';

describe('localTime', () => {
  it.each([
    ['epoch seconds', '1767225600', new Date(1_767_225_600_000)],
    ['epoch milliseconds', '1767225600000', new Date(1_767_225_600_000)],
    ['an ISO date', '2026-01-01T00:00:00Z', new Date('2026-01-01T00:00:00Z')],
    ['an HTTP date', 'Thu, 01 Jan 2026 00:00:00 GMT', new Date('2026-01-01T00:00:00Z')],
  ])('shows %s in local time', (_label, raw, date) => {
    expect(localTime(` ${raw} `)).toBe(date.toLocaleString());
  });

  it('keeps text it cannot read as it was', () => {
    expect(localTime('soon')).toBe('soon');
    expect(localTime('')).toBe('');
  });
});
