// An Arena workspace as state, and how it answers the three calls Onshape makes. No HTTP here: the
// server turns requests into ArenaRequest and ArenaReply back into responses.
import { randomBytes } from 'node:crypto';
import { SESSION_IDLE_MS, type SESSION_ID_KEYS, type ArenaCall } from '../arena/request-shapes.js';
import { budgetHeaders, RequestBudget, type BudgetState } from './budget.js';
import type { SteerableClock } from './clock.js';
import {
  errorReply,
  unknownErrorMessage,
  UNKNOWN_ERROR_CODE,
  UNKNOWN_ERROR_STATUS,
  type ArenaErrorName,
  type ArenaReply,
} from './errors.js';
import { ipAllowed } from './ip-allow-list.js';
import { validateAuthorize, validateLogin, type BodyInput, type ReceivedLogin } from './request-validation.js';

/** Arena does not publish how many failures lock an account; 3 keeps tests short. */
export const LOCKOUT_THRESHOLD = 3;
export const LOCKOUT_MS = 5 * 60_000;

export type SessionKey = (typeof SESSION_ID_KEYS)[number];

export interface EmployeeState {
  email: string;
  password: string;
  enabled: boolean;
  /** "For Integration Use" on the employee record: required for WebToken logins. */
  forIntegrationUse: boolean;
  webtoken: string | null;
  /** Whether the employee has logged in to the web UI once and replaced the initial password. */
  firstLoginDone: boolean;
  passwordExpired: boolean;
  passwordResetByAdmin: boolean;
  license: 'full' | 'none';
  /** Whether the employee is a member of this workspace. */
  workspaceAccess: boolean;
  policies: string[];
  /** How GET /settings/users lists this employee; absent: EMPLOYEE. */
  userType?: DirectoryUserType;
  /** Whether this account may read GET /settings/users; absent: yes. The privilege is not documented (see errors.ts). */
  mayReadUsers?: boolean;
}

export type DirectoryUserType = 'EMPLOYEE' | 'PARTNER' | 'BASIC_SUPPLIER' | 'ADVANCED_SUPPLIER' | 'INTEGRATION';

/** A user in the workspace's user list who does not log in during a check (Onshape users, partners, suppliers…). */
export interface DirectoryUser {
  email: string;
  firstName: string;
  lastName: string;
  type: DirectoryUserType;
  enabled: boolean;
  guid: string;
}

/** A fault inside Arena while serving one endpoint: nothing the admin configured. */
export type Incident = { kind: 'unknown-error'; endpoint: ArenaCall; supportCode: string } | { kind: 'system-error'; endpoint: ArenaCall };

export interface WorkspaceState {
  id: number;
  name: string;
  serviceAvailable: boolean;
  features: { api: boolean; onshape: boolean };
  /** CIDR ranges allowed to log in; empty allows all. */
  ipAllowList: string[];
  employees: EmployeeState[];
  budget: BudgetState;
  /** How the login reply spells the session id: Arena's docs and its OpenAPI copy differ. */
  sessionKey: SessionKey;
  incident: Incident | null;
  /** Listed by GET /settings/users after the employees; absent: none. */
  users?: DirectoryUser[];
}

export interface ArenaRequest {
  route: ArenaCall;
  /** The arena_session_id header, if sent. */
  sessionId: string | null;
  clientAddress: string;
  /** Null for logout and the users list, which have no body. */
  body: BodyInput | null;
  /** The query string's parameters (GET /settings/users reads offset, limit and email). */
  query?: Readonly<Record<string, string>>;
}

export type { ArenaReply };

export interface WorkspaceHooks {
  afterLogin?: (workspace: Workspace, clock: SteerableClock) => void;
  afterAuthorize?: (workspace: Workspace, clock: SteerableClock) => void;
}

interface Session {
  email: string;
  lastActionAt: number;
  ended: null | 'cancelled' | 'logged-out';
}

interface Failures {
  count: number;
  lockedUntil: number;
}

const normalise = (email: string): string => email.trim().toLowerCase();

/** Documented: the default page is 20 users, the largest 400. */
export const USERS_DEFAULT_LIMIT = 20;
export const USERS_MAX_LIMIT = 400;

/** A query number: absent gives the default; anything but a whole number gives null. */
function wholeNumber(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** Arena's search: whole value, ignoring case, with * as a wildcard (as in the documented fullName=*john). */
function emailMatcher(pattern: string): (email: string) => boolean {
  const parts = normalise(pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const expression = new RegExp(`^${parts.join('.*')}$`);
  return (email) => expression.test(normalise(email));
}

export class Workspace {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, Failures>();
  private readonly budget: RequestBudget;
  private readonly firedHooks = new Set<keyof WorkspaceHooks>();

  constructor(
    readonly state: WorkspaceState,
    private readonly clock: SteerableClock,
    private readonly hooks: WorkspaceHooks = {},
  ) {
    this.budget = new RequestBudget(state.budget);
  }

  handle(request: ArenaRequest): ArenaReply {
    if (!this.state.serviceAvailable) return errorReply('serviceUnavailable');
    switch (request.route) {
      case 'login':
        return this.login(request);
      case 'authorize':
        return this.authorize(request);
      case 'users':
        return this.users(request);
      case 'logout':
        return this.logout(request);
    }
  }

  /** Log in directly, as another client would (Onshape's own integration, a colleague): for hooks. */
  loginAs(body: ReceivedLogin, clientAddress = '198.51.100.10'): ArenaReply {
    return this.handle({ route: 'login', sessionId: null, clientAddress, body: { kind: 'json', value: body } });
  }

  findEmployee(email: string): EmployeeState | undefined {
    const wanted = normalise(email);
    return this.state.employees.find((e) => normalise(e.email) === wanted);
  }

  isLocked(email: string): boolean {
    return (this.failures.get(normalise(email))?.lockedUntil ?? 0) > this.clock.now();
  }

  /** Sessions of this user that still work (not ended, not idle too long). */
  liveSessionCount(email: string): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.email === normalise(email) && this.sessionStatus(s) === 'live') n++;
    return n;
  }

  // ---- POST /login

  private login(request: ArenaRequest): ArenaReply {
    const parsed = validateLogin(request.body ?? { kind: 'invalid-json' });
    if (!parsed.ok) return errorReply(parsed.error);
    const body = parsed.value;
    const webtoken = body.loginType === 'WEBTOKEN';
    const email = normalise(body.email);

    if (!ipAllowed(this.state.ipAllowList, request.clientAddress)) return errorReply('loginInvalid');
    if (this.isLocked(email)) return errorReply('lockedOut');
    if (body.workspaceId !== undefined && body.workspaceId !== this.state.id) {
      // A WebToken is issued for one workspace, so naming another makes the token invalid (4089);
      // a password names a person, and Arena answers its generic 4001.
      this.recordFailure(email);
      return errorReply(webtoken ? 'invalidToken' : 'loginInvalid');
    }
    if (!this.state.features.api) return errorReply('apiFeatureDisabled');
    if (webtoken && !this.state.features.onshape) return errorReply('onshapeFeatureDisabled');
    const incident = this.incidentReply('login');
    if (incident) return incident;

    const employee = this.findEmployee(email);
    if (!employee) {
      this.recordFailure(email);
      return errorReply('loginInvalid');
    }
    if (webtoken) {
      if (employee.webtoken === null || employee.webtoken !== body.webtoken) {
        this.recordFailure(email);
        return errorReply('invalidToken');
      }
      if (!employee.forIntegrationUse) return errorReply('invalidToken');
    } else if (employee.password !== body.password) {
      this.recordFailure(email);
      return errorReply('loginInvalid');
    }
    if (!employee.enabled || !employee.firstLoginDone) return errorReply('loginInvalid');
    if (!webtoken && (employee.passwordExpired || employee.passwordResetByAdmin)) {
      return errorReply('passwordResetOrExpired');
    }

    this.failures.delete(email);
    // "Logging in a second time will cancel the first session."
    for (const s of this.sessions.values()) if (s.email === email && s.ended === null) s.ended = 'cancelled';
    const sessionId = `SIM-${randomBytes(24).toString('base64url')}|`;
    this.sessions.set(sessionId, { email, lastActionAt: this.clock.now(), ended: null });

    const reply: ArenaReply = {
      status: 200,
      body: {
        [this.state.sessionKey]: sessionId,
        workspaceId: this.state.id,
        workspaceName: this.state.name,
        workspaceRequestLimit: this.state.budget.limit,
      },
      headers: budgetHeaders(this.budget.snapshot(this.clock.now())),
    };
    this.fireOnce('afterLogin');
    return reply;
  }

  // ---- POST /login/authorizeuser

  private authorize(request: ArenaRequest): ArenaReply {
    const gate = this.sessionGate(request.sessionId, 'userNotAuthenticated', 'userNotAuthorizedForWorkspace');
    if (!gate.ok) return gate.reply;
    const parsed = validateAuthorize(request.body ?? { kind: 'invalid-json' });
    if (!parsed.ok) return errorReply(parsed.error, gate.headers);
    const incident = this.incidentReply('authorize', gate.headers);
    if (incident) return incident;

    const email = normalise(parsed.value.email);
    const user = this.findEmployee(email);
    if (!user) return errorReply('userEmailNotFound', gate.headers);
    if (this.isLocked(email)) return errorReply('lockedOut', gate.headers);
    if (!user.enabled) return errorReply('insufficientPrivileges', gate.headers);
    if (user.password !== parsed.value.password) {
      // Arena documents no wrong-password code for this endpoint, yet documents its lockout (4083), so
      // wrong passwords are counted here. Of the codes it lists, 20000 "User not authenticated." is the
      // one whose explanation tells the admin to check "the Authorize User", so that is what we answer.
      this.recordFailure(email);
      return errorReply('userNotAuthenticated', gate.headers);
    }
    if (!user.firstLoginDone || user.passwordExpired || user.passwordResetByAdmin) {
      return errorReply('passwordResetOrExpired', gate.headers);
    }
    if (!user.workspaceAccess || user.license !== 'full') {
      return errorReply('userNotAuthorizedForWorkspace', gate.headers);
    }
    this.failures.delete(email);
    // The success body is not documented; this much is enough for a client that only reads the status.
    const reply: ArenaReply = {
      status: 200,
      body: { email: user.email, workspaceId: this.state.id },
      headers: gate.headers,
    };
    this.fireOnce('afterAuthorize');
    return reply;
  }

  // ---- GET /settings/users

  private users(request: ArenaRequest): ArenaReply {
    const gate = this.sessionGate(request.sessionId, 'invalidAccessToken', 'invalidAccessToken');
    if (!gate.ok) return gate.reply;
    if (this.findEmployee(gate.session.email)?.mayReadUsers === false) return errorReply('accessNotAllowed', gate.headers);
    const incident = this.incidentReply('users', gate.headers);
    if (incident) return incident;
    const query = request.query ?? {};
    const offset = wholeNumber(query.offset, 0);
    const limit = wholeNumber(query.limit, USERS_DEFAULT_LIMIT);
    // Arena documents a maximum of 400; what it does with more is not documented, so the simulator refuses it.
    if (offset === null || limit === null || limit < 1 || limit > USERS_MAX_LIMIT) return errorReply('invalidData', gate.headers);
    const wanted = query.email === undefined ? null : emailMatcher(query.email);
    const matching = wanted ? this.directory().filter((user) => wanted(user.email)) : this.directory();
    const results = matching.slice(offset, offset + limit).map((user) => ({
      email: user.email,
      enabled: user.enabled,
      firstName: user.firstName,
      fullName: `${user.firstName} ${user.lastName}`,
      guid: user.guid,
      lastName: user.lastName,
      type: user.type,
    }));
    return { status: 200, body: { count: matching.length, results }, headers: gate.headers };
  }

  /** Everyone GET /settings/users lists: the employees who log in, then the other users. */
  directory(): DirectoryUser[] {
    const employees = this.state.employees.map((employee, index): DirectoryUser => {
      const [first = employee.email, last = ''] = employee.email.split('@')[0]?.split('.') ?? [];
      return {
        email: employee.email,
        firstName: first,
        lastName: last,
        type: employee.userType ?? 'EMPLOYEE',
        enabled: employee.enabled,
        guid: `EMPLOYEE${String(index).padStart(12, '0')}`,
      };
    });
    return [...employees, ...(this.state.users ?? [])];
  }

  // ---- PUT /logout

  private logout(request: ArenaRequest): ArenaReply {
    const gate = this.sessionGate(request.sessionId, 'invalidAccessToken', 'invalidAccessToken');
    if (!gate.ok) return gate.reply;
    const incident = this.incidentReply('logout', gate.headers);
    if (incident) return incident;
    gate.session.ended = 'logged-out';
    // The OpenAPI copy gives 200 "Logout Successful" with no body.
    return { status: 200, body: null, headers: gate.headers };
  }

  // ---- shared

  private sessionStatus(s: Session): 'live' | 'expired' | 'ended' {
    if (s.ended !== null) return 'ended';
    return this.clock.now() - s.lastActionAt > SESSION_IDLE_MS ? 'expired' : 'live';
  }

  /**
   * A call after login: needs a live session, refreshes it and spends one request of the budget.
   * Responses to a session Arena knows carry the budget headers; unknown sessions get none.
   */
  private sessionGate(
    sessionId: string | null,
    unknown: ArenaErrorName,
    expired: ArenaErrorName,
  ): { ok: true; session: Session; headers: Record<string, string> } | { ok: false; reply: ArenaReply } {
    const session = sessionId === null ? undefined : this.sessions.get(sessionId);
    if (!session) return { ok: false, reply: errorReply(unknown) };
    const now = this.clock.now();
    const status = this.sessionStatus(session);
    if (status !== 'live') {
      const headers = budgetHeaders(this.budget.snapshot(now));
      return { ok: false, reply: errorReply(status === 'expired' ? expired : unknown, headers) };
    }
    session.lastActionAt = now;
    const spent = this.budget.spend(now);
    const headers = budgetHeaders(this.budget.snapshot(now));
    if (!spent) return { ok: false, reply: errorReply('requestLimitReached', headers) };
    return { ok: true, session, headers };
  }

  private incidentReply(endpoint: ArenaCall, headers: Record<string, string> = {}): ArenaReply | null {
    const incident = this.state.incident;
    if (!incident || incident.endpoint !== endpoint) return null;
    if (incident.kind === 'system-error') return errorReply('systemError', headers);
    const message = unknownErrorMessage(incident.supportCode);
    return {
      status: UNKNOWN_ERROR_STATUS,
      body: { status: UNKNOWN_ERROR_STATUS, errors: [{ code: UNKNOWN_ERROR_CODE, message }] },
      headers,
    };
  }

  private recordFailure(email: string): void {
    const f = this.failures.get(email) ?? { count: 0, lockedUntil: 0 };
    f.count += 1;
    if (f.count >= LOCKOUT_THRESHOLD) {
      // The attempt that reaches the threshold still gets its own error; the next ones get 4083.
      f.lockedUntil = this.clock.now() + LOCKOUT_MS;
      f.count = 0;
    }
    this.failures.set(email, f);
  }

  private fireOnce(name: keyof WorkspaceHooks): void {
    const hook = this.hooks[name];
    // Once only: a hook that logs in again must not trigger itself.
    if (!hook || this.firedHooks.has(name)) return;
    this.firedHooks.add(name);
    hook(this, this.clock);
  }
}
