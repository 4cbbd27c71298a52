// Small text helpers shared by the screens.
import type { RequestBudget, StepResult } from '../../../common/check-report';
import { parseInstant } from '../../../common/instant';

/** 125 → "02:05"; negative values count as zero. */
export function mmss(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Whole seconds from `now` (ms) until an ISO time; 0 when it has passed or cannot be read. */
export function secondsUntil(iso: string | null, now: number): number {
  const until = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(until) ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** What a live region says about a wait: once a minute, not every second. */
export function waitAnnouncement(remainingSeconds: number): string {
  if (remainingSeconds <= 0) return 'You can check again now.';
  const minutes = Math.ceil(remainingSeconds / 60);
  return `You can check again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** A time from Arena or the main process in this computer's local format; the raw text when it cannot be read. */
export function localTime(value: string): string {
  const date = parseInstant(value);
  return date === null ? value : date.toLocaleString();
}

/** An instant from Arena or the main process, or null when it cannot be read. */
function instantOf(value: string): Date | null {
  const trimmed = value.trim();
  const number = /^\d+$/.test(trimmed) ? Number(trimmed) : null;
  // Epoch seconds or milliseconds.
  const date = number === null ? new Date(trimmed) : new Date(number < 1e12 ? number * 1000 : number);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** This computer's time zone, as the admin would recognise it ("Europe/Berlin"). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** When the request budget resets, in the admin's time zone, saying so when that time has already passed. */
export function budgetResetText(resetsAt: string, now: number): string {
  const instant = instantOf(resetsAt);
  if (!instant) return resetsAt;
  const when = `${instant.toLocaleString()} (${localZone()})`;
  return instant.getTime() <= now ? `${when}: already past, so the budget has been renewed since this check` : when;
}

/** The local clock time something ends at, e.g. "14:05:30". */
export function localClock(iso: string): string {
  const instant = instantOf(iso);
  return instant ? instant.toLocaleTimeString() : iso;
}

/** Where a failed step failed, for the line under the result's heading: the step and the code it got. */
export function failureLine(step: StepResult): string {
  if (typeof step.errorCode === 'number') {
    return `Arena code ${step.errorCode}${step.httpStatus !== null && step.httpStatus !== step.errorCode ? ` (HTTP ${step.httpStatus})` : ''}`;
  }
  if (step.httpStatus !== null) return `HTTP ${step.httpStatus}${step.errorCode ? `, ${step.errorCode}` : ''}`;
  return step.errorCode ? `This computer got ${step.errorCode}` : 'no answer';
}

/** "Arena error 4089: Invalid Token." or "Connection problem ECONNREFUSED: …". */
export function describeStepError(step: StepResult): string {
  const message = step.message ?? 'no message';
  if (typeof step.errorCode === 'number') return `Arena error ${step.errorCode}: ${message}`;
  if (typeof step.errorCode === 'string') return `${step.errorCode}: ${message}`;
  if (step.httpStatus !== null) return `HTTP ${step.httpStatus}: ${message}`;
  return message;
}

export function budgetText(budget: RequestBudget | null): string | null {
  if (!budget || budget.remaining === null) return null;
  return budget.limit === null ? `${budget.remaining} requests` : `${budget.remaining} of ${budget.limit} requests`;
}
