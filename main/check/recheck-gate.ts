// Lockout safety. Arena locks an account for five minutes after too many failed attempts (4083), and each
// retry with the same wrong credential counts towards that. So after a failure the next check of the same
// target waits, or needs the admin to confirm that something changed. Pure: the clock is injected.
import type { CheckReport, RecheckPolicy } from '../../common/check-report.js';
import type { RecheckGate } from '../../common/ipc/contract.js';

export const LOCKOUT_WAIT_MS = 5 * 60 * 1000;

/** Only the policies that restrict anything are kept. */
export type GuardedPolicy = Exclude<RecheckPolicy, 'now'>;

export interface RecheckGateEntry {
  policy: GuardedPolicy;
  /** When the failure was recorded (ISO). */
  failedAt: string;
}

/** Per target key: the last failure's policy and time. Plain data, so the app can persist it across restarts. */
export interface RecheckGateState {
  [targetKey: string]: RecheckGateEntry;
}

export type Admission =
  | { ok: true }
  | { ok: false; code: 'recheck-wait' | 'recheck-needs-change'; message: string; retryAt?: string };

export interface CheckTargetIdentity {
  apiUrl: string;
  workspaceId: number;
  integrationEmail: string;
  userEmail: string | null;
}

/** One key per account pair Arena counts failures for; spelling differences (case, trailing slash) don't split it. */
export function targetKey(target: CheckTargetIdentity): string {
  return JSON.stringify([
    target.apiUrl.trim().replace(/\/+$/, '').toLowerCase(),
    target.workspaceId,
    target.integrationEmail.trim().toLowerCase(),
    (target.userEmail ?? '').trim().toLowerCase(),
  ]);
}

/**
 * The key a report is recorded under. Practice runs hit the simulator, never Arena: they get their own key,
 * so practising a lockout shows the gate without blocking a real check of the same details.
 */
export function reportKey(report: CheckReport): string {
  // The simulator's address changes every run, so a practice key names only the scenario.
  return report.practiceScenario === null ? targetKey(report.target) : practiceKey(report.practiceScenario);
}

export function practiceKey(scenario: string): string {
  return `practice:${scenario}`;
}

const STRICTNESS: Readonly<Record<RecheckPolicy, number>> = { now: 0, 'after-change': 1, 'wait-five-minutes': 2 };

export class RecheckGuard {
  private readonly entries = new Map<string, { policy: GuardedPolicy; failedAt: Date }>();

  constructor(
    private readonly now: () => Date,
    initial: RecheckGateState = {},
  ) {
    // A persisted state may be damaged or hand-edited: keep only entries that make sense.
    for (const [key, entry] of Object.entries(initial)) {
      const failedAt = new Date(entry.failedAt);
      if ((entry.policy === 'after-change' || entry.policy === 'wait-five-minutes') && !Number.isNaN(failedAt.getTime())) {
        this.entries.set(key, { policy: entry.policy, failedAt });
      }
    }
  }

  /** Records a finished check: a pass clears its key, a failure sets the strictest policy of its failed steps. */
  record(report: CheckReport): void {
    const key = reportKey(report);
    const policy = report.ok ? 'now' : failurePolicy(report);
    if (policy === 'now') this.entries.delete(key);
    else this.entries.set(key, { policy, failedAt: this.now() });
  }

  gateFor(key: string): RecheckGate {
    const entry = this.current(key);
    if (!entry) return { waitUntil: null, needsChange: false };
    if (entry.policy === 'wait-five-minutes') {
      const until = waitUntil(entry.failedAt);
      return { waitUntil: this.now() < until ? until.toISOString() : null, needsChange: false };
    }
    return { waitUntil: null, needsChange: true };
  }

  admit(key: string, confirmedChange: boolean): Admission {
    const entry = this.current(key);
    if (!entry) return { ok: true };
    if (entry.policy === 'wait-five-minutes') {
      const until = waitUntil(entry.failedAt);
      if (this.now() >= until) return { ok: true };
      // A confirmed change does not shorten a lockout: Arena counts the attempt either way.
      return {
        ok: false,
        code: 'recheck-wait',
        message: `Arena has locked this account for five minutes after too many failed attempts. Check again after ${until.toISOString()}: trying sooner extends the lockout.`,
        retryAt: until.toISOString(),
      };
    }
    if (confirmedChange) return { ok: true };
    return {
      ok: false,
      code: 'recheck-needs-change',
      message:
        'The last check of these details failed on something that will fail the same way again. Make the fix first, then confirm that something was changed and check again.',
    };
  }

  /** The state to persist. */
  state(): RecheckGateState {
    const state: RecheckGateState = {};
    for (const [key, entry] of this.entries) state[key] = { policy: entry.policy, failedAt: entry.failedAt.toISOString() };
    return state;
  }

  private current(key: string): { policy: GuardedPolicy; failedAt: Date } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // If the clock was set back, re-anchor, so a wait never exceeds five minutes from now.
    const now = this.now();
    if (now < entry.failedAt) {
      entry.failedAt = now;
    }
    return entry;
  }
}

function waitUntil(failedAt: Date): Date {
  return new Date(failedAt.getTime() + LOCKOUT_WAIT_MS);
}

/**
 * The strictest policy among the failed steps. A failed step without a diagnosis is treated as
 * 'after-change': without knowing the cause, never retry a credential unasked.
 */
function failurePolicy(report: CheckReport): RecheckPolicy {
  let policy: RecheckPolicy = 'now';
  let sawFailure = false;
  for (const step of report.steps) {
    if (step.outcome !== 'failed') continue;
    sawFailure = true;
    const stepPolicy = step.diagnosis?.recheck ?? 'after-change';
    if (STRICTNESS[stepPolicy] > STRICTNESS[policy]) policy = stepPolicy;
  }
  // ok: false with no failed step should not happen; be cautious if it does.
  return sawFailure ? policy : 'after-change';
}
