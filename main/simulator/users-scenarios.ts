// Workspaces for the users check (issue 12): a configurable number of users of every kind Arena lists
// (employees enabled and disabled, partners, suppliers, integration users, mixed-case emails), and the
// case where the integration user may not read them. Built on the standard workspace of the scenarios.
import { employee, INTEGRATION_EMAIL, PASS, WEBTOKEN, WORKSPACE_ID, workspaceWith, type Scenario } from './scenarios.js';
import type { BudgetState } from './budget.js';
import type { DirectoryUser, DirectoryUserType } from './workspace.js';

/** An Arena administrator who logs in with a password: the way out when the integration user may not read users. */
export const ADMIN_EMAIL = 'arena-admin@northwind.example';
export const ADMIN_PASSWORD = 'Admin#Arena-2024-kept-secret';

/** One cycle of 20 generated users; the pattern repeats, so any count holds every kind in fixed shares. */
const CYCLE: readonly { type: DirectoryUserType; enabled: boolean }[] = [
  ...Array.from({ length: 14 }, () => ({ type: 'EMPLOYEE' as const, enabled: true })),
  { type: 'EMPLOYEE', enabled: false },
  { type: 'EMPLOYEE', enabled: false },
  { type: 'PARTNER', enabled: true },
  { type: 'BASIC_SUPPLIER', enabled: true },
  { type: 'ADVANCED_SUPPLIER', enabled: true },
  { type: 'INTEGRATION', enabled: true },
];

/** The i-th generated user (0-based): deterministic, so tests and benchmarks can name users. */
export function generatedUser(index: number): DirectoryUser {
  const kind = CYCLE[index % CYCLE.length] ?? { type: 'EMPLOYEE', enabled: true };
  // Every third address is stored in mixed case, as people type them into Arena.
  const email = index % 3 === 0 ? `Engineer.${index}@NorthWind.Example` : `engineer.${index}@northwind.example`;
  return {
    email,
    firstName: 'Engineer',
    lastName: String(index),
    type: kind.type,
    enabled: kind.enabled,
    guid: `GEN${String(index).padStart(17, '0')}`,
  };
}

export interface UsersWorkspaceOptions {
  /** Generated users, listed after the LOGIN_EMPLOYEES employees who log in. */
  users: number;
  /** Whether the integration user may read the users list (default yes). */
  integrationMayReadUsers?: boolean;
  budget?: BudgetState;
}

/** The list holds the employees who log in (integration user, Dana, the administrator) before the generated users. */
export const LOGIN_EMPLOYEES = 3;

export function usersScenario(options: UsersWorkspaceOptions): Scenario {
  const base = workspaceWith({
    workspace: { budget: options.budget ?? { limit: 100_000, used: 0 } },
    integration: { mayReadUsers: options.integrationMayReadUsers ?? true },
  });
  return {
    name: 'users',
    title: `A workspace with ${options.users} more users`,
    description: 'Employees (some disabled), partners, suppliers and integration users, some with mixed-case emails.',
    workspace: () => {
      const state = base();
      state.employees.push(employee({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, mayReadUsers: true }));
      state.users = Array.from({ length: options.users }, (_, index) => generatedUser(index));
      return state;
    },
    check: { workspaceId: WORKSPACE_ID, email: INTEGRATION_EMAIL, loginType: 'webtoken', secret: WEBTOKEN },
    group: 'passes',
    expect: PASS,
  };
}
