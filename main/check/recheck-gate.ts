// Lockout safety. Arena locks an account for five minutes after too many failed attempts (4083), and each
// retry with the same wrong credential counts towards that; a locked integration user stops every
// Onshape user's sync. So the guard holds back an account whose credential Arena refused, or may have
// counted without answering, until the admin confirms a change or types a different secret; and an
// account Arena locked, for five minutes whatever changed.
//
// It keys on the account alone (main/accounts/identity.ts): workspace and email. No spelling of the
// address, and no other address, makes a refused account look new; moving to another data centre is a
// change the admin confirms. The integration user and the Onshape user are two accounts, held apart.
//
// A different secret counts as a change: the service hands in a keyed hash of each secret ("mark", keyed
// by a random key that lives in memory only), and the guard compares marks. Marks are never persisted,
// so after a restart a held account needs the admin's confirmation.
//
// Pure: the clock is injected, and the state to persist is plain data.
import type { CheckReport, RecheckPolicy, StepName, StepResult } from '../../common/check-report.js';
import type { AccountGate, GuardedAccount, RecheckGate } from '../../common/ipc/contract.js';
import type { AccountIdentity } from '../accounts/identity.js';

export const LOCKOUT_WAIT_MS = 5 * 60 * 1000;
/**
 * How long an "after a change" hold lasts. Long enough to stop an admin from retrying the same refused
 * credential by habit; a day later, one attempt cannot add up to a lockout, and an admin who comes back
 * is not stuck behind a record they cannot see.
 */
export const CHANGE_HOLD_MS = 24 * 60 * 60 * 1000;

/** Why an account is held back. */
export type HoldKind =
  /** Arena locked the account (4083): five minutes, whatever changed. */
  | 'locked'
  /** Arena refused the credential on something that will fail the same way again. */
  | 'refused'
  /** The credential may have reached Arena, and no answer came (cancelled, timed out, cut off). */
  | 'unanswered';

/** One hold, as persisted: no secret and no mark of one. */
export interface PersistedHold {
  kind: HoldKind;
  /** When it began (ISO). */
  since: string;
  /** The error code behind it, for the reason shown; null when there was none. */
  code: number | string | null;
}

/** What the guard keeps between runs of the app. */
export interface RecheckGateState {
  holds: Record<string, PersistedHold>;
  /**
   * Set when an earlier record was lost (damaged, unreadable, or could not be saved): any account not
   * checked since needs a confirmation, because it may have been refused or locked.
   */
  unknown: { since: string; checked: string[] } | null;
}

export function emptyGateState(): RecheckGateState {
  return { holds: {}, unknown: null };
}

/** One account a check is about to sign in as, with the mark of the secret it would send. */
export interface GuardedTarget {
  account: GuardedAccount;
  identity: AccountIdentity;
  /** The keyed hash of the secret to send; null when there is none to compare (nothing typed or loaded). */
  mark: string | null;
  /** What the secret is called to the admin: "WebToken" or "password". */
  secretName: string;
}

export type Admission =
  { ok: true } | { ok: false; code: 'recheck-wait' | 'recheck-needs-change'; message: string; account: GuardedAccount; retryAt?: string };

interface Hold {
  kind: HoldKind;
  since: Date;
  code: number | string | null;
  /** The mark of the secret that was refused or went unanswered; null when loaded from disk. */
  mark: string | null;
}

/** The account whose credential each step sends. The reach probe sends none; logout and the users list only a session id. */
const ACCOUNT_OF_STEP: Readonly<Record<StepName, GuardedAccount | null>> = {
  reach: null,
  login: 'integration',
  authorize: 'user',
  logout: null,
  users: null,
};

const WHO: Readonly<Record<GuardedAccount, string>> = { integration: 'integration user', user: 'Onshape user' };

/** How the last check left one account. */
type Verdict = { kind: 'accepted' } | { kind: 'untouched' } | { kind: 'hold'; hold: HoldKind; code: number | string | null };

const HOLD_STRICTNESS: Readonly<Record<HoldKind, number>> = { unanswered: 1, refused: 1, locked: 2 };

export function practiceKey(scenario: string): string {
  return `practice:${scenario}`;
}

export class RecheckGuard {
  private readonly holds = new Map<string, Hold>();
  private unknown: { since: Date; checked: Set<string> } | null = null;

  constructor(
    private readonly now: () => Date,
    initial: RecheckGateState = emptyGateState(),
  ) {
    // A persisted state may be hand-edited: keep only holds that make sense (the store validated the shape).
    for (const [key, hold] of Object.entries(initial.holds)) {
      const since = new Date(hold.since);
      if (!Number.isNaN(since.getTime())) this.holds.set(key, { kind: hold.kind, since, code: hold.code, mark: null });
    }
    if (initial.unknown) this.markUnknown(new Date(initial.unknown.since), initial.unknown.checked);
  }

  /**
   * From now on, accounts not checked since need a confirmation: the record of earlier refusals was lost.
   * Holds still known stay as they are.
   */
  markUnknown(since: Date = this.now(), checked: Iterable<string> = []): void {
    const valid = Number.isNaN(since.getTime()) ? this.now() : since;
    this.unknown = { since: this.unknown && this.unknown.since < valid ? this.unknown.since : valid, checked: new Set(checked) };
  }

  /** Per account, what holds it back now, for the marks given. */
  gateFor(target: GuardedTarget): AccountGate {
    const hold = this.current(target.identity);
    const who = WHO[target.account];
    if (!hold) {
      if (this.isUnknown(target.identity)) {
        return {
          waitUntil: null,
          needsChange: true,
          reason: `The app's record of recent refusals and lockouts was lost (its file was damaged or could not be kept), so it cannot tell whether Arena refused or locked the ${who} recently.`,
        };
      }
      return { waitUntil: null, needsChange: false, reason: null };
    }
    if (hold.kind === 'locked') {
      return {
        waitUntil: new Date(hold.since.getTime() + LOCKOUT_WAIT_MS).toISOString(),
        needsChange: false,
        reason: `Arena locked the ${who} after too many failed attempts (code ${String(hold.code ?? 4083)}). Trying again before the wait ends extends the lockout, whatever was changed.`,
      };
    }
    // A different secret typed for the account is a change the admin has visibly made.
    if (target.mark !== null && hold.mark !== null && target.mark !== hold.mark)
      return { waitUntil: null, needsChange: false, reason: null };
    const why =
      hold.kind === 'refused'
        ? `Arena refused the last check of the ${who}${hold.code === null ? '' : ` (code ${String(hold.code)})`}, and the same ${target.secretName} would be refused the same way.`
        : `The last check sent the ${who}'s ${target.secretName}, but Arena's answer never came (the check was cancelled or timed out), so Arena may have counted it as a failed attempt.`;
    const restarted =
      hold.mark === null ? ` The app was restarted since, so it cannot tell a newly entered ${target.secretName} from the old one.` : '';
    return { waitUntil: null, needsChange: true, reason: `${why}${restarted}` };
  }

  /**
   * Whether a check of these accounts may go now. A lockout wait is refused first: no confirmation shortens it.
   * `confirmed` is the admin's confirmation of a change: true for every account of the check, or the
   * accounts it speaks for (a re-check of the Onshape user alone confirms nothing about the integration user).
   */
  admit(targets: readonly GuardedTarget[], confirmed: boolean | readonly GuardedAccount[]): Admission {
    const gates = targets.map((target) => ({ target, gate: this.gateFor(target) }));
    for (const { target, gate } of gates) {
      if (gate.waitUntil === null) continue;
      return {
        ok: false,
        code: 'recheck-wait',
        account: target.account,
        retryAt: gate.waitUntil,
        message: `Arena has locked the ${WHO[target.account]} for five minutes after too many failed attempts. Check again after the time shown: trying sooner extends the lockout.`,
      };
    }
    const confirmedFor = (account: GuardedAccount): boolean => (typeof confirmed === 'boolean' ? confirmed : confirmed.includes(account));
    for (const { target, gate } of gates) {
      if (!gate.needsChange || confirmedFor(target.account)) continue;
      return {
        ok: false,
        code: 'recheck-needs-change',
        account: target.account,
        message:
          `${gate.reason ?? ''} Make the fix first (or enter a different ${target.secretName}), then confirm that something was changed and check again.`.trim(),
      };
    }
    return { ok: true };
  }

  /** Records what a finished (or cancelled) check did to each account it names. */
  record(report: CheckReport, delivered: ReadonlySet<StepName>, targets: readonly GuardedTarget[]): void {
    for (const target of targets) {
      this.unknown?.checked.add(target.identity);
      const verdict = verdictFor(
        report.steps.filter((step) => ACCOUNT_OF_STEP[step.step] === target.account),
        delivered,
      );
      if (verdict.kind === 'accepted') this.holds.delete(target.identity);
      else if (verdict.kind === 'hold')
        this.holds.set(target.identity, { kind: verdict.hold, since: this.now(), code: verdict.code, mark: target.mark });
    }
  }

  /** Practice runs hit the simulator, never Arena: one key per scenario, and only a lockout wait holds it. */
  recordPractice(report: CheckReport): void {
    const key = practiceKey(report.practiceScenario ?? '');
    const locked = report.steps.find((step) => step.outcome === 'failed' && step.diagnosis?.recheck === 'wait-five-minutes');
    if (locked) this.holds.set(key, { kind: 'locked', since: this.now(), code: locked.errorCode, mark: null });
    else this.holds.delete(key);
  }

  practiceGate(scenario: string): RecheckGate {
    const hold = this.current(practiceKey(scenario));
    return {
      waitUntil: hold?.kind === 'locked' ? new Date(hold.since.getTime() + LOCKOUT_WAIT_MS).toISOString() : null,
      needsChange: false,
    };
  }

  /** The gate of a whole check: the latest wait and any needed change among its accounts. */
  combinedGate(targets: readonly GuardedTarget[]): RecheckGate {
    const gates = targets.map((target) => this.gateFor(target));
    const waits = gates.flatMap((gate) => (gate.waitUntil === null ? [] : [gate.waitUntil])).sort();
    return { waitUntil: waits.at(-1) ?? null, needsChange: gates.some((gate) => gate.needsChange) };
  }

  /** The state to persist: holds without marks, and whether an earlier record was lost. */
  state(): RecheckGateState {
    const holds: Record<string, PersistedHold> = {};
    for (const [key, hold] of this.holds) {
      if (this.current(key)) holds[key] = { kind: hold.kind, since: hold.since.toISOString(), code: hold.code };
    }
    const unknown = this.unknownNow();
    return { holds, unknown: unknown ? { since: unknown.since.toISOString(), checked: [...unknown.checked] } : null };
  }

  private isUnknown(key: string): boolean {
    const unknown = this.unknownNow();
    return unknown !== null && !key.startsWith('practice:') && !unknown.checked.has(key);
  }

  private unknownNow(): { since: Date; checked: Set<string> } | null {
    // Anything the lost record held has expired a day later, as a hold would have.
    if (this.unknown && this.now().getTime() - this.anchored(this.unknown.since).getTime() >= CHANGE_HOLD_MS) this.unknown = null;
    return this.unknown;
  }

  /** The hold still in force for a key; expired holds are dropped. */
  private current(key: string): Hold | undefined {
    const hold = this.holds.get(key);
    if (!hold) return undefined;
    hold.since = this.anchored(hold.since);
    const lasts = hold.kind === 'locked' ? LOCKOUT_WAIT_MS : CHANGE_HOLD_MS;
    if (this.now().getTime() - hold.since.getTime() >= lasts) {
      this.holds.delete(key);
      return undefined;
    }
    return hold;
  }

  /** If the clock was set back, re-anchor, so a hold never lasts longer than its length from now. */
  private anchored(since: Date): Date {
    const now = this.now();
    return now < since ? now : since;
  }
}

/**
 * How one account's steps left it. A failed step holds it by its diagnosis (one without a diagnosis:
 * never retry unasked); a credential that may have reached Arena and got no answer holds it too, because
 * Arena may have counted it. A pass clears it; anything else (nothing sent, an outage) leaves it as it was.
 */
function verdictFor(steps: readonly StepResult[], delivered: ReadonlySet<StepName>): Verdict {
  let verdict: Verdict = { kind: 'untouched' };
  const hold = (kind: HoldKind, code: number | string | null): void => {
    if (verdict.kind !== 'hold' || HOLD_STRICTNESS[kind] > HOLD_STRICTNESS[verdict.hold]) verdict = { kind: 'hold', hold: kind, code };
  };
  for (const step of steps) {
    const sent = delivered.has(step.step);
    if (step.outcome === 'passed') {
      if (verdict.kind === 'untouched') verdict = { kind: 'accepted' };
      continue;
    }
    if (sent && step.httpStatus === null) hold('unanswered', step.errorCode);
    if (step.outcome !== 'failed') continue;
    const policy: RecheckPolicy = step.diagnosis?.recheck ?? 'after-change';
    if (policy === 'wait-five-minutes') hold('locked', step.errorCode);
    else if (policy === 'after-change') hold('refused', step.errorCode);
    // 'now' (an outage, say): the credential was not judged, so an earlier hold stays as it was.
  }
  return verdict;
}
