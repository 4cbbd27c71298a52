// Named practice scenarios: each is a realistic workspace state (plus, at most, something that happened
// before or during the check), never a forced reply. The workspace logic produces the code.
import { SESSION_IDLE_MS } from '../arena/request-shapes.js';
import type { FormatFailureCode, LoginType, StepName } from '../../common/check-report.js';
import type { ScenarioGroup } from '../../common/practice.js';
import type { SteerableClock } from './clock.js';
import type { Middlebox } from './middlebox.js';
import { LOCKOUT_THRESHOLD, type EmployeeState, type Workspace, type WorkspaceHooks, type WorkspaceState } from './workspace.js';

export interface ScenarioCheck {
  workspaceId: number;
  email: string;
  loginType: LoginType;
  secret: string;
  userEmail?: string;
  userPassword?: string;
}

export interface ScenarioExpectation {
  /** The first step that fails; null when every step passes. */
  step: StepName | null;
  httpStatus: number | null;
  /** Arena's code, or the check's own code for an answer that was not Arena's (a web page). */
  code: number | FormatFailureCode | null;
  /** The knowledge-base cause this scenario models: the one the wizard's questions should lead to. */
  cause: string | null;
}

export interface ScenarioContext {
  workspace: Workspace;
  clock: SteerableClock;
}

export interface Scenario {
  /** kebab-case */
  name: string;
  title: string;
  /** What an admin would have done wrong, in one or two plain sentences. */
  description: string;
  /** What fails, for the practice list's groups: the step that fails, or reaching Arena at all. */
  group: ScenarioGroup;
  /** A fresh state on every call: runs never share state. */
  workspace: () => WorkspaceState;
  check: ScenarioCheck;
  expect: ScenarioExpectation;
  /** Runs once when the simulator starts, before any request: history the workspace already has. */
  before?: (ctx: ScenarioContext) => void;
  /** Things that happen while the check runs (each fires once). */
  hooks?: WorkspaceHooks;
  /** Something on the network that answers every request in Arena's place. */
  inFront?: Middlebox;
}

// ---- the standard workspace every scenario starts from

export const WORKSPACE_ID = 123456789;
/** The company's sandbox workspace: its id is the one admins paste by mistake. */
export const SANDBOX_WORKSPACE_ID = 987654321;
export const INTEGRATION_EMAIL = 'onshape-integration@northwind.example';
const INTEGRATION_PASSWORD = 'Integration#Initial-2024';
export const WEBTOKEN = 'wt-7Qm2Xc9Lr4Tz8Kp1Vn6Bd3Hs5Jf0Ga';
const REGENERATED_WEBTOKEN = 'wt-Ne4Rw8Yt1Ui5Op9As2Df6Gh3Jk7Lz0';
export const USER_EMAIL = 'dana.designer@northwind.example';
const USER_PASSWORD = 'Dana#Arena-2024';

export function employee(fields: Pick<EmployeeState, 'email' | 'password'> & Partial<EmployeeState>): EmployeeState {
  return {
    enabled: true,
    forIntegrationUse: false,
    webtoken: null,
    firstLoginDone: true,
    passwordExpired: false,
    passwordResetByAdmin: false,
    license: 'full',
    workspaceAccess: true,
    policies: ['Item Read', 'Item Edit', 'File Read', 'File Edit'],
    ...fields,
  };
}

export interface Variation {
  workspace?: Partial<Omit<WorkspaceState, 'employees'>>;
  integration?: Partial<EmployeeState>;
  user?: Partial<EmployeeState>;
}

/** A correctly configured workspace, with the given things changed. Cloned so runs never share objects. */
export function workspaceWith(variation: Variation = {}): () => WorkspaceState {
  return () =>
    structuredClone<WorkspaceState>({
      id: WORKSPACE_ID,
      name: 'Northwind Robotics',
      serviceAvailable: true,
      features: { api: true, onshape: true },
      ipAllowList: [],
      budget: { limit: 1000, used: 120 },
      sessionKey: 'arena_session_id',
      incident: null,
      ...variation.workspace,
      employees: [
        employee({
          email: INTEGRATION_EMAIL,
          password: INTEGRATION_PASSWORD,
          forIntegrationUse: true,
          webtoken: WEBTOKEN,
          ...variation.integration,
        }),
        employee({ email: USER_EMAIL, password: USER_PASSWORD, ...variation.user }),
      ],
    });
}

const WEBTOKEN_CHECK: ScenarioCheck = {
  workspaceId: WORKSPACE_ID,
  email: INTEGRATION_EMAIL,
  loginType: 'webtoken',
  secret: WEBTOKEN,
  userEmail: USER_EMAIL,
  userPassword: USER_PASSWORD,
};

export const PASS: ScenarioExpectation = { step: null, httpStatus: null, code: null, cause: null };
const at = (step: StepName, httpStatus: number, code: number | FormatFailureCode, cause: string): ScenarioExpectation => ({
  step,
  httpStatus,
  code,
  cause,
});

/** Someone signs in with a wrong password until Arena locks the account. */
function lockOut(email: string): (ctx: ScenarioContext) => void {
  return ({ workspace }) => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      workspace.loginAs({ email, password: 'wrong-guess', workspaceId: WORKSPACE_ID });
    }
  };
}

/** Onshape's own running integration logs in as the same integration user, cancelling our session. */
function integrationLogsInElsewhere(workspace: Workspace): void {
  workspace.loginAs({ email: INTEGRATION_EMAIL, webtoken: WEBTOKEN, loginType: 'WEBTOKEN', workspaceId: WORKSPACE_ID });
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'healthy',
    title: 'Everything is set up correctly',
    description: 'The integration user, its WebToken and the Onshape user are all configured as Arena expects.',
    workspace: workspaceWith(),
    check: WEBTOKEN_CHECK,
    group: 'passes',
    expect: PASS,
  },
  {
    name: 'healthy-without-authorize',
    title: 'Healthy, integration user only',
    description: 'The integration user is set up correctly, and the check logs in and out without authorizing an Onshape user.',
    workspace: workspaceWith({ workspace: { sessionKey: 'arenaSessionId' } }),
    check: { workspaceId: WORKSPACE_ID, email: INTEGRATION_EMAIL, loginType: 'webtoken', secret: WEBTOKEN },
    group: 'passes',
    expect: PASS,
  },
  {
    name: 'healthy-password-login',
    title: 'Healthy, integration user logs in with a password',
    description: 'The integration user logs in with email and password instead of a WebToken, and everything else is correct.',
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, loginType: 'password', secret: INTEGRATION_PASSWORD },
    group: 'passes',
    expect: PASS,
  },
  {
    name: 'service-unavailable',
    title: 'Arena is down',
    description: 'Arena is in a maintenance window or an outage; nothing is wrong with the configuration.',
    workspace: workspaceWith({ workspace: { serviceAvailable: false } }),
    check: WEBTOKEN_CHECK,
    group: 'network',
    expect: at('reach', 503, 503, 'arena-outage'),
  },
  {
    name: 'web-filter-block-page',
    title: 'A web filter blocks Arena',
    description:
      "The company's web filter inspects HTTPS and answers requests to Arena's API with its own block page, so nothing reaches Arena.",
    workspace: workspaceWith(),
    inFront: { kind: 'web-filter', product: 'Northwind Secure Web Gateway', category: 'Uncategorised' },
    check: WEBTOKEN_CHECK,
    group: 'network',
    expect: at('reach', 403, 'HTML_RESPONSE', 'proxy-block-page'),
  },
  {
    name: 'api-feature-disabled',
    title: 'API feature not enabled',
    description: 'The workspace was never given the API feature, which only Arena Support can enable.',
    workspace: workspaceWith({ workspace: { features: { api: false, onshape: true } } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4079, 'api-feature-off'),
  },
  {
    name: 'onshape-feature-disabled',
    title: 'Onshape feature not enabled',
    description:
      'The workspace does not have the Onshape integration feature (for example it was restored from a copy without it), so its WebToken cannot be used.',
    workspace: workspaceWith({ workspace: { features: { api: true, onshape: false } } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4090, 'onshape-feature-off'),
  },
  {
    name: 'webtoken-regenerated',
    title: 'WebToken was regenerated',
    description: 'Arena Support generated a new WebToken for the integration user, but Onshape still holds the old one.',
    workspace: workspaceWith({ integration: { webtoken: REGENERATED_WEBTOKEN } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4089, 'webtoken-regenerated'),
  },
  {
    name: 'webtoken-wrong-workspace',
    title: 'WebToken used with another workspace ID',
    description: "Onshape was given the sandbox workspace's ID, but the WebToken belongs to the production workspace.",
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, workspaceId: SANDBOX_WORKSPACE_ID },
    group: 'login',
    expect: at('login', 400, 4089, 'wrong-workspace'),
  },
  {
    name: 'integration-use-disabled',
    title: '"For Integration Use" is off',
    description: 'The employee that holds the WebToken has For Integration Use set to No.',
    workspace: workspaceWith({ integration: { forIntegrationUse: false } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4089, 'integration-use-disabled'),
  },
  {
    name: 'wrong-password-login',
    title: 'Wrong integration password',
    description: "The integration user's password was changed in Arena but not in Onshape.",
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, loginType: 'password', secret: 'Integration#Old-2023' },
    group: 'login',
    expect: at('login', 400, 4001, 'wrong-credentials'),
  },
  {
    name: 'wrong-workspace-id',
    title: 'Mistyped workspace ID',
    description: 'The Arena workspace ID was typed into Onshape with a digit missing.',
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, loginType: 'password', secret: INTEGRATION_PASSWORD, workspaceId: 12345678 },
    group: 'login',
    expect: at('login', 400, 4001, 'wrong-workspace-id'),
  },
  {
    name: 'ip-restricted',
    title: 'Logins restricted to an IP range',
    description: "The workspace only accepts logins from the office network's range, and this computer is outside it.",
    workspace: workspaceWith({ workspace: { ipAllowList: ['203.0.113.0/24'] } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4001, 'ip-restriction'),
  },
  {
    name: 'integration-user-disabled',
    title: 'Integration user disabled',
    description: 'The employee that holds the WebToken was disabled, perhaps during a licence clean-up.',
    workspace: workspaceWith({ integration: { enabled: false } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4001, 'user-disabled'),
  },
  {
    name: 'integration-user-first-login-pending',
    title: 'Integration user never logged in',
    description: 'The integration user was created but never logged in to Arena once to set its own password.',
    workspace: workspaceWith({ integration: { firstLoginDone: false } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4001, 'first-login-not-done'),
  },
  {
    name: 'integration-user-locked',
    title: 'Integration user locked out',
    description: "Someone tried to sign in with the integration user's email and wrong passwords, and Arena locked it for five minutes.",
    workspace: workspaceWith(),
    before: lockOut(INTEGRATION_EMAIL),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4083, 'repeated-wrong-attempts'),
  },
  {
    name: 'user-password-expired',
    title: "Onshape user's password expired",
    description: "The Onshape user's Arena password expired under the workspace's password policy.",
    workspace: workspaceWith({ user: { passwordExpired: true } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 4081, 'password-expired'),
  },
  {
    name: 'user-password-reset-by-admin',
    title: "Onshape user's password was reset",
    description: "An Arena administrator reset the Onshape user's password, and the user has not set a new one yet.",
    workspace: workspaceWith({ user: { passwordResetByAdmin: true } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 4081, 'password-reset-by-admin'),
  },
  {
    name: 'user-first-login-pending',
    title: 'Onshape user never logged in to Arena',
    description: 'The Onshape user was added to Arena but never logged in once to replace the initial password.',
    workspace: workspaceWith({ user: { firstLoginDone: false } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 4081, 'first-login-not-done'),
  },
  {
    name: 'user-disabled',
    title: 'Onshape user disabled in Arena',
    description: "The Onshape user's Arena employee record is disabled.",
    workspace: workspaceWith({ user: { enabled: false } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 20001, 'user-disabled'),
  },
  {
    name: 'user-not-in-workspace',
    title: 'Onshape user not in this workspace',
    description: 'The Onshape user exists in Arena but was never given access to this workspace.',
    workspace: workspaceWith({ user: { workspaceAccess: false } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 20016, 'no-workspace-access'),
  },
  {
    name: 'user-without-full-license',
    title: 'Onshape user has no Full License',
    description: 'The Onshape user is in the workspace without a Full License.',
    workspace: workspaceWith({ user: { license: 'none' } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 20016, 'no-workspace-access'),
  },
  {
    name: 'session-expired-before-authorize',
    title: 'Session expired before authorizing',
    description: 'More than 90 minutes passed between logging in and authorizing the user, so the session expired.',
    workspace: workspaceWith(),
    // 91.5 minutes: half a minute from any minute boundary, so the "1 h 31 min apart" the check reports
    // does not depend on how many milliseconds the login and the next request took.
    hooks: { afterLogin: (_ws, clock) => clock.advance(SESSION_IDLE_MS + 90_000) },
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 20016, 'session-expired'),
  },
  {
    name: 'session-cancelled-by-second-login',
    title: 'Session cancelled by another login',
    description:
      "Onshape's running integration logged in as the same integration user right after the check did, which cancels the check's session.",
    workspace: workspaceWith(),
    hooks: { afterLogin: integrationLogsInElsewhere },
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 500, 20000, 'session-lost'),
  },
  {
    name: 'user-email-not-found',
    title: "Onshape user's email not in Arena",
    description: 'The Onshape user was never added to Arena, or was added under a different email address.',
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, userEmail: 'dana.d@northwind.example' },
    group: 'authorize',
    expect: at('authorize', 400, 20015, 'user-not-in-arena'),
  },
  {
    name: 'user-wrong-password',
    title: 'Wrong password for the Onshape user',
    description: "The Onshape user's Arena password entered for the check is not the current one.",
    workspace: workspaceWith(),
    check: { ...WEBTOKEN_CHECK, userPassword: 'Dana#Arena-2023' },
    group: 'authorize',
    expect: at('authorize', 500, 20000, 'authorized-user-misconfigured'),
  },
  {
    name: 'user-locked',
    title: 'Onshape user locked out',
    description: 'The Onshape user mistyped their Arena password several times and Arena locked the account for five minutes.',
    workspace: workspaceWith(),
    before: lockOut(USER_EMAIL),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 400, 4083, 'repeated-wrong-attempts'),
  },
  {
    name: 'request-budget-exhausted',
    title: 'Daily API request limit reached',
    description: "Today's API request limit for the workspace was used up, for example by a runaway sync.",
    workspace: workspaceWith({ workspace: { budget: { limit: 1000, used: 1000 } } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 429, 4084, 'heavy-sync'),
  },
  {
    name: 'arena-internal-error',
    title: 'Arena internal error',
    description:
      'Arena fails internally while logging in; nothing is wrong with the configuration, and Arena Support needs the support code.',
    workspace: workspaceWith({ workspace: { incident: { kind: 'unknown-error', endpoint: 'login', supportCode: 'SIM-5F2A-91C3' } } }),
    check: WEBTOKEN_CHECK,
    group: 'login',
    expect: at('login', 400, 4087, 'arena-internal-error'),
  },
  {
    name: 'arena-system-error',
    title: 'Arena system error',
    description: 'Arena hits a system error while authorizing the user; nothing is wrong with the configuration.',
    workspace: workspaceWith({ workspace: { incident: { kind: 'system-error', endpoint: 'authorize' } } }),
    check: WEBTOKEN_CHECK,
    group: 'authorize',
    expect: at('authorize', 500, 3000, 'arena-system-error'),
  },
  {
    name: 'logout-session-gone',
    title: 'Session gone before logout',
    description:
      "Onshape's running integration logged in as the same user during the check, so the check's session was already cancelled at logout.",
    workspace: workspaceWith(),
    hooks: { afterAuthorize: integrationLogsInElsewhere },
    check: WEBTOKEN_CHECK,
    group: 'logout',
    expect: at('logout', 401, 401, 'second-login'),
  },
];

export function scenarioByName(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
