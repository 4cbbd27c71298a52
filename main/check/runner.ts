// Runs the check the way Onshape connects, after a credential-free reach step: log in as the integration
// user, authorize one Onshape user, log out. Emits progress as it goes and returns a report that holds no secret.
import type {
  CheckReport,
  CheckTarget,
  DataCentreId,
  Diagnosis,
  Endpoint,
  LoginType,
  PresentedCertificate,
  ReachFinding,
  ReachNetwork,
  ReachReport,
  StepName,
  StepResult,
} from '../../common/check-report.js';
import { ArenaClient, type ArenaNetwork, type ArenaSession, type CallOutcome } from '../arena/client.js';
import { CANCELLED } from '../arena/transport-error.js';
import { dataCentreOf } from '../arena/data-centres.js';
import { probeReach } from '../arena/reach.js';
import { ENDPOINT_PATHS, REACH_PROBE, type ArenaCall } from '../arena/request-shapes.js';
import type { KnowledgeScope } from '../knowledge/types.js';
import type { CheckEvidence } from '../diagnosis/evidence.js';
import { proxyAddress, reportedRoute, type ProxyRoute } from '../network/proxy.js';
import { toolInfo } from '../version.js';

export interface CheckRequest {
  apiUrl: string;
  workspaceId: number;
  integrationEmail: string;
  loginType: LoginType;
  /** The integration user's WebToken or password, by loginType. Used for one request, then dropped. */
  integrationSecret: string;
  /** The Onshape user to authorize; absent: the authorize step is skipped. */
  user?: { email: string; password: string } | null;
  /** The answer limit per request. */
  timeoutMs?: number | undefined;
  /** The connect limit (DNS, TCP, TLS each); see DEFAULT_CONNECT_TIMEOUT_MS. */
  connectTimeoutMs?: number | undefined;
  proxyUrl?: string | null;
  /** How proxyUrl was chosen, so the diagnosis can answer proxy questions; absent: not known. */
  route?: ProxyRoute | null;
  /** Set when the target is the built-in simulator. */
  practiceScenario?: string | null;
  /** Overrides the data centre read from apiUrl (a simulator address is 'custom' otherwise). */
  dataCentre?: DataCentreId | 'custom';
}

export type CheckEvent =
  | { type: 'step-started'; step: StepName; endpoint: Endpoint; at: string }
  /** delivered: the step's request may have reached Arena (see CallOutcome.delivered). */
  | { type: 'step-finished'; result: StepResult; delivered: boolean };

export interface CheckEnvironment {
  onEvent?: (event: CheckEvent) => void;
  /**
   * Cancels the check: the steps after the one under way are skipped; a login that may have reached Arena
   * runs to its answer so that its session can be logged out of; a session is always logged out of.
   */
  signal?: AbortSignal;
  /** Injectable for tests and for the simulator's clock. */
  now?: () => Date;
  electronVersion?: string | null;
  /** Trust and name resolution, passed to the Arena client as they are. */
  network?: ArenaNetwork;
}

/** Why the credential steps did not run when the reach step failed: nothing secret was ever sent. */
export const NOT_REACHED_REASON = 'Arena could not be reached, so no credential was sent.';
export const CANCELLED_BEFORE_CREDENTIAL = 'Cancelled by you before any credential was sent.';

/** What the reach step needs: where Arena is and how to get there, no credential. */
export type ReachRequest = Pick<CheckRequest, 'apiUrl' | 'timeoutMs' | 'connectTimeoutMs' | 'proxyUrl' | 'route' | 'practiceScenario'>;

/** What the check saw besides the failing answer, for the questions it settles (the reach step's too). */
function evidenceOf(request: ReachRequest, step: StepName, startedAt: Date, login: StepResult | null): CheckEvidence {
  return {
    step,
    stepStartedAt: startedAt.toISOString(),
    login: login ? { startedAt: login.startedAt, durationMs: login.durationMs } : null,
    // A practice run's address is the simulator's: it says nothing about the admin's settings.
    apiUrl: request.practiceScenario ? null : request.apiUrl,
    route: request.practiceScenario ? null : (request.route ?? null),
  };
}

const userAgent = (): string => `${toolInfo().name.replace(/\s+/g, '')}/${toolInfo().version}`;

/**
 * The reach step: the credential-free probe, as a step result. It sends no credential and no session, so it
 * is safe on any network, and it names the failing layer before a login attempt is spent.
 */
export async function reachStep(request: ReachRequest, environment: CheckEnvironment = {}): Promise<StepResult> {
  const now = environment.now ?? (() => new Date());
  const emit = environment.onEvent ?? (() => undefined);
  const url = `${request.apiUrl.replace(/\/+$/, '')}${REACH_PROBE.path}`;
  const startedAt = now();
  emit({ type: 'step-started', step: 'reach', endpoint: REACH_PROBE.endpoint, at: startedAt.toISOString() });
  const { call, network } = await probeReach(
    {
      ...environment.network,
      apiUrl: request.apiUrl,
      timeoutMs: request.timeoutMs,
      connectTimeoutMs: request.connectTimeoutMs,
      proxyUrl: request.proxyUrl ?? null,
      userAgent: userAgent(),
      now,
    },
    environment.signal,
  );
  const finishedAt = now();
  const withFindings: ReachNetwork = {
    ...network,
    // The report names a proxy by scheme, host and port only; the route says why it (or none) was used.
    proxy: network.proxy === null ? null : proxyAddress(network.proxy),
    route: request.route ? reportedRoute(request.route) : null,
    findings: await findingsOf(request.apiUrl, network),
  };
  let result: StepResult;
  if (call.errorCode === CANCELLED) {
    result = {
      ...skippedAt('reach', REACH_PROBE.endpoint, url, startedAt, "Cancelled by you while waiting for Arena's answer."),
      network: withFindings,
    };
  } else {
    const evidence = evidenceOf(request, 'reach', startedAt, null);
    const diagnosis = call.ok ? null : await diagnosisOf('reach', call, finishedAt, network.certificate, evidence);
    result = { ...stepResult('reach', REACH_PROBE.endpoint, url, startedAt, call, diagnosis), network: withFindings };
  }
  // The probe carries no credential and no session: nothing Arena could count against an account.
  emit({ type: 'step-finished', result, delivered: false });
  return result;
}

/** Only the reach step, as a report of its own: `doctor reach` and the app's network-only test. */
export async function reachReport(
  request: ReachRequest & { dataCentre?: DataCentreId | 'custom' },
  environment: CheckEnvironment = {},
): Promise<ReachReport> {
  const now = environment.now ?? (() => new Date());
  const step = await reachStep(request, environment);
  return {
    tool: toolInfo(),
    runtime: { node: process.versions.node, platform: process.platform, arch: process.arch, electron: environment.electronVersion ?? null },
    createdAt: now().toISOString(),
    target: { dataCentre: request.dataCentre ?? dataCentreOf(request.apiUrl), apiUrl: request.apiUrl },
    ok: step.outcome === 'passed',
    steps: [step],
  };
}

/** A finished check with what the re-check guard and the cancel note need beside the report. */
export interface CheckRun {
  report: CheckReport;
  /** The steps whose request may have reached Arena (see CallOutcome.delivered): Arena may have counted them. */
  delivered: ReadonlySet<StepName>;
  /** After a cancel: what was left open in Arena, in plain words; null when the check was not cancelled. */
  cancelNote: string | null;
}

export async function runCheck(request: CheckRequest, environment: CheckEnvironment = {}): Promise<CheckReport> {
  return (await performCheck(request, environment)).report;
}

export async function performCheck(request: CheckRequest, environment: CheckEnvironment = {}): Promise<CheckRun> {
  const now = environment.now ?? (() => new Date());
  const emit = environment.onEvent ?? (() => undefined);
  const client = clientFor(request, environment.network);
  const delivered = new Set<StepName>();
  const steps: StepResult[] = [];
  const reach = await reachStep(request, environment);
  steps.push(reach);
  if (reach.outcome !== 'passed' || environment.signal?.aborted) {
    // Nothing secret leaves this computer when Arena cannot be reached: the server has seen only the probe.
    const reason = reach.outcome === 'failed' ? NOT_REACHED_REASON : CANCELLED_BEFORE_CREDENTIAL;
    for (const step of ['login', 'authorize', 'logout'] as const) steps.push(skipped(step, client, now(), reason));
    const report = buildReport(request, steps, null, now(), environment.electronVersion ?? null);
    return { report, delivered, cancelNote: environment.signal?.aborted ? 'Cancelled; nothing was opened in Arena.' : null };
  }

  const evidenceFor = (step: StepName, startedAt: Date): CheckEvidence =>
    evidenceOf(request, step, startedAt, steps.find((earlier) => earlier.step === 'login' && earlier.outcome === 'passed') ?? null);
  const announced = stepRunner(client, emit, now, evidenceFor);
  const runStep = <T extends { call: CallOutcome }>(step: ArenaCall, call: () => Promise<T>): Promise<[StepResult, T]> =>
    announced(step, async () => {
      const outcome = await call();
      if (outcome.call.delivered) delivered.add(step);
      return outcome;
    });

  const [login, { session }] = await runStep('login', () =>
    client.login(
      {
        email: request.integrationEmail,
        workspaceId: request.workspaceId,
        loginType: request.loginType,
        secret: request.integrationSecret,
      },
      environment.signal,
    ),
  );
  steps.push(login);
  // A login answered after a cancel: the client let it finish so that its session can be closed now.
  const loginAnsweredLate = environment.signal?.aborted === true && login.outcome !== 'skipped';
  // Without a session the later steps cannot run; a skipped login means the admin cancelled it.
  const noSession = login.outcome === 'skipped' ? 'The check was cancelled before a session existed.' : null;

  if (!request.user) {
    steps.push(skipped('authorize', client, now(), 'No Onshape user was given, so no user was authorized.'));
  } else if (!session) {
    steps.push(skipped('authorize', client, now(), noSession ?? 'The login failed, so there was no session to authorize a user with.'));
  } else if (environment.signal?.aborted) {
    steps.push(skipped('authorize', client, now(), 'Cancelled by you before this step.'));
  } else {
    const user = request.user;
    const [authorize] = await runStep('authorize', async () => ({
      call: await client.authorize(session, user.email, user.password, environment.signal),
    }));
    steps.push(authorize);
  }

  // Log out whenever the login succeeded, even after a failed or cancelled authorize: an abandoned session
  // lingers until it times out. Logout is never cancelled.
  if (session) {
    const [logout] = await runStep('logout', async () => ({ call: await client.logout(session) }));
    steps.push(logout);
  } else {
    steps.push(skipped('logout', client, now(), noSession ?? 'The login failed, so there was no session to log out of.'));
  }

  const report = buildReport(request, steps, session, now(), environment.electronVersion ?? null);
  const cancelNote = environment.signal?.aborted ? cancelNoteFor(steps, delivered.has('login'), loginAnsweredLate) : null;
  return { report, delivered, cancelNote };
}

/** What a cancelled check left in Arena, said plainly: the admin must not be told a session closed when none did. */
function cancelNoteFor(steps: readonly StepResult[], loginDelivered: boolean, loginAnsweredLate: boolean): string {
  const login = steps.find((step) => step.step === 'login');
  const logout = steps.find((step) => step.step === 'logout');
  if (login?.outcome === 'passed') {
    if (logout?.outcome !== 'passed') {
      return 'Cancelled; Arena opened a session, but logging out of it failed: Arena closes it by itself when it times out.';
    }
    return loginAnsweredLate
      ? "Cancelled; Arena's late answer was logged out of."
      : 'Cancelled; the session that was open was logged out of.';
  }
  if (login?.outcome === 'failed' && login.httpStatus === null && loginDelivered) {
    return 'Cancelled; Arena never answered the login. If it opened a session anyway, Arena closes it by itself when it times out.';
  }
  return 'Cancelled; nothing was opened in Arena.';
}

/** The Arena client a check (or a users check) talks through, with the request's connection options. */
export function clientFor(request: Omit<CheckRequest, 'user'> & { user?: CheckRequest['user'] }, network?: ArenaNetwork): ArenaClient {
  return new ArenaClient({
    ...network,
    apiUrl: request.apiUrl,
    timeoutMs: request.timeoutMs,
    connectTimeoutMs: request.connectTimeoutMs,
    proxyUrl: request.proxyUrl ?? null,
    userAgent: userAgent(),
    // Every step's answer is redacted of every secret of the check, not only of the ones it sent.
    secrets: [request.integrationSecret, ...(request.user ? [request.user.password] : [])],
  });
}

/** Runs one step's call: announces it, diagnoses a failure, turns a cancelled call into a skipped step. */
export function stepRunner(
  client: ArenaClient,
  emit: (event: CheckEvent) => void,
  now: () => Date,
  evidenceFor?: (step: StepName, startedAt: Date) => CheckEvidence,
) {
  return async <T extends { call: CallOutcome }>(step: ArenaCall, call: () => Promise<T>): Promise<[StepResult, T]> => {
    const { endpoint, path } = ENDPOINT_PATHS[step];
    const startedAt = now();
    emit({ type: 'step-started', step, endpoint, at: startedAt.toISOString() });
    const outcome = await call();
    const finishedAt = now();
    const cancelled = outcome.call.errorCode === CANCELLED;
    const diagnosis =
      outcome.call.ok || cancelled ? null : await diagnosisOf(endpoint, outcome.call, finishedAt, null, evidenceFor?.(step, startedAt));
    const result = cancelled
      ? skipped(step, client, startedAt, "Cancelled by you while waiting for Arena's answer.")
      : stepResult(step, endpoint, client.url(path), startedAt, outcome.call, diagnosis);
    emit({ type: 'step-finished', result, delivered: outcome.call.delivered });
    return [result, outcome];
  };
}

export function stepResult(
  step: StepName,
  endpoint: Endpoint,
  url: string,
  startedAt: Date,
  call: CallOutcome,
  diagnosis: Diagnosis | null,
): StepResult {
  return {
    step,
    endpoint,
    url,
    outcome: call.ok ? 'passed' : 'failed',
    httpStatus: call.httpStatus,
    errorCode: call.errorCode,
    message: call.message,
    durationMs: call.durationMs,
    timings: call.timings,
    budget: call.budget,
    startedAt: startedAt.toISOString(),
    serverDate: call.serverDate,
    skippedReason: null,
    bodyExcerpt: call.bodyExcerpt,
    pageTitle: call.pageTitle,
    diagnosis,
  };
}

/** The knowledge base is loaded only when a step fails: a passing check (and the CLI's start) never needs it. */
export async function diagnosisOf(
  endpoint: KnowledgeScope,
  call: CallOutcome,
  finishedAt: Date,
  certificate: PresentedCertificate | null = null,
  evidence?: CheckEvidence,
): Promise<Diagnosis> {
  const { diagnose } = await import('../diagnosis/diagnose.js');
  return diagnose(
    {
      endpoint,
      httpStatus: call.httpStatus,
      errorCode: call.errorCode,
      message: call.message,
      budget: call.budget,
      serverDate: call.serverDate,
      certificate,
    },
    evidence ? { now: finishedAt, evidence } : { now: finishedAt },
  );
}

export function skipped(step: ArenaCall, client: ArenaClient, at: Date, reason: string): StepResult {
  const { endpoint, path } = ENDPOINT_PATHS[step];
  return skippedAt(step, endpoint, client.url(path), at, reason);
}

function skippedAt(step: StepName, endpoint: Endpoint, url: string, at: Date, reason: string): StepResult {
  return {
    step,
    endpoint,
    url,
    outcome: 'skipped',
    httpStatus: null,
    errorCode: null,
    message: null,
    durationMs: 0,
    timings: null,
    budget: null,
    startedAt: at.toISOString(),
    serverDate: null,
    skippedReason: reason,
    bodyExcerpt: null,
    pageTitle: null,
    diagnosis: null,
  };
}

/** What the reach step noticed besides its outcome; the wording is data in the knowledge base. */
async function findingsOf(apiUrl: string, network: Omit<ReachNetwork, 'findings' | 'route'>): Promise<ReachFinding[]> {
  const { reachFindings } = await import('../diagnosis/reach-findings.js');
  return reachFindings(apiUrl, network);
}

export function buildReport(
  request: Omit<CheckRequest, 'user'> & { user?: CheckRequest['user'] },
  steps: StepResult[],
  session: ArenaSession | null,
  createdAt: Date,
  electronVersion: string | null,
): CheckReport {
  const target: CheckTarget = {
    dataCentre: request.dataCentre ?? dataCentreOf(request.apiUrl),
    apiUrl: request.apiUrl,
    workspaceId: request.workspaceId,
    integrationEmail: request.integrationEmail,
    loginType: request.loginType,
    userEmail: request.user?.email ?? null,
  };
  // The freshest budget figures are on the last request that reported them.
  const budget = [...steps].reverse().find((step) => step.budget)?.budget ?? null;
  return {
    tool: toolInfo(),
    runtime: { node: process.versions.node, platform: process.platform, arch: process.arch, electron: electronVersion },
    createdAt: createdAt.toISOString(),
    target,
    // Passed: nothing failed, the login worked, and the user was authorized when one was given (a cancelled
    // step is skipped, not failed, and must not count as a pass).
    ok:
      steps.every((step) => step.outcome !== 'failed') &&
      steps.find((step) => step.step === 'login')?.outcome === 'passed' &&
      (!request.user || steps.find((step) => step.step === 'authorize')?.outcome === 'passed'),
    workspaceName: session?.workspaceName ?? null,
    budget: budget ? { ...budget, limit: budget.limit ?? session?.requestLimit ?? null } : null,
    steps,
    practiceScenario: request.practiceScenario ?? null,
    supportTicket: null,
    diagnosisPath: [],
  };
}
