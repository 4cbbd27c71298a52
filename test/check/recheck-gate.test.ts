import { describe, expect, it } from 'vitest';
import type { CheckReport, Diagnosis, RecheckPolicy, StepResult } from '../../common/check-report.js';
import { RecheckGuard, reportKey, targetKey } from '../../main/check/recheck-gate.js';
import { checkReport, stepResult } from '../support/report-builders.js';

// ---- a small builder for full CheckReport objects, and a clock the test moves by hand

const T0 = new Date('2025-05-01T10:00:00.000Z');

function clockAt(start: Date): { now: () => Date; set: (minutes: number, seconds?: number) => void } {
  let current = start;
  return {
    now: () => new Date(current.getTime()),
    set: (minutes, seconds = 0) => {
      current = new Date(start.getTime() + (minutes * 60 + seconds) * 1000);
    },
  };
}

function diagnosis(recheck: RecheckPolicy): Diagnosis {
  return { id: 'test.entry', title: 'Test', meaning: 'Test', causes: [], recheck, facts: {}, arenaMessage: null };
}

function step(overrides: Partial<StepResult> = {}): StepResult {
  return stepResult({ startedAt: T0.toISOString(), ...overrides });
}

function report(steps: StepResult[], overrides: Partial<CheckReport> = {}): CheckReport {
  return checkReport({ createdAt: T0.toISOString(), steps, ...overrides });
}

const TARGET = checkReport().target;

function failed(recheck: RecheckPolicy | null, overrides: Partial<CheckReport> = {}): CheckReport {
  return report(
    [step({ outcome: 'failed', httpStatus: 400, errorCode: 4083, diagnosis: recheck === null ? null : diagnosis(recheck) })],
    overrides,
  );
}

const passed = (): CheckReport => report([step()]);
const KEY = targetKey(TARGET);

describe('targetKey', () => {
  it('ignores case and trailing slashes, and keeps the parts apart', () => {
    expect(targetKey({ ...TARGET, apiUrl: 'https://API.arenasolutions.com/v1/', integrationEmail: 'Integration@Example.com' })).toBe(KEY);
    expect(targetKey({ ...TARGET, workspaceId: 1 })).not.toBe(KEY);
    expect(targetKey({ ...TARGET, userEmail: null })).not.toBe(KEY);
    expect(targetKey({ ...TARGET, userEmail: 'other@example.com' })).not.toBe(KEY);
    expect(targetKey({ ...TARGET, apiUrl: 'https://api.europe.arenaplm.com/v1' })).not.toBe(KEY);
  });
});

describe('RecheckGuard', () => {
  it('admits anything not yet recorded', () => {
    const guard = new RecheckGuard(() => T0);
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
    expect(guard.gateFor(KEY)).toEqual({ waitUntil: null, needsChange: false });
  });

  it('wait-five-minutes: refused at 4:59 even with a confirmed change, admitted at 5:00', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(failed('wait-five-minutes'));
    const retryAt = new Date(T0.getTime() + 5 * 60_000).toISOString();

    expect(guard.gateFor(KEY)).toEqual({ waitUntil: retryAt, needsChange: false });
    clock.set(4, 59);
    for (const confirmed of [false, true]) {
      const refused = guard.admit(KEY, confirmed);
      expect(refused).toMatchObject({ ok: false, code: 'recheck-wait', retryAt });
      if (!refused.ok) expect(refused.message).toMatch(/five minutes/);
    }
    clock.set(5, 0);
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
    expect(guard.gateFor(KEY)).toEqual({ waitUntil: null, needsChange: false });
  });

  it('after-change: needs the admin to confirm a change, however long ago', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(failed('after-change'));
    expect(guard.gateFor(KEY)).toEqual({ waitUntil: null, needsChange: true });
    clock.set(60 * 24);
    expect(guard.admit(KEY, false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
    expect(guard.admit(KEY, true)).toEqual({ ok: true });
  });

  it('now: admits at once', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(failed('now'));
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
  });

  it('a failure without a diagnosis needs a confirmed change', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(failed(null));
    expect(guard.admit(KEY, false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
  });

  it('takes the strictest policy of the failed steps', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(
      report([
        step({ outcome: 'failed', errorCode: 4083, diagnosis: diagnosis('wait-five-minutes') }),
        step({ step: 'logout', endpoint: 'PUT /logout', outcome: 'failed', errorCode: 'ECONNRESET', diagnosis: diagnosis('now') }),
      ]),
    );
    expect(guard.admit(KEY, true)).toMatchObject({ ok: false, code: 'recheck-wait' });
  });

  it('a passed check clears its key', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(failed('after-change'));
    guard.record(passed());
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
    expect(guard.gateFor(KEY)).toEqual({ waitUntil: null, needsChange: false });
  });

  it('a later failure replaces the earlier policy and time', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(failed('wait-five-minutes'));
    clock.set(6);
    guard.record(failed('after-change'));
    expect(guard.gateFor(KEY)).toEqual({ waitUntil: null, needsChange: true });
    guard.record(failed('wait-five-minutes'));
    clock.set(10, 59);
    expect(guard.admit(KEY, true)).toMatchObject({ ok: false, code: 'recheck-wait' });
    clock.set(11);
    expect(guard.admit(KEY, true)).toEqual({ ok: true });
  });

  it('different targets do not affect each other', () => {
    const guard = new RecheckGuard(() => T0);
    const other = { ...TARGET, userEmail: 'other@example.com' };
    guard.record(failed('wait-five-minutes'));
    expect(guard.admit(targetKey(other), false)).toEqual({ ok: true });
    guard.record(failed('after-change', { target: other }));
    guard.record(passed());
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
    expect(guard.admit(targetKey(other), false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
  });

  it('practice runs are kept apart from real checks of the same details', () => {
    const guard = new RecheckGuard(() => T0);
    const practice = failed('wait-five-minutes', { practiceScenario: 'locked-out' });
    guard.record(practice);
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
    expect(guard.admit(reportKey(practice), false)).toMatchObject({ ok: false, code: 'recheck-wait' });
  });

  it('a clock set back never makes the wait longer than five minutes from now', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(failed('wait-five-minutes'));
    clock.set(-60);
    expect(guard.admit(KEY, false)).toMatchObject({ ok: false, code: 'recheck-wait' });
    clock.set(-55);
    expect(guard.admit(KEY, false)).toEqual({ ok: true });
  });

  it('survives a restart through its state, dropping damaged entries', () => {
    const clock = clockAt(T0);
    const first = new RecheckGuard(clock.now);
    first.record(failed('wait-five-minutes'));
    const saved = { ...first.state(), broken: { policy: 'after-change' as const, failedAt: 'not a date' } };
    const second = new RecheckGuard(clock.now, JSON.parse(JSON.stringify(saved)));
    clock.set(4, 59);
    expect(second.admit(KEY, true)).toMatchObject({ ok: false, code: 'recheck-wait' });
    expect(second.admit('broken', false)).toEqual({ ok: true });
    expect(Object.keys(second.state())).toEqual([KEY]);
  });
});
