// Typed CheckReport / CheckOutcome fixtures for component tests of the wizard's branching, shaped as the
// runner reports a check (reach first, the runner's skip reasons) and diagnosed by the real diagnose() from
// the answer each step got, so the screens see what users see: the knowledge base's causes, facts and ids.
import type { ReachOutcome, UsersOutcome } from '../../../common/ipc/contract';
import type { UsersReport } from '../../../common/users-report';
import type { Explanation } from '../../../common/explanation';
import { explainMessage } from '../../../main/explain/explain';
import { NOT_REACHED_REASON } from '../../../main/check/runner';
import { diagnose } from '../../../main/diagnosis/diagnose';
import { adviceIdFor, verdictCode } from '../../../main/users/verdicts';
import type { CheckReport, Diagnosis, ReachNetwork, StepName, StepResult } from '../../../common/check-report';
import type { CheckOutcome, DataCentreOption, RecheckGate, ScenarioSummary, StartupInfo, TlsHint } from '../../../common/ipc/contract';

export const DATA_CENTRES: DataCentreOption[] = [
  { id: 'us', label: 'United States', webApp: 'app.bom.com', apiBase: 'https://api.arenasolutions.com/v1' },
  { id: 'europe', label: 'Europe', webApp: 'app.europe.arenaplm.com', apiBase: 'https://api.europe.arenaplm.com/v1' },
  { id: 'uk', label: 'United Kingdom', webApp: 'app.uk.arenaplm.com', apiBase: 'https://api.uk.arenaplm.com/v1' },
  { id: 'gov', label: 'Arena Government', webApp: 'app.arenagov.com', apiBase: 'https://api.arenagov.com/v1' },
  { id: 'cn', label: 'China', webApp: 'app.arenaplm.cn', apiBase: 'https://api.arenaplm.cn/v1' },
];

export function startupInfo(overrides: Partial<StartupInfo> = {}): StartupInfo {
  return {
    version: '0.1.0',
    dataCentres: DATA_CENTRES,
    profile: null,
    keychain: { available: true, message: null },
    notices: [],
    ...overrides,
  };
}

export const SCENARIOS: ScenarioSummary[] = [
  {
    name: 'healthy',
    title: 'Everything is set up correctly',
    description: 'The integration user, its WebToken and the Onshape user are all configured as Arena expects.',
    group: 'passes',
    expectedStep: null,
    expectedCode: null,
  },
  {
    name: 'webtoken-regenerated',
    title: 'WebToken was regenerated',
    description: 'Arena Support generated a new WebToken for the integration user, but Onshape still holds the old one.',
    group: 'login',
    expectedStep: 'login',
    expectedCode: 4089,
  },
];

const ENDPOINTS = {
  reach: 'PUT /logout',
  login: 'POST /login',
  authorize: 'POST /login/authorizeuser',
  users: 'GET /settings/users',
  logout: 'PUT /logout',
} as const;
const PATHS = {
  reach: '/logout',
  login: '/login',
  authorize: '/login/authorizeuser',
  users: '/settings/users',
  logout: '/logout',
} as const;

export function step(name: StepName, overrides: Partial<StepResult> = {}): StepResult {
  return {
    step: name,
    endpoint: ENDPOINTS[name],
    url: `https://api.arenasolutions.com/v1${PATHS[name]}`,
    outcome: 'passed',
    httpStatus: 200,
    errorCode: null,
    message: null,
    durationMs: 412,
    timings: { dnsMs: 12, connectMs: 40, tlsMs: 80, firstByteMs: 260, totalMs: 412 },
    budget: { limit: 25000, remaining: 24987, resetsAt: '2025-11-23T00:00:00Z' },
    startedAt: '2025-11-22T10:00:00.000Z',
    serverDate: 'Sat, 22 Nov 2025 10:00:00 GMT',
    skippedReason: null,
    bodyExcerpt: null,
    pageTitle: null,
    diagnosis: null,
    ...overrides,
  };
}

/** When the fixtures' check ran: its steps start at 10:00:00, the report is made a second later. */
const CHECKED_AT = new Date('2025-11-22T10:00:00.412Z');

/** What a step got back, as the runner hands it to diagnose(): Arena's answer, or this computer's failure. */
interface StepAnswer {
  httpStatus: number | null;
  errorCode: number | string | null;
  message: string | null;
}

/** A failed step as the runner reports it, diagnosed by the real knowledge base with the runner's evidence. */
export function failedStep(name: StepName, answer: StepAnswer, overrides: Partial<StepResult> = {}): StepResult {
  const failed = step(name, { outcome: 'failed', budget: null, ...answer, ...overrides });
  // After the login: the fixtures' passed login (step('login')), as the runner finds it among the earlier steps.
  const passedLogin = step('login');
  const login = name === 'authorize' || name === 'logout' ? { startedAt: passedLogin.startedAt, durationMs: passedLogin.durationMs } : null;
  const input = {
    endpoint: name === 'reach' ? ('reach' as const) : failed.endpoint,
    ...answer,
    budget: failed.budget,
    serverDate: failed.serverDate,
    certificate: failed.network?.certificate ?? null,
  };
  // The runner gives the reach step no evidence (nothing else has run yet); later steps get what it saw.
  const evidence = { step: name, stepStartedAt: failed.startedAt, login, apiUrl: 'https://api.arenasolutions.com/v1', route: null };
  const diagnosis = diagnose(input, name === 'reach' ? { now: CHECKED_AT } : { now: CHECKED_AT, evidence });
  return { ...failed, diagnosis };
}

/** The steps after a failed login, skipped with the runner's words. */
const AFTER_FAILED_LOGIN: StepResult[] = [
  step('authorize', {
    outcome: 'skipped',
    httpStatus: null,
    skippedReason: 'The login failed, so there was no session to authorize a user with.',
    budget: null,
  }),
  step('logout', {
    outcome: 'skipped',
    httpStatus: null,
    skippedReason: 'The login failed, so there was no session to log out of.',
    budget: null,
  }),
];

/** Reach passed: Arena's API answered the credential-free probe (401, code 401) over a direct connection. */
function reached(): StepResult {
  return step('reach', { httpStatus: 401, budget: null, network: REACH_NETWORK });
}

const LOGIN_4089: StepAnswer = { httpStatus: 400, errorCode: 4089, message: 'Invalid Token.' };

/** What the app shows for Arena's 4089 at the login: every cause the knowledge base gives, in its order. */
export const DIAGNOSIS_4089: Diagnosis = failedStep('login', LOGIN_4089).diagnosis!;

export function report(overrides: Partial<CheckReport> = {}): CheckReport {
  return {
    tool: { name: 'arena-connect-doctor', version: '0.1.0' },
    runtime: { node: '22.20.0', platform: 'win32', arch: 'x64', electron: '45.4.1' },
    createdAt: '2025-11-22T10:00:01.000Z',
    target: {
      dataCentre: 'us',
      apiUrl: 'https://api.arenasolutions.com/v1',
      workspaceId: 123456789,
      integrationEmail: 'onshape-integration@example.com',
      loginType: 'webtoken',
      userEmail: null,
    },
    ok: true,
    workspaceName: 'Example Robotics (Production)',
    budget: { limit: 25000, remaining: 24987, resetsAt: '2025-11-23T00:00:00Z' },
    steps: [
      reached(),
      step('login'),
      step('authorize', {
        outcome: 'skipped',
        httpStatus: null,
        skippedReason: 'No Onshape user was given, so no user was authorized.',
        budget: null,
      }),
      step('logout'),
    ],
    practiceScenario: null,
    supportTicket: null,
    diagnosisPath: [],
    ...overrides,
  };
}

const OPEN_GATE: RecheckGate = { waitUntil: null, needsChange: false };

export function passedOutcome(overrides: Partial<CheckReport> = {}): CheckOutcome {
  return { report: report(overrides), recheck: OPEN_GATE, tlsHint: null, notices: [], cancelled: false, cancelNote: null };
}

export function login4089Outcome(gate: RecheckGate = { waitUntil: null, needsChange: true }, tlsHint: TlsHint | null = null): CheckOutcome {
  return {
    report: report({
      ok: false,
      workspaceName: null,
      budget: null,
      steps: [reached(), failedStep('login', LOGIN_4089), ...AFTER_FAILED_LOGIN],
    }),
    recheck: gate,
    tlsHint,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

/**
 * The login passed and Arena refused to authorize the Onshape user (20016), 0.2 s after the login: the check
 * answers the "did 90 minutes pass?" question itself (No), so the screen asks only the other one.
 */
export function authorize20016Outcome(): CheckOutcome {
  const refused = failedStep(
    'authorize',
    { httpStatus: 400, errorCode: 20016, message: 'User not authorized for workspace.' },
    { startedAt: '2025-11-22T10:00:00.612Z' },
  );
  const target = { ...report().target, userEmail: 'designer@example.com' };
  return {
    report: report({ ok: false, target, steps: [reached(), step('login'), refused, step('logout')] }),
    recheck: { waitUntil: null, needsChange: true },
    tlsHint: null,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

/** Arena's lockout (4083) at the login: the re-check guard holds until waitUntil. */
export function lockoutOutcome(waitUntil: string): CheckOutcome {
  const locked = failedStep('login', {
    httpStatus: 400,
    errorCode: 4083,
    message: 'Too many invalid password attempts, account disabled for five minutes.',
  });
  return {
    report: report({ ok: false, workspaceName: null, budget: null, steps: [reached(), locked, ...AFTER_FAILED_LOGIN] }),
    recheck: { waitUntil, needsChange: false },
    tlsHint: null,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

/** A certificate this computer does not trust, at reach (it asks first): nothing later runs, no credential is sent. */
export function transportOutcome(tlsHint: TlsHint): CheckOutcome {
  const untrusted = failedStep(
    'reach',
    { httpStatus: null, errorCode: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' },
    {
      timings: null,
      network: {
        ...REACH_NETWORK,
        phases: { dnsMs: 12, connectMs: 21, tlsMs: null, firstByteMs: null },
        certificate: {
          ...REACH_NETWORK.certificate!,
          issuer: 'CN=Contoso Inspection CA, O=Contoso',
          issuerOrganization: 'Contoso',
          issuerCommonName: 'Contoso Inspection CA',
          chainLength: 2,
        },
        clockOffsetSeconds: null,
      },
    },
  );
  const notReached = (['login', 'authorize', 'logout'] as const).map((name) =>
    step(name, { outcome: 'skipped', httpStatus: null, skippedReason: NOT_REACHED_REASON, budget: null }),
  );
  return {
    report: report({ ok: false, workspaceName: null, budget: null, steps: [untrusted, ...notReached] }),
    recheck: { waitUntil: null, needsChange: false },
    tlsHint,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

/** The real explanation of a pasted text (the matcher is pure), so explain tests see what the app shows. */
export function explained(text: string): Explanation {
  return explainMessage(text, { now: new Date('2025-11-22T10:00:00.000Z') });
}

/** A users check that read the users: one ready, one not found, with the not-found advice. */
export function usersOutcome(): UsersOutcome {
  const base = report({ steps: [reached(), step('login'), step('users'), step('logout')] });
  const usersReport: UsersReport = {
    ...base,
    usersCheck: {
      emails: 2,
      users: [
        {
          email: 'dana@example.com',
          status: 'ready',
          arena: { type: 'EMPLOYEE', enabled: true, fullName: 'Dana Designer' },
          adviceId: null,
        },
        { email: 'ghost@example.com', status: 'not-found', arena: null, adviceId: adviceIdFor('not-found') },
      ],
      invalid: [{ line: 3, text: 'not an email' }],
      requestsUsed: 2,
      plan: { strategy: 'list', workspaceUsers: 40, requests: 2, remaining: 990, resetsAt: null },
      // As run-users.ts gives it: the knowledge base's advice for the verdict.
      advice: {
        [adviceIdFor('not-found')]: diagnose(
          {
            endpoint: 'GET /settings/users',
            httpStatus: null,
            errorCode: verdictCode('not-found'),
            message: null,
            budget: null,
            serverDate: null,
          },
          { now: CHECKED_AT },
        ),
      },
      cannotShow: "Arena's user list does not show a user's license or access policies.",
    },
  };
  return { report: usersReport, recheck: { waitUntil: null, needsChange: false }, notices: [], cancelled: false };
}

/** The reach step's evidence as a network test saw it: a direct connection to one of two addresses. */
export const REACH_NETWORK: ReachNetwork = {
  addresses: ['52.9.1.10', '2600:1f1c::10'],
  addressUsed: '52.9.1.10',
  proxy: null,
  route: { via: 'direct', reason: 'system-direct' },
  phases: { dnsMs: 12, connectMs: 21, tlsMs: 35, firstByteMs: 60 },
  certificate: {
    subject: 'CN=api.arenasolutions.com',
    issuer: 'CN=Amazon RSA 2048 M02, O=Amazon',
    issuerOrganization: 'Amazon',
    issuerCommonName: 'Amazon RSA 2048 M02',
    validFrom: '2025-06-01T00:00:00.000Z',
    validTo: '2026-06-30T23:59:59.000Z',
    nameMatches: true,
    chainLength: 3,
  },
  clockOffsetSeconds: 0,
  findings: [],
};

/** "Test the network only" as the service answers it: one step, reached or not. */
export function reachOutcome(overrides: Partial<StepResult> = {}): ReachOutcome {
  const reach = step('reach', { httpStatus: 401, budget: null, network: REACH_NETWORK, ...overrides });
  return {
    report: {
      tool: { name: 'arena-connect-doctor', version: '0.1.0' },
      runtime: { node: '22.12.0', platform: 'linux', arch: 'x64', electron: null },
      createdAt: '2025-11-22T10:00:01.000Z',
      target: { dataCentre: 'us', apiUrl: 'https://api.arenasolutions.com/v1' },
      ok: reach.outcome === 'passed',
      steps: [reach],
    },
    notices: [],
    cancelled: false,
  };
}

/** The network test when a private address answered for Arena's public host, and the connection was refused. */
export function reachRefusedOutcome(): ReachOutcome {
  const answer = { httpStatus: null, errorCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:443' };
  return reachOutcome({
    ...answer,
    outcome: 'failed',
    timings: null,
    diagnosis: failedStep('reach', answer).diagnosis,
    network: {
      ...REACH_NETWORK,
      addresses: ['10.0.0.1'],
      addressUsed: '10.0.0.1',
      phases: { dnsMs: 3, connectMs: null, tlsMs: null, firstByteMs: null },
      certificate: null,
      clockOffsetSeconds: null,
      findings: [
        {
          id: 'private-address',
          text: 'The Arena API host api.arenasolutions.com resolved to 10.0.0.1, which is not a public internet address.',
        },
      ],
    },
  });
}
