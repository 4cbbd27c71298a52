// The verdict for each Onshape user, from what Arena's user list says about their email: ready (found,
// enabled, an employee), not found, disabled, or not an employee. Onshape authorizes Full License Standard
// Employees only, so a partner, supplier or integration account is not ready whatever else it is.
import type { ArenaUserFacts, UserStatus, UserVerdict } from '../../common/users-report.js';
import type { ArenaUserRecord } from '../arena/request-shapes.js';
import { USER_VERDICT_CODES } from '../knowledge/users-entries.js';

export function verdictFor(email: string, record: ArenaUserRecord | undefined): UserVerdict {
  const arena: ArenaUserFacts | null = record ? { type: record.type, enabled: record.enabled, fullName: record.fullName } : null;
  const status = statusOf(record);
  return { email, status, arena, adviceId: status === 'ready' ? null : adviceIdFor(status) };
}

function statusOf(record: ArenaUserRecord | undefined): UserStatus {
  if (!record) return 'not-found';
  // Not an employee comes first: enabling a supplier account would still not let Onshape authorize it.
  if (record.type !== 'EMPLOYEE') return 'not-an-employee';
  if (!record.enabled) return 'disabled';
  return 'ready';
}

export function adviceIdFor(status: Exclude<UserStatus, 'ready'>): string {
  return `users.${USER_VERDICT_CODES[status]}`;
}

/** The verdict code diagnose() looks up for a status. */
export function verdictCode(status: Exclude<UserStatus, 'ready'>): string {
  return USER_VERDICT_CODES[status];
}

/**
 * The users by case-folded email. Arena may hold the same address twice in different case (or once as an
 * employee and once as a supplier): the record that makes the user ready wins, else the first.
 */
export function indexByEmail(records: Iterable<ArenaUserRecord>, into = new Map<string, ArenaUserRecord>()): Map<string, ArenaUserRecord> {
  for (const record of records) {
    const key = record.email.trim().toLowerCase();
    const known = into.get(key);
    if (!known || (statusOf(known) !== 'ready' && statusOf(record) === 'ready')) into.set(key, record);
  }
  return into;
}
