// The shapes a users check produces (issue 12): which Onshape users are ready for Arena, read from the
// workspace's user list with the integration session, without anyone's password. Plain data only: shared
// by the core, the CLI, reports, the IPC contract and the renderer.
import type { CheckReport, Diagnosis } from './check-report.js';

/** How many emails one users check takes, and how large a pasted list or file may be (about 500 bytes a line). */
export const MAX_USERS_EMAILS = 10_000;
export const MAX_USERS_INPUT_CHARS = 5 * 1024 * 1024;

export type UserStatus = 'ready' | 'not-found' | 'disabled' | 'not-an-employee';

/** In the order tables and counts show them: the ones that need work first. */
export const USER_STATUSES: readonly UserStatus[] = ['not-found', 'disabled', 'not-an-employee', 'ready'];

/** What Arena's user list says about one user. */
export interface ArenaUserFacts {
  /** EMPLOYEE, PARTNER, BASIC_SUPPLIER, ADVANCED_SUPPLIER or INTEGRATION, as Arena spells it. */
  type: string;
  enabled: boolean;
  fullName: string | null;
}

export interface UserVerdict {
  /** Trimmed and case-folded, as it was matched. */
  email: string;
  status: UserStatus;
  /** Null when the email is not among the workspace's users. */
  arena: ArenaUserFacts | null;
  /** The knowledge base's advice for this verdict (a key of UsersCheckSection.advice); null when ready. */
  adviceId: string | null;
}

/** An input line that holds no valid email (1-based line number, the text shortened for display). */
export interface InvalidLine {
  line: number;
  text: string;
}

/** Read every page of the list, or search once per email: whichever needs fewer requests. */
export type UsersStrategy = 'list' | 'search';

export interface UsersPlan {
  strategy: UsersStrategy;
  /** How many users the workspace has, as the first page's count said. */
  workspaceUsers: number;
  /** Requests the run needs besides the login: the first page, the rest of the pages or the searches, the logout. */
  requests: number;
  /** X-Arena-Requests-Remaining after the first page; null when Arena did not say. */
  remaining: number | null;
  /** X-Arena-Next-Request-Limit-Reset as Arena sent it, or null. */
  resetsAt: string | null;
}

export interface UsersCheckSection {
  /** Distinct valid emails in the input. */
  emails: number;
  /** One verdict per distinct email, in input order; empty when the users could not be read. */
  users: UserVerdict[];
  invalid: InvalidLine[];
  /** Requests sent besides the login (Arena counts every one of them, failed or not). */
  requestsUsed: number;
  /** Null when the run stopped before the first page answered. */
  plan: UsersPlan | null;
  /** The advice each verdict points to, once per advice id. */
  advice: Record<string, Diagnosis>;
  /** What the API cannot show about a user, and where in Arena to look instead. */
  cannotShow: string;
}

export interface UsersReport extends CheckReport {
  usersCheck: UsersCheckSection;
}

/** Counts of each verdict, for the top of a table. */
export function countByStatus(users: readonly UserVerdict[]): Record<UserStatus, number> {
  const counts: Record<UserStatus, number> = { ready: 0, 'not-found': 0, disabled: 0, 'not-an-employee': 0 };
  for (const user of users) counts[user.status] += 1;
  return counts;
}

export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  ready: 'ready',
  'not-found': 'not found',
  disabled: 'disabled',
  'not-an-employee': 'not an employee',
};

/** A users check's report, told apart from a connection check's. */
export function isUsersReport(report: CheckReport): report is UsersReport {
  return 'usersCheck' in report;
}
