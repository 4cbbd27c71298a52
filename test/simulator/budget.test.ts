import { describe, expect, it } from 'vitest';
import { formatPacific, nextPacificMidnight } from '../../main/simulator/budget.js';
import { ipAllowed } from '../../main/simulator/ip-allow-list.js';
import { ManualClock, OffsetClock } from '../../main/simulator/clock.js';

describe('nextPacificMidnight', () => {
  it.each([
    ['winter evening', '2025-01-15T07:59:59Z', '2025-01-15T08:00:00.000Z'],
    ['winter, just after midnight', '2025-01-15T08:00:00Z', '2025-01-16T08:00:00.000Z'],
    ['summer', '2025-07-01T12:00:00Z', '2025-07-02T07:00:00.000Z'],
    ['day DST starts (clocks skip 02:00)', '2025-03-09T09:30:00Z', '2025-03-10T07:00:00.000Z'],
    ['evening before DST ends', '2025-11-02T06:59:59Z', '2025-11-02T07:00:00.000Z'],
    ['day DST ends (25 hours long)', '2025-11-02T07:30:00Z', '2025-11-03T08:00:00.000Z'],
    ['new year', '2025-12-31T23:00:00Z', '2026-01-01T08:00:00.000Z'],
  ])('%s', (_label, now, expected) => {
    expect(new Date(nextPacificMidnight(Date.parse(now))).toISOString()).toBe(expected);
  });
});

describe('formatPacific', () => {
  it('writes Pacific wall time with its offset, parseable back to the same instant', () => {
    const winter = Date.parse('2026-01-01T08:00:00Z');
    const summer = Date.parse('2025-07-02T07:00:00Z');
    expect(formatPacific(winter)).toBe('2026-01-01T00:00:00-08:00');
    expect(formatPacific(summer)).toBe('2025-07-02T00:00:00-07:00');
    expect(Date.parse(formatPacific(winter))).toBe(winter);
  });
});

describe('ipAllowed', () => {
  it('allows everyone when the list is empty', () => {
    expect(ipAllowed([], '127.0.0.1')).toBe(true);
  });
  it('matches CIDR ranges and single addresses, including IPv4-mapped IPv6 clients', () => {
    expect(ipAllowed(['203.0.113.0/24'], '127.0.0.1')).toBe(false);
    expect(ipAllowed(['203.0.113.0/24'], '203.0.113.77')).toBe(true);
    expect(ipAllowed(['127.0.0.0/8'], '::ffff:127.0.0.1')).toBe(true);
    expect(ipAllowed(['198.51.100.4'], '198.51.100.4')).toBe(true);
    expect(ipAllowed(['198.51.100.4'], '198.51.100.5')).toBe(false);
    expect(ipAllowed(['2001:db8::/32'], '2001:db8::1')).toBe(true);
  });
  it('lets a malformed entry allow nobody', () => {
    expect(ipAllowed(['not-an-ip/8'], '127.0.0.1')).toBe(false);
  });
});

describe('clocks', () => {
  it('ManualClock moves only when told', () => {
    const c = new ManualClock(1000);
    expect(c.now()).toBe(1000);
    c.advance(500);
    expect(c.now()).toBe(1500);
    c.set(10);
    expect(c.now()).toBe(10);
  });
  it('OffsetClock follows its base plus what it was advanced by', () => {
    const base = new ManualClock(5000);
    const c = new OffsetClock(base);
    base.advance(100);
    c.advance(1000);
    expect(c.now()).toBe(6100);
  });
});
