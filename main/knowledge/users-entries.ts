// GET /settings/users, read by the users check (issue 12): the verdict for each Onshape user, the failures of
// the list itself, and what the list cannot show. Verdict codes are ours (Arena has none: the user simply is,
// or is not, in the list); their advice is the advice Arena's authorize errors get, because those are the
// errors each user would meet when Onshape authorizes them.
import { USERS_PRIVILEGE_ERROR_CODES } from '../arena/request-shapes.js';
import { AUTHORIZE_ENTRIES } from './authorize-entries.js';
import { UI } from './shared-text.js';
import type { KnowledgeCause, KnowledgeEntry } from './types.js';

const USERS = ['GET /settings/users'] as const;

/** The verdict codes a user gets when not ready; diagnose() finds their entries like any other code. */
export const USER_VERDICT_CODES = {
  'not-found': 'USER_NOT_FOUND',
  disabled: 'USER_DISABLED',
  'not-an-employee': 'USER_NOT_EMPLOYEE',
} as const;

/** The run's own refusal: reading the users would use more requests than Arena allows for today. */
export const OVER_BUDGET_CODE = 'OVER_BUDGET';

/** Said with every users check: a user found, enabled and an employee may still fail on these. */
export const USERS_CANNOT_SHOW =
  "Arena's user list does not show a user's license or access policies. Onshape needs each user to hold a Full License and at least the Item & File Read & Edit access policies in this workspace: check them on each user's employee record (" +
  `${UI.employee}).`;

/** A cause of an authorize entry, reused as it is: the same person fixes the same thing. */
function authorizeCause(entryId: string, causeId: string): KnowledgeCause {
  const cause = AUTHORIZE_ENTRIES.find((entry) => entry.id === entryId)?.causes.find((candidate) => candidate.id === causeId);
  if (!cause) throw new Error(`Knowledge base: ${entryId} has no cause ${causeId}`);
  return cause;
}

export const USERS_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: `users.${USER_VERDICT_CODES['not-found']}`,
    match: { endpoints: USERS, codes: [USER_VERDICT_CODES['not-found']] },
    title: "Not among this workspace's Arena users",
    meaning:
      'No user with this email is in the workspace the integration user logged in to. When Onshape authorizes this person, Arena will answer 20015 (email address not found) or 20016 (not authorized for workspace), and their work will not sync.',
    causes: [
      authorizeCause('authorize.20015', 'user-not-in-arena'),
      authorizeCause('authorize.20015', 'email-differs'),
      authorizeCause('authorize.20016', 'no-workspace-access'),
    ],
    recheck: 'after-change',
  },
  {
    id: `users.${USER_VERDICT_CODES.disabled}`,
    match: { endpoints: USERS, codes: [USER_VERDICT_CODES.disabled] },
    title: 'Disabled in Arena',
    meaning:
      "This person is in the workspace's users, but their Arena account is disabled. When Onshape authorizes them, Arena will answer 20001 (insufficient privileges for this user).",
    causes: [authorizeCause('authorize.20001', 'user-disabled')],
    recheck: 'after-change',
  },
  {
    id: `users.${USER_VERDICT_CODES['not-an-employee']}`,
    match: { endpoints: USERS, codes: [USER_VERDICT_CODES['not-an-employee']] },
    title: 'In Arena, but not as an employee',
    meaning:
      "This email belongs to a partner, a supplier or an integration user in Arena. Onshape users must be Arena employees (Full License Standard Employees), so Onshape cannot sync this person's work.",
    causes: [
      {
        id: 'partner-or-supplier',
        summary: 'The person was added to Arena as a partner or supplier user, not as an employee.',
        question: 'Is this person shown in Arena as a partner or supplier (an outside company) rather than an employee?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Add the person as a Full License Standard Employee, with at least the Item & File Read & Edit access policies, under the email they use in Onshape.',
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'integration-account',
        summary: 'The email is an integration (machine) account, such as the one Onshape logs in with, not a person.',
        question: 'Is this email a machine account, such as the integration user Onshape logs in with?',
        fixSteps: [
          { who: 'you', text: 'Leave it out of the list of Onshape users: an integration account is not authorized as an Onshape user.' },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: `users.${USERS_PRIVILEGE_ERROR_CODES[0]}`,
    match: { endpoints: USERS, codes: USERS_PRIVILEGE_ERROR_CODES },
    title: "This account may not read the workspace's users",
    meaning:
      "The login worked, but Arena refused the list of users to this account. Arena does not document which privilege reading users needs; an Arena administrator's account has it.",
    causes: [
      {
        id: 'not-an-administrator',
        summary: "The account the check logged in with (usually the integration user) is not allowed to view the workspace's users.",
        question: 'Is the account the check logged in with one that is not an Arena administrator, such as the integration user?',
        fixSteps: [
          {
            who: 'you',
            text: "Run the users check again logged in as an Arena administrator: login type password, with the administrator's email and password (in the command line: --login-type password --email ADMIN-EMAIL, with the password in ARENA_PASSWORD). Nobody else's password is needed.",
          },
          {
            who: 'arena-admin',
            text: "Or let the integration user view the workspace's users, if your Arena account allows giving that privilege to it.",
            uiPath: UI.employee,
          },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: `users.${OVER_BUDGET_CODE}`,
    match: { endpoints: USERS, codes: [OVER_BUDGET_CODE] },
    title: "Reading the users would use more of today's Arena requests than are left",
    meaning:
      'Arena allows each workspace a number of API requests a day (every request but the login counts), and reading these users would need more than remain. Nothing more was sent, apart from the logout.',
    causes: [
      {
        id: 'budget-too-small',
        summary: 'Too few requests remain today for this many users: Onshape and other tools share the same daily budget.',
        question: "Have other tools, such as Onshape's synchronisation, used many of today's requests already?",
        fixSteps: [
          {
            who: 'you',
            text: 'Check fewer emails at once (searching costs one request per email), or check again after the budget resets ({budgetResetsAt|at midnight, US Pacific time}).',
          },
          { who: 'arena-admin', text: 'If this happens often, ask your Arena account executive for a higher daily request limit.' },
        ],
      },
    ],
    recheck: 'now',
    extract: ['budget-reset'],
  },
];
