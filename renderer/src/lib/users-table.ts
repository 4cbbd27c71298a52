// The users result table: which rows show (a verdict filter) and in what order (input order, email, or
// verdict with the ones that need work first). Pure, so the screen only renders.
import { USER_STATUSES, type UserStatus, type UserVerdict } from '../../../common/users-report';

export type UsersSort = 'input' | 'email' | 'status';

export const SORT_LABELS: Readonly<Record<UsersSort, string>> = {
  input: 'as listed',
  email: 'email',
  status: 'verdict (needs work first)',
};

export function visibleUsers(users: readonly UserVerdict[], filter: UserStatus | 'all', sort: UsersSort): UserVerdict[] {
  const shown = filter === 'all' ? [...users] : users.filter((user) => user.status === filter);
  if (sort === 'email') return shown.sort((a, b) => a.email.localeCompare(b.email));
  // A stable sort keeps the input order within each verdict.
  if (sort === 'status') return shown.sort((a, b) => USER_STATUSES.indexOf(a.status) - USER_STATUSES.indexOf(b.status));
  return shown;
}
