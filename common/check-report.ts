// The shapes a check produces. Shared by the core, the CLI, reports, the IPC contract and the
// renderer, so they hold plain data only (no functions, no Node or DOM types).

/** reach: the credential-free first step; 'users' is the users check's middle step (GET /settings/users), in place of authorize. */
export type StepName = 'reach' | 'login' | 'authorize' | 'users' | 'logout';
export type StepOutcome = 'passed' | 'failed' | 'skipped';

/** The Arena endpoints a check calls. Error codes are interpreted per endpoint (4001 differs by endpoint). */
export type Endpoint = 'POST /login' | 'POST /login/authorizeuser' | 'GET /settings/users' | 'PUT /logout';

/**
 * The endpoints Onshape calls later in a sync, which a check never calls: the knowledge base explains
 * their errors from a pasted message (doctor explain). Kept apart from Endpoint so a check step cannot
 * claim one.
 */
export const SYNC_ENDPOINTS = [
  'POST /settings/items/numberreservations/onshape',
  'POST /items',
  'PUT /items',
  'POST /items/{guid}/files',
  'DELETE /items/{guid}/files/{guid}',
  'POST /items/{guid}/bom',
  'PUT /items/{guid}/bom/{guid}',
  'DELETE /items/{guid}/bom/{guid}',
] as const;
export type SyncEndpoint = (typeof SYNC_ENDPOINTS)[number];

/** Every endpoint the knowledge base has entries for. */
export type KnownEndpoint = Endpoint | SyncEndpoint;

export type LoginType = 'webtoken' | 'password';

export type DataCentreId = 'us' | 'europe' | 'uk' | 'gov' | 'cn';

/** Who has to act on a fix step. */
export type Actor = 'arena-admin' | 'arena-support' | 'onshape-user' | 'onshape-admin' | 'network-admin' | 'you';

/** When checking again can help. */
export type RecheckPolicy = 'now' | 'wait-five-minutes' | 'after-change';

/**
 * Codes the client gives failures that carry no Arena error code. Node's own transport codes
 * (ECONNREFUSED, CERT_HAS_EXPIRED, …) are kept as they are; these name the rest.
 */
export type FormatFailureCode =
  | 'HTML_RESPONSE'
  | 'EMPTY_BODY'
  | 'INVALID_JSON'
  | 'WRONG_SHAPE'
  | 'BODY_TOO_LARGE'
  | 'UNEXPECTED_STATUS'
  | 'PROXY_AUTH_REQUIRED'
  | 'PROXY_REFUSED'
  | 'REDIRECT'
  | 'NO_SESSION_ID';

export interface PhaseTimings {
  /** Milliseconds spent in each phase; null where the phase did not happen (reused socket, no TLS, failed earlier). */
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  totalMs: number;
}

/** Arena's per-workspace request budget, as its response headers and login body report it. */
export interface RequestBudget {
  limit: number | null;
  remaining: number | null;
  /** The raw X-Arena-Next-Request-Limit-Reset value, as Arena sent it. */
  resetsAt: string | null;
}

export interface FixStep {
  text: string;
  /** The exact place in a UI where the change is made, e.g. "Arena > Workspace > Settings > Employees". */
  uiPath?: string;
  who: Actor;
}

/** An answer the check's own evidence gives to a cause's question, so the admin is not asked it. */
export interface EvidenceAnswer {
  answer: Answer;
  /** What the check saw, in plain words, e.g. "login and authorize were 0.2 s apart". */
  evidence: string;
}

export interface DiagnosisCause {
  id: string;
  summary: string;
  /** A yes/no question that tells this cause apart from its siblings; "yes" points to this cause. */
  question: string;
  fixSteps: FixStep[];
  /** Set when this check's evidence answers the question: the wizard skips it and shows the answer. */
  answered?: EvidenceAnswer;
}

/** The facts a diagnosis can read from one failure. Every one has a label in common/labels.ts. */
export type FactName =
  | 'supportCode'
  | 'httpStatus'
  | 'budgetLimit'
  | 'budgetRemaining'
  | 'budgetResetsAt'
  | 'budgetResetsAtUtc'
  | 'budgetResetsInMinutes'
  | 'localClock'
  | 'serverDate'
  | 'clockOffsetSeconds'
  // The certificate the reach step was shown.
  | 'certificateIssuer'
  | 'certificateSubject'
  | 'inspectionProduct'
  | 'scanningProduct'
  // The placeholders of Arena's documented messages, read out of the message it sent.
  | 'attribute'
  | 'attributeGuid'
  | 'excludedText'
  | 'guid'
  | 'category'
  | 'bomLineGuid'
  | 'header'
  | 'maxLength'
  | 'maxValues'
  | 'decimals'
  | 'value'
  | 'quantity'
  | 'itemGuid'
  | 'itemNumber'
  | 'refdes';

export type DiagnosisFacts = Partial<Record<FactName, string>>;

export interface Diagnosis {
  /** Knowledge-base entry id, stable across versions, e.g. "login.4089". */
  id: string;
  title: string;
  meaning: string;
  causes: DiagnosisCause[];
  recheck: RecheckPolicy;
  /** Facts read from this particular failure: a support code, the budget reset time, the local clock. */
  facts: DiagnosisFacts;
  /** Arena's own message, kept verbatim (after redaction) so nothing Arena said is lost. */
  arenaMessage: string | null;
}

/** The certificate the server presented during the reach step (the leaf), in plain fields. */
export interface PresentedCertificate {
  /** e.g. "CN=api.arenasolutions.com, O=Arena Solutions". */
  subject: string;
  /** e.g. "CN=Zscaler Intermediate Root CA, O=Zscaler Inc.". */
  issuer: string;
  issuerOrganization: string | null;
  issuerCommonName: string | null;
  /** ISO 8601. */
  validFrom: string | null;
  validTo: string | null;
  /** Whether the certificate names the API host. */
  nameMatches: boolean;
  /** Certificates the server sent or the chain resolved to, the leaf included. */
  chainLength: number;
}

/** Something the reach step noticed that is worth an admin's attention even when Arena was reached. */
export interface ReachFinding {
  /** Stable id, e.g. "private-address", "clock-offset". */
  id: string;
  text: string;
}

/**
 * Why a check took its route to Arena. Direct: chosen by the admin (--proxy direct, "Connect directly"),
 * nothing set (no --proxy, no HTTPS_PROXY), NO_PROXY names the API host, a loopback address, this
 * computer's proxy settings say DIRECT, or they could not be read. Through a proxy: the admin named it
 * (--proxy, "Use this proxy"), HTTPS_PROXY names it, or this computer's proxy settings do.
 */
export type RouteReason =
  | 'chosen-direct'
  | 'nothing-set'
  | 'no-proxy-match'
  | 'loopback'
  | 'system-direct'
  | 'system-unreadable'
  | 'chosen-proxy'
  | 'environment-proxy'
  | 'system-proxy';

/** How the check reached Arena (every step the same way), and why. */
export interface ReachRoute {
  /** system-proxy: the proxy this computer's settings named; explicit-proxy: one named to this tool. */
  via: 'direct' | 'system-proxy' | 'explicit-proxy';
  reason: RouteReason;
}

/** What the reach step saw of the network between this computer and Arena's API. */
export interface ReachNetwork {
  /** Every address the API host resolved to (IPv4 and IPv6); empty when a proxy resolves it, or DNS failed. */
  addresses: string[];
  /** The address the connection went to (the proxy's when one is used); null when no connection was tried. */
  addressUsed: string | null;
  /** The proxy the check went through (scheme, host and port: never a user name or password), or null for direct. */
  proxy: string | null;
  /** How the check reached Arena and why; null when the caller did not say (a report from before this field). */
  route: ReachRoute | null;
  phases: { dnsMs: number | null; connectMs: number | null; tlsMs: number | null; firstByteMs: number | null };
  certificate: PresentedCertificate | null;
  /** This computer's clock minus Arena's Date header, in seconds (positive: this computer is ahead). */
  clockOffsetSeconds: number | null;
  findings: ReachFinding[];
}

export interface StepResult {
  step: StepName;
  endpoint: Endpoint;
  url: string;
  outcome: StepOutcome;
  httpStatus: number | null;
  /** Arena's error code (number), or a transport / format code (string), or null when the step passed. */
  errorCode: number | string | null;
  message: string | null;
  durationMs: number;
  timings: PhaseTimings | null;
  budget: RequestBudget | null;
  startedAt: string;
  /** The Date header of the response, when one arrived: helps spot clock skew. */
  serverDate: string | null;
  /** Why a skipped step did not run. */
  skippedReason: string | null;
  /** The start of an unexpected (e.g. HTML) body as text, redacted, for support. */
  bodyExcerpt: string | null;
  /** The <title> of a web page that came back in Arena's place (a proxy, a captive portal, a login page), as text; null otherwise. */
  pageTitle: string | null;
  diagnosis: Diagnosis | null;
  /** Only on the reach step: addresses, phases, certificate and clock. */
  network?: ReachNetwork;
}

export interface CheckTarget {
  dataCentre: DataCentreId | 'custom';
  apiUrl: string;
  workspaceId: number;
  integrationEmail: string;
  loginType: LoginType;
  userEmail: string | null;
}

export type Answer = 'yes' | 'no' | 'not-sure';

/** The questions the admin answered in the wizard for one diagnosis, and where they led. */
export interface DiagnosisPathEntry {
  step: StepName;
  diagnosisId: string;
  answers: { causeId: string; question: string; answer: Answer }[];
  /** The cause the answers pointed to; null when no answer was "yes". */
  concludedCauseId: string | null;
}

export interface CheckReport {
  tool: { name: string; version: string };
  runtime: { node: string; platform: string; arch: string; electron: string | null };
  createdAt: string;
  target: CheckTarget;
  ok: boolean;
  workspaceName: string | null;
  budget: RequestBudget | null;
  steps: StepResult[];
  /** Set when the check ran against the built-in simulator, never against Arena. */
  practiceScenario: string | null;
  supportTicket: string | null;
  /** Filled by the desktop app when the report is exported after the admin answered questions. */
  diagnosisPath: DiagnosisPathEntry[];
}

/** Where Arena is, and nothing more: all the reach step needs to know. */
export type ReachTarget = Pick<CheckTarget, 'dataCentre' | 'apiUrl'>;

/**
 * What `doctor reach` (and "Test the network only" in the app) produces: a report of the reach step alone.
 * Its target is only where Arena is: no workspace, no user, nothing that was never asked for.
 */
export interface ReachReport {
  tool: { name: string; version: string };
  runtime: { node: string; platform: string; arch: string; electron: string | null };
  createdAt: string;
  target: ReachTarget;
  /** Arena was reached. */
  ok: boolean;
  /** The reach step, the only one. */
  steps: StepResult[];
  /** Filled by the desktop app when the report is exported, as in CheckReport; absent from `doctor reach`. */
  supportTicket?: string | null | undefined;
  diagnosisPath?: DiagnosisPathEntry[] | undefined;
}

/** A check's report, not the reach step's alone (whose target names no workspace: it was never asked for). */
export function isCheckReport(report: CheckReport | ReachReport): report is CheckReport {
  return 'workspaceId' in report.target;
}
