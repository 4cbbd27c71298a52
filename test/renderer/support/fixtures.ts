// Typed, realistic CheckReport / CheckOutcome fixtures for component tests of the wizard's branching.
// Texts follow the knowledge base (main/knowledge/login-entries.ts) so the screens show what they will show.
import type { ReachOutcome, UsersOutcome } from '../../../common/ipc/contract';
import type { UsersReport } from '../../../common/users-report';
import type { Explanation } from '../../../common/explanation';
import { explainMessage } from '../../../main/explain/explain';
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

export const DIAGNOSIS_4089: Diagnosis = {
  id: 'login.4089',
  title: 'Arena rejected the WebToken',
  meaning:
    'Arena does not accept the WebToken for this workspace and integration user. Either the token itself is wrong or out of date, it belongs to another workspace, or the employee it is assigned to is not marked for integration use.',
  causes: [
    {
      id: 'webtoken-invalid',
      summary: 'The WebToken entered is not the one Arena issued: mistyped, cut short or with extra spaces.',
      question: 'Was the WebToken typed by hand, or could it have lost or gained characters when it was pasted?',
      fixSteps: [
        {
          who: 'onshape-admin',
          text: 'Paste the WebToken again exactly as Arena Support sent it, with no spaces or line breaks before or after it.',
          uiPath: 'Onshape > Settings > Arena',
        },
      ],
    },
    {
      id: 'webtoken-regenerated',
      summary: 'Arena Support generated a new WebToken (or updated it), so the one Onshape holds no longer works.',
      question: 'Has Arena Support issued or changed a WebToken for this workspace since the connection last worked?',
      fixSteps: [
        {
          who: 'arena-support',
          text: 'Ask Arena Support for the current WebToken of the integration user (send it through a secure channel).',
        },
        { who: 'onshape-admin', text: 'Replace the old WebToken with the current one.', uiPath: 'Onshape > Settings > Arena' },
      ],
    },
    {
      id: 'integration-use-disabled',
      summary: 'The employee the WebToken is assigned to has "For Integration Use" switched off.',
      question: 'Does the integration user\'s employee record in Arena show "For Integration Use" as No?',
      fixSteps: [
        {
          who: 'arena-admin',
          text: "Open the integration user's employee record and set For Integration Use to Yes, then save.",
          uiPath: 'Arena > Workspace > Settings > Employees > Employee > For Integration Use = Yes',
        },
      ],
    },
  ],
  recheck: 'after-change',
  facts: {},
  arenaMessage: 'Invalid Token.',
};

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
      step('login'),
      step('authorize', { outcome: 'skipped', httpStatus: null, skippedReason: 'no Onshape user', budget: null }),
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
      steps: [
        step('login', {
          outcome: 'failed',
          httpStatus: 400,
          errorCode: 4089,
          message: 'Invalid Token.',
          budget: null,
          diagnosis: DIAGNOSIS_4089,
        }),
        step('authorize', { outcome: 'skipped', httpStatus: null, skippedReason: 'login failed', budget: null }),
        step('logout', { outcome: 'skipped', httpStatus: null, skippedReason: 'login failed', budget: null }),
      ],
    }),
    recheck: gate,
    tlsHint,
    notices: [],
    cancelled: false,
    cancelNote: null,
  };
}

export function lockoutOutcome(waitUntil: string): CheckOutcome {
  const outcome = login4089Outcome({ waitUntil, needsChange: false });
  const [login, ...rest] = outcome.report.steps;
  if (!login?.diagnosis) throw new Error('fixture');
  return {
    ...outcome,
    report: {
      ...outcome.report,
      steps: [
        {
          ...login,
          errorCode: 4088,
          message: 'Too many failed login attempts.',
          diagnosis: {
            ...login.diagnosis,
            id: 'login.4088',
            title: 'The integration user is locked out for a while',
            recheck: 'wait-five-minutes',
            causes: [login.diagnosis.causes[0]!],
          },
        },
        ...rest,
      ],
    },
    cancelled: false,
    cancelNote: null,
  };
}

export function transportOutcome(tlsHint: TlsHint): CheckOutcome {
  return {
    report: report({
      ok: false,
      workspaceName: null,
      budget: null,
      steps: [
        step('login', {
          outcome: 'failed',
          httpStatus: null,
          errorCode: 'SELF_SIGNED_CERT_IN_CHAIN',
          message: 'self-signed certificate in certificate chain',
          timings: null,
          budget: null,
          diagnosis: {
            id: 'network.tls-untrusted',
            title: "This computer does not trust the certificate Arena's address presented",
            meaning: 'Something between this computer and Arena presented its own certificate.',
            causes: [],
            recheck: 'after-change',
            facts: {},
            arenaMessage: null,
          },
        }),
        step('authorize', { outcome: 'skipped', httpStatus: null, skippedReason: 'login failed', budget: null }),
        step('logout', { outcome: 'skipped', httpStatus: null, skippedReason: 'login failed', budget: null }),
      ],
    }),
    recheck: { waitUntil: null, needsChange: true },
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
  const base = report({ steps: [step('login'), step('users'), step('logout')] });
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
        { email: 'ghost@example.com', status: 'not-found', arena: null, adviceId: 'users.USER_NOT_FOUND' },
      ],
      invalid: [{ line: 3, text: 'not an email' }],
      requestsUsed: 2,
      plan: { strategy: 'list', workspaceUsers: 40, requests: 2, remaining: 990, resetsAt: null },
      advice: {
        'users.USER_NOT_FOUND': {
          id: 'users.USER_NOT_FOUND',
          title: "Not among this workspace's Arena users",
          meaning: 'No user with this email is in the workspace.',
          causes: [
            {
              id: 'user-not-in-arena',
              summary: 'The Onshape user has not been added to Arena as an employee.',
              question: "Is the user missing from Arena's employee list altogether?",
              fixSteps: [
                {
                  who: 'arena-admin',
                  text: 'Add the Onshape user as a Full License Standard Employee.',
                  uiPath: 'Arena > Workspace > Settings > Employees > Employee',
                },
              ],
            },
          ],
          recheck: 'after-change',
          facts: {},
          arenaMessage: null,
        },
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
  return reachOutcome({
    outcome: 'failed',
    httpStatus: null,
    errorCode: 'ECONNREFUSED',
    message: 'connect ECONNREFUSED 10.0.0.1:443',
    timings: null,
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
    diagnosis: {
      id: 'network.ECONNREFUSED',
      title: 'Nothing accepted the connection to Arena',
      meaning: 'The connection was refused: nothing listens at that address, or a firewall rejects it.',
      causes: [
        {
          id: 'firewall-rejects',
          summary: 'A firewall on this network rejects connections to Arena.',
          question: 'Do other HTTPS sites open from this computer?',
          fixSteps: [{ who: 'network-admin', text: 'Allow HTTPS to the Arena API host.' }],
        },
        {
          id: 'wrong-address',
          summary: 'The address is not Arena’s.',
          question: 'Was a custom API address typed?',
          fixSteps: [{ who: 'you', text: 'Choose the data centre instead.' }],
        },
      ],
      recheck: 'after-change',
      facts: {},
      arenaMessage: null,
    },
  });
}
