// What the Running screen shows for each step, updated from onCheckProgress events.
import type { ReachNetwork, StepName } from '../../../common/check-report';
import type { CheckProgress } from '../../../common/ipc/contract';
import { STEP_LABELS } from '../../../common/labels';

export type StepStatus = 'waiting' | 'running' | 'passed' | 'failed' | 'skipped';

export interface StepProgress {
  step: StepName;
  status: StepStatus;
  /** Extra words after the status, e.g. why a step was skipped. */
  note: string | null;
  /** The reach step's phase timings once it finished: the Running screen's timeline. */
  phases?: ReachNetwork['phases'] | undefined;
}

export const STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  waiting: 'waiting',
  running: 'running…',
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
};

export const NO_USER_NOTE = 'no Onshape user';

/** The network test's one step. */
export function reachProgress(): StepProgress[] {
  return [{ step: 'reach', status: 'waiting', note: null }];
}

/** withUser: whether an Onshape user will be authorized; null when not known in advance (practice). */
export function initialProgress(withUser: boolean | null): StepProgress[] {
  return [
    { step: 'reach', status: 'waiting', note: null },
    { step: 'login', status: 'waiting', note: null },
    withUser === false
      ? { step: 'authorize', status: 'skipped', note: NO_USER_NOTE }
      : { step: 'authorize', status: 'waiting', note: null },
    { step: 'logout', status: 'waiting', note: null },
  ];
}

/** The users check's steps: reach, login, reading the users, logout. */
export function usersProgress(): StepProgress[] {
  return [
    { step: 'reach', status: 'waiting', note: null },
    { step: 'login', status: 'waiting', note: null },
    { step: 'users', status: 'waiting', note: null },
    { step: 'logout', status: 'waiting', note: null },
  ];
}

export function applyProgress(steps: readonly StepProgress[], event: CheckProgress): StepProgress[] {
  if (event.type === 'step-started') {
    return steps.map((entry) => (entry.step === event.step ? { ...entry, status: 'running', note: null } : entry));
  }
  // The users check's page count is shown beside its step as a note while the step runs.
  if (event.type === 'users-progress') {
    const what = event.strategy === 'list' ? 'page' : 'request';
    return steps.map((entry) => (entry.step === 'users' ? { ...entry, note: `${what} ${event.done} of ${event.total}` } : entry));
  }
  const result = event.result;
  return steps.map((entry) =>
    entry.step === result.step
      ? {
          ...entry,
          status: result.outcome,
          note: result.outcome === 'skipped' ? (result.skippedReason ?? entry.note) : null,
          phases: result.network?.phases,
        }
      : entry,
  );
}

/** The sentence the live region announces for an event, or null for nothing. */
export function announcement(event: CheckProgress): string | null {
  if (event.type === 'step-started') return null;
  if (event.type === 'users-progress') return event.done === event.total ? `Users read: ${event.total} of ${event.total}.` : null;
  const result = event.result;
  const label = STEP_LABELS[result.step];
  if (result.outcome === 'passed') return `${label}: passed.`;
  if (result.outcome === 'skipped') return `${label}: skipped${result.skippedReason ? ` (${result.skippedReason})` : ''}.`;
  return `${label}: failed.`;
}
