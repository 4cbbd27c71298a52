// What reading the users costs, before the work: Arena counts every request but the login against a daily
// budget, so the run reads the first page (up to 400 users, which also gives the workspace's user count),
// then chooses between reading the remaining pages and searching once per email, whichever needs fewer
// requests, and refuses, with the numbers, when the rest would not fit in what Arena says is left.
import type { UsersPlan, UsersStrategy } from '../../common/users-report.js';
import { USERS_PAGE_LIMIT } from '../arena/request-shapes.js';

/** The logout after the reads: it counts too. */
const LOGOUT_REQUESTS = 1;

export interface PlanInput {
  /** The first page's count: every user in the workspace. */
  workspaceUsers: number;
  /** Distinct emails to check. */
  emails: number;
  /** X-Arena-Requests-Remaining on the first page's answer (after it was counted); null when not sent. */
  remaining: number | null;
  resetsAt: string | null;
}

export function pagesFor(workspaceUsers: number): number {
  return Math.max(1, Math.ceil(workspaceUsers / USERS_PAGE_LIMIT));
}

export function planUsersRead(input: PlanInput): UsersPlan {
  const morePages = pagesFor(input.workspaceUsers) - 1;
  // The first page may already hold every user, so searching only pays when it needs fewer requests.
  const strategy: UsersStrategy = input.emails < morePages ? 'search' : 'list';
  const reads = strategy === 'search' ? input.emails : morePages;
  return {
    strategy,
    workspaceUsers: input.workspaceUsers,
    requests: 1 + reads + LOGOUT_REQUESTS,
    remaining: input.remaining,
    resetsAt: input.resetsAt,
  };
}

/** Reads after the first page: the rest of the pages, or one search per email. */
export function readsAfterFirstPage(plan: UsersPlan): number {
  return plan.requests - 1 - LOGOUT_REQUESTS;
}

/** Why the plan cannot run within the budget, with the numbers; null when it can (or Arena gave no budget). */
export function budgetRefusal(plan: UsersPlan): string | null {
  if (plan.remaining === null) return null;
  const needed = plan.requests - 1;
  if (needed <= plan.remaining) return null;
  const how =
    plan.strategy === 'list'
      ? `${readsAfterFirstPage(plan)} more pages of ${USERS_PAGE_LIMIT} for ${plan.workspaceUsers} users`
      : `${readsAfterFirstPage(plan)} searches, one per email`;
  const resets = plan.resetsAt ? ` (the budget resets ${plan.resetsAt})` : '';
  return `Reading the users needs ${needed} more requests (${how}, and the logout), but Arena allows ${plan.remaining} more today${resets}.`;
}

/**
 * Before the login, the cost is known only as a bound: one request per 400 users in the workspace, or one
 * per email when that is fewer, plus the first page and the logout.
 */
export function costBound(emails: number): { atMost: number; perPage: number } {
  return { atMost: 1 + emails + LOGOUT_REQUESTS, perPage: USERS_PAGE_LIMIT };
}
