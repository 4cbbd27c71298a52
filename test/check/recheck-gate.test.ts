// The re-check guard's rules, with a clock moved by hand. Through the service and a real server:
// test/service/recheck-guard.test.ts.
import { describe, expect, it } from 'vitest';
import type { CheckReport, Diagnosis, RecheckPolicy, StepName, StepResult } from '../../common/check-report.js';
import { accountIdentity } from '../../main/accounts/identity.js';
import { ENDPOINT_PATHS, type ArenaCall } from '../../main/arena/request-shapes.js';
import { CHANGE_HOLD_MS, RecheckGuard, type GuardedTarget } from '../../main/check/recheck-gate.js';
import { checkReport, stepResult } from '../support/report-builders.js';

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

function step(name: ArenaCall, overrides: Partial<StepResult> = {}): StepResult {
  return stepResult({ step: name, endpoint: ENDPOINT_PATHS[name].endpoint, startedAt: T0.toISOString(), ...overrides });
}

const failedStep = (name: ArenaCall, recheck: RecheckPolicy | null, errorCode: number | string = 4089): StepResult =>
  step(name, { outcome: 'failed', httpStatus: 400, errorCode, diagnosis: recheck === null ? null : diagnosis(recheck) });
const skippedStep = (name: ArenaCall): StepResult => step(name, { outcome: 'skipped', httpStatus: null, skippedReason: 'test' });

function report(steps: StepResult[], overrides: Partial<CheckReport> = {}): CheckReport {
  return checkReport({ createdAt: T0.toISOString(), steps, ...overrides });
}

const INTEGRATION: GuardedTarget = {
  account: 'integration',
  identity: accountIdentity({ workspaceId: 42, email: 'integration@example.com' }),
  mark: 'mark-of-token-A',
  secretName: 'WebToken',
};
const USER: GuardedTarget = {
  account: 'user',
  identity: accountIdentity({ workspaceId: 42, email: 'designer@example.com' }),
  mark: 'mark-of-password-P',
  secretName: 'password',
};
const BOTH = [INTEGRATION, USER];
const ALL_SENT = new Set<StepName>(['login', 'authorize', 'logout']);

const loginFailed = (recheck: RecheckPolicy | null, code: number | string = 4089): CheckReport =>
  report([failedStep('login', recheck, code), skippedStep('authorize'), skippedStep('logout')]);
const allPassed = (): CheckReport => report([step('login'), step('authorize'), step('logout')]);

describe('RecheckGuard', () => {
  it('admits anything not yet recorded', () => {
    const guard = new RecheckGuard(() => T0);
    expect(guard.admit(BOTH, false)).toEqual({ ok: true });
    expect(guard.gateFor(INTEGRATION)).toEqual({ waitUntil: null, needsChange: false, reason: null });
  });

  it('a 4083 holds the account five minutes whatever changed: a confirmation, a new secret, an added Onshape user', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(loginFailed('wait-five-minutes', 4083), new Set(['login']), [INTEGRATION]);
    const retryAt = new Date(T0.getTime() + 5 * 60_000).toISOString();
    clock.set(4, 59);
    for (const targets of [[INTEGRATION], [{ ...INTEGRATION, mark: 'mark-of-token-B' }], BOTH]) {
      for (const confirmed of [false, true]) {
        const refused = guard.admit(targets, confirmed);
        expect(refused).toMatchObject({ ok: false, code: 'recheck-wait', account: 'integration', retryAt });
        if (!refused.ok) expect(refused.message).not.toMatch(/\d{4}-\d\d-\d\dT/);
      }
    }
    clock.set(5, 0);
    expect(guard.admit(BOTH, false)).toEqual({ ok: true });
  });

  it('a refused credential needs a confirmation, or a different secret; the same one, loaded again, is refused', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(loginFailed('after-change'), new Set(['login']), [INTEGRATION]);
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false, code: 'recheck-needs-change', account: 'integration' });
    expect(guard.gateFor(INTEGRATION)).toMatchObject({ needsChange: true, reason: expect.stringMatching(/refused.*4089.*same WebToken/) });
    // No secret to compare (nothing typed) is no change either.
    expect(guard.admit([{ ...INTEGRATION, mark: null }], false)).toMatchObject({ ok: false });
    expect(guard.admit([{ ...INTEGRATION, mark: 'mark-of-token-B' }], false)).toEqual({ ok: true });
    expect(guard.admit([INTEGRATION], true)).toEqual({ ok: true });
  });

  it('a refused hold expires after a day', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(loginFailed('after-change'), new Set(['login']), [INTEGRATION]);
    clock.set(CHANGE_HOLD_MS / 60_000 - 1);
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false });
    clock.set(CHANGE_HOLD_MS / 60_000);
    expect(guard.admit([INTEGRATION], false)).toEqual({ ok: true });
  });

  it('a failure without a diagnosis needs a confirmed change; a "now" failure keeps an earlier hold', () => {
    const guard = new RecheckGuard(() => T0);
    guard.record(loginFailed(null), new Set(['login']), [INTEGRATION]);
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
    guard.record(loginFailed('now', 503), new Set(['login']), [INTEGRATION]);
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
    guard.record(allPassed(), ALL_SENT, BOTH);
    expect(guard.admit(BOTH, false)).toEqual({ ok: true });
  });

  it('holds the integration user and the Onshape user apart', () => {
    const guard = new RecheckGuard(() => T0);
    const userLocked = report([step('login'), failedStep('authorize', 'wait-five-minutes', 4083), step('logout')]);
    guard.record(userLocked, ALL_SENT, BOTH);
    expect(guard.admit([INTEGRATION], false)).toEqual({ ok: true });
    expect(guard.admit(BOTH, true)).toMatchObject({ ok: false, code: 'recheck-wait', account: 'user' });
    const otherUser = { ...USER, identity: accountIdentity({ workspaceId: 42, email: 'someone.else@example.com' }) };
    expect(guard.admit([INTEGRATION, otherUser], false)).toEqual({ ok: true });
  });

  it('a credential that may have reached Arena without an answer holds its account, even when cancelled', () => {
    const guard = new RecheckGuard(() => T0);
    const timedOut = report([
      step('login', { outcome: 'failed', httpStatus: null, errorCode: 'ETIMEDOUT', diagnosis: diagnosis('now') }),
      skippedStep('authorize'),
      skippedStep('logout'),
    ]);
    guard.record(timedOut, new Set(['login']), BOTH);
    expect(guard.gateFor(INTEGRATION)).toMatchObject({ needsChange: true, reason: expect.stringMatching(/answer never came/) });
    expect(guard.admit([USER], false)).toEqual({ ok: true });

    const cancelledAuthorize = report([step('login'), skippedStep('authorize'), step('logout')]);
    guard.record(cancelledAuthorize, ALL_SENT, BOTH);
    expect(guard.admit([INTEGRATION], false)).toEqual({ ok: true });
    expect(guard.admit(BOTH, false)).toMatchObject({ ok: false, code: 'recheck-needs-change', account: 'user' });
  });

  it('a request that never reached Arena holds nothing', () => {
    const guard = new RecheckGuard(() => T0);
    const refused = report([
      step('login', { outcome: 'failed', httpStatus: null, errorCode: 'ECONNREFUSED', diagnosis: diagnosis('now') }),
      skippedStep('authorize'),
      skippedStep('logout'),
    ]);
    guard.record(refused, new Set(), BOTH);
    expect(guard.admit(BOTH, false)).toEqual({ ok: true });
  });

  it('after a restart (no marks) a held account needs a confirmation even for a new secret, and says why', () => {
    const clock = clockAt(T0);
    const first = new RecheckGuard(clock.now);
    first.record(loginFailed('after-change'), new Set(['login']), [INTEGRATION]);
    first.record(report([step('login'), failedStep('authorize', 'wait-five-minutes', 4083)]), ALL_SENT, [
      { ...INTEGRATION, identity: accountIdentity({ workspaceId: 7, email: 'x@example.com' }) },
      USER,
    ]);
    const saved: unknown = JSON.parse(JSON.stringify(first.state()));
    expect(JSON.stringify(saved)).not.toContain('mark-of');
    const second = new RecheckGuard(clock.now, saved as ReturnType<RecheckGuard['state']>);
    expect(second.admit([{ ...INTEGRATION, mark: 'mark-of-token-B' }], false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
    expect(second.gateFor(INTEGRATION).reason).toMatch(/restarted/);
    clock.set(4, 59);
    expect(second.admit([USER], true)).toMatchObject({ ok: false, code: 'recheck-wait', account: 'user' });
  });

  it('a lost record makes every account not checked since need a confirmation, for a day', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now, { holds: {}, unknown: { since: T0.toISOString(), checked: [] } });
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false, code: 'recheck-needs-change' });
    expect(guard.gateFor(USER).reason).toMatch(/record .* was lost/);
    guard.record(allPassed(), ALL_SENT, [INTEGRATION]);
    expect(guard.admit([INTEGRATION], false)).toEqual({ ok: true });
    expect(guard.admit([USER], false)).toMatchObject({ ok: false });
    clock.set(24 * 60);
    expect(guard.admit([USER], false)).toEqual({ ok: true });
  });

  it('practice runs are kept apart from real checks, and only a lockout holds them', () => {
    const guard = new RecheckGuard(() => T0);
    guard.recordPractice(loginFailed('wait-five-minutes', 4083));
    guard.recordPractice({ ...loginFailed('wait-five-minutes', 4083), practiceScenario: 'user-locked' });
    expect(guard.admit(BOTH, false)).toEqual({ ok: true });
    expect(guard.practiceGate('user-locked').waitUntil).not.toBeNull();
    expect(guard.practiceGate('healthy').waitUntil).toBeNull();
  });

  it('a clock set back never makes the wait longer than five minutes from now', () => {
    const clock = clockAt(T0);
    const guard = new RecheckGuard(clock.now);
    guard.record(loginFailed('wait-five-minutes', 4083), new Set(['login']), [INTEGRATION]);
    clock.set(-60);
    expect(guard.admit([INTEGRATION], false)).toMatchObject({ ok: false, code: 'recheck-wait' });
    clock.set(-55);
    expect(guard.admit([INTEGRATION], false)).toEqual({ ok: true });
  });
});
