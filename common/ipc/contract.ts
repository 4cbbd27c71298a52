// The one typed contract between the renderer and the main process. The preload (in Electron) and the
// development bridge (in a plain browser) both implement DoctorApi; the main process serves it.
// Results are tagged values, never thrown errors: Electron drops error details across IPC, and the
// renderer branches on codes.
import type {
  Answer,
  CheckReport,
  CheckTarget,
  DataCentreId,
  DiagnosisPathEntry,
  ReachReport,
  ReachTarget,
  StepName,
  StepResult,
} from '../check-report.js';
import type { InvalidLine, UsersReport, UsersStrategy } from '../users-report.js';
import type { ScenarioGroup } from '../practice.js';

import type { ExplainAnswers, Explanation, ExplanationReport } from '../explanation.js';

export type { Answer, DiagnosisPathEntry };

export type IpcErrorCode =
  | 'invalid-payload'
  | 'untrusted-sender'
  | 'keychain-unavailable'
  | 'secret-missing'
  | 'check-in-progress'
  | 'recheck-wait'
  | 'recheck-needs-change'
  | 'no-report'
  | 'unknown-scenario'
  | 'not-allowed'
  | 'settings-unwritable'
  | 'file-unwritable'
  | 'cancelled'
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  /** Plain words for the admin. Never holds a time: show retryAt in the admin's local time instead. */
  message: string;
  /** For 'recheck-wait': when checking again becomes possible (ISO time). */
  retryAt?: string | undefined;
  /** For 'recheck-wait' and 'recheck-needs-change': which account the re-check guard held back. */
  account?: GuardedAccount;
}

/** The two Arena accounts a check signs in as: the integration user, and the Onshape user it authorizes. */
export type GuardedAccount = 'integration' | 'user';

export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** The non-secret connection details, as the wizard's form holds them: the same as a report's target. */
export type ConnectionDetails = CheckTarget;

/** A secret either typed now or taken by the main process from the keychain: the keychain's never reaches the renderer. */
export type SecretInput = { source: 'typed'; value: string } | { source: 'remembered' } | { source: 'none' };

export interface CheckIntent {
  details: ConnectionDetails;
  integrationSecret: SecretInput;
  userPassword: SecretInput;
  /** Remember the typed secrets in the OS keychain. */
  remember: boolean;
  /** The admin confirmed that something was changed since a credential error. */
  confirmedChange: boolean;
  /** How this computer reaches Arena; saved with the profile. */
  proxy: ProxySetting;
  /** The connect limit (DNS, connecting, TLS, each) in seconds; absent: the default. Saved with the profile. */
  connectTimeoutSeconds?: number | undefined;
}

/**
 * "Test the network only (no sign-in)": where Arena is and how this computer gets there. No workspace, no
 * email, no secret: nothing is sent that could count against an account.
 */
export interface ReachIntent {
  target: ReachTarget;
  proxy: ProxySetting;
  /** As in CheckIntent. */
  connectTimeoutSeconds?: number | undefined;
}

export interface ReachOutcome {
  /** The same document as a check's, with the one step. */
  report: ReachReport;
  notices: string[];
  /** The admin cancelled the test; the report shows how far it got. */
  cancelled: boolean;
}

/**
 * "Check only the Onshape user again", after a check whose login passed and whose authorize failed: the
 * same connection, integration credential and proxy, with the Onshape user's email and password as the
 * admin corrected them. The runner's steps are the same as a check's (reach, login, authorize, logout).
 */
export interface UserRecheckIntent {
  /** The connection the check ran with; userEmail is the Onshape user's, possibly corrected. */
  details: ConnectionDetails & { userEmail: string };
  /** As the check sent it: Arena accepted it, so the guard lets it go again. */
  integrationSecret: SecretInput;
  userPassword: SecretInput;
  remember: boolean;
  proxy: ProxySetting;
  /** As in CheckIntent. */
  connectTimeoutSeconds?: number | undefined;
  /**
   * The admin confirmed that the Onshape user's password or account was changed. It speaks for that
   * account only: an integration user the guard holds back stays held.
   */
  userChangeConfirmed: boolean;
}

export interface PracticeIntent {
  scenario: string;
}

export type ProxySetting = { mode: 'system' } | { mode: 'direct' } | { mode: 'manual'; url: string };

export interface LastReportSummary {
  createdAt: string;
  ok: boolean;
  headline: string;
}

export interface SavedProfile {
  details: ConnectionDetails;
  remember: boolean;
  proxy: ProxySetting;
  /** The connect limit in seconds; absent in a profile saved before it existed (the default then applies). */
  connectTimeoutSeconds?: number;
  lastReport: LastReportSummary | null;
}

export interface KeychainStatus {
  available: boolean;
  /** Why it cannot be used, in plain words; null when available. */
  message: string | null;
}

export interface DataCentreOption {
  id: DataCentreId;
  label: string;
  apiBase: string;
  webApp: string;
}

export interface ScenarioSummary {
  name: string;
  title: string;
  description: string;
  /** What fails: the practice list groups by it. */
  group: ScenarioGroup;
  expectedStep: StepName | null;
  /** Arena's code, or the check's own code (e.g. HTML_RESPONSE) when what answers is not Arena. */
  expectedCode: number | string | null;
}

export interface StartupInfo {
  version: string;
  dataCentres: DataCentreOption[];
  profile: SavedProfile | null;
  keychain: KeychainStatus;
  /** Things the admin should know at start, e.g. a damaged settings file that was set aside. */
  notices: string[];
}

export interface RememberedSecrets {
  integration: boolean;
  user: boolean;
}

export interface RecheckGate {
  /** Earliest time checking again is allowed (ISO), or null. */
  waitUntil: string | null;
  /** A check with the same details needs the admin to confirm something was changed. */
  needsChange: boolean;
}

/** What the re-check guard holds against one account, before anything is sent. */
export interface AccountGate extends RecheckGate {
  /** Why, in plain words without a time (show waitUntil in local time); null when nothing holds it back. */
  reason: string | null;
}

/** The re-check guard's answer for a check about to run, per account, so the details screen can show it first. */
export interface DetailsGate {
  integration: AccountGate;
  /** The Onshape user's account; null when the details name no Onshape user. */
  user: AccountGate | null;
}

/**
 * The check the details screen is about to run. The secrets matter: a different secret typed for an
 * account counts as a change (compared in the main process, never stored).
 */
export interface GateQuery {
  details: ConnectionDetails;
  integrationSecret: SecretInput;
  userPassword: SecretInput;
}

export interface TlsHint {
  /** The same address answered through the system's network stack: a proxy or TLS inspection is likely. */
  inspectionLikely: boolean;
  message: string;
  askNetworkAdmin: string[];
}

export interface CheckOutcome {
  report: CheckReport;
  recheck: RecheckGate;
  tlsHint: TlsHint | null;
  /** Things to tell the admin beside the result, e.g. the keychain refused to remember a secret. */
  notices: string[];
  /** The admin cancelled the check; the report shows how far it got. */
  cancelled: boolean;
  /** After a cancel: what was left in Arena, in plain words ("Cancelled; nothing was opened in Arena."); else null. */
  cancelNote: string | null;
}

export type CheckProgress =
  | { type: 'step-started'; step: StepName; at: string }
  | { type: 'step-finished'; result: StepResult }
  /** The users check's reads: request `done` of `total` (pages of the list, or searches). */
  | { type: 'users-progress'; strategy: UsersStrategy; done: number; total: number };

/** Check a list of Onshape users against the workspace's users, with the integration user's login only. */
export interface UsersIntent {
  /** The connection; its userEmail is not used (nobody is authorized). */
  details: ConnectionDetails;
  integrationSecret: SecretInput;
  remember: boolean;
  confirmedChange: boolean;
  proxy: ProxySetting;
  /** As in CheckIntent. */
  connectTimeoutSeconds?: number | undefined;
  /** The pasted list, or the text of the chosen file (an export of Onshape's users, say). */
  emailsText: string;
}

/** What the list holds and what checking it can cost, before anything is sent. */
export interface UsersPreview {
  emails: number;
  duplicates: number;
  invalid: InvalidLine[];
  /** The CSV column the emails came from, or null. */
  column: string | null;
  /** At most this many requests besides the login; one per `perPage` workspace users when that is fewer. */
  atMostRequests: number;
  perPage: number;
}

export interface UsersOutcome {
  report: UsersReport;
  recheck: RecheckGate;
  notices: string[];
  cancelled: boolean;
}

/** A saved report's form, named by its file extension: md is Markdown, to paste into a support ticket. */
export type ExportFormat = 'html' | 'json' | 'csv' | 'md';

/** A copied summary's form: plain text, or Markdown (md) to paste into a support ticket. */
export type CopyFormat = 'text' | 'md';

export interface ExportRequest {
  /** csv: the users check's per-user table (only after a users check); md: a connection check's only. */
  format: ExportFormat;
  supportTicket: string | null;
  diagnosisPath: DiagnosisPathEntry[];
  /** A past result from the history to export, or null for the latest check. */
  historyId: string | null;
}

export type ExportResult = { saved: true; fileName: string } | { saved: false };

export interface SummaryRequest {
  format: CopyFormat;
  supportTicket: string | null;
  diagnosisPath: DiagnosisPathEntry[];
  /** A past result from the history to copy, or null for the latest check. */
  historyId: string | null;
}

/** An error message the admin pasted, to explain from its text alone: no connection is made. */
export interface ExplainRequest {
  text: string;
}

/** Saving or copying an explanation: the same text again (explaining it is pure), and the admin's choices. */
export interface ExplanationOutputRequest {
  text: string;
  /** The candidate picked by answering "What were you doing…?"; null for the best-ranked one. */
  chosenId: string | null;
  answers: ExplainAnswers | null;
  /** A past explanation from the history to save or copy (its text is not needed then), or null for the text given. */
  historyId: string | null;
}

export interface ExplanationExportRequest extends ExplanationOutputRequest {
  format: Exclude<ExportFormat, 'csv'>;
}

export interface ExplanationCopyRequest extends ExplanationOutputRequest {
  format: CopyFormat;
}

/** What a check or an explained message looked like, kept in the history exactly as its export would show it. */
export type HistoryRecord =
  | { kind: 'check'; report: CheckReport }
  | { kind: 'explain'; report: ExplanationReport }
  /** "Test the network only": the reach step's report alone. */
  | { kind: 'reach'; report: ReachReport };
export type HistoryKind = HistoryRecord['kind'];
export type HistoryEntry = HistoryRecord & { id: string };

/** One line of the "Recent checks" list. */
export interface HistorySummary {
  id: string;
  kind: HistoryKind;
  createdAt: string;
  /** The API address and workspace ID a check went to; null for a result that made no connection. */
  apiUrl: string | null;
  workspaceId: number | null;
  /** A check that passed; an explained message never is (it explains an error). */
  ok: boolean;
  /**
   * "passed", or the failed step and Arena's code, e.g. "Log in as the integration user failed (4089)";
   * for a message, what was recognised in it, e.g. "Explained message: Arena code 4089".
   */
  outcome: string;
  /** The diagnosis title, or "The connection works"; for a message, the matched entry's title or the message's short form. */
  title: string;
}

export interface HistoryList {
  /** Newest first. */
  entries: HistorySummary[];
  /** E.g. that a damaged history file was set aside. */
  notices: string[];
}

export interface DoctorApi {
  getStartup(): Promise<Result<StartupInfo>>;
  rememberedFor(details: ConnectionDetails): Promise<Result<RememberedSecrets>>;
  runCheck(intent: CheckIntent): Promise<Result<CheckOutcome>>;
  /** What the re-check guard would say to this check now; sends nothing to Arena. */
  gateFor(query: GateQuery): Promise<Result<DetailsGate>>;
  listScenarios(): Promise<Result<ScenarioSummary[]>>;
  /** Reads a list of Onshape users (pasted, or a file's text) and says what checking it can cost; sends nothing. */
  previewUsers(emailsText: string): Promise<Result<UsersPreview>>;
  /** The users check: login, the workspace's users, logout; one at a time with checks, through the re-check guard. */
  runUsersCheck(intent: UsersIntent): Promise<Result<UsersOutcome>>;
  /** Logs in as the integration user again, authorizes only the Onshape user, logs out; through the re-check guard. */
  recheckUser(intent: UserRecheckIntent): Promise<Result<CheckOutcome>>;
  runPractice(intent: PracticeIntent): Promise<Result<CheckOutcome>>;
  /** Only the reach step: no credential is read or sent, so the re-check guard has nothing to hold back. */
  runReach(intent: ReachIntent): Promise<Result<ReachOutcome>>;
  /**
   * Stops the running check: no later step runs, and a session is still logged out of. A login that may
   * have reached Arena is waited for (within its timeout), so that a session its answer opens is closed.
   */
  cancelCheck(): Promise<Result<null>>;
  forgetSecrets(details: ConnectionDetails): Promise<Result<RememberedSecrets>>;
  exportReport(request: ExportRequest): Promise<Result<ExportResult>>;
  copyReportSummary(request: SummaryRequest): Promise<Result<null>>;
  copyText(text: string): Promise<Result<null>>;
  listHistory(): Promise<Result<HistoryList>>;
  /** One past result, read-only; export it with historyId in the export request. */
  openHistory(id: string): Promise<Result<HistoryEntry>>;
  deleteHistory(id: string): Promise<Result<HistoryList>>;
  clearHistory(): Promise<Result<HistoryList>>;
  openExternal(url: string): Promise<Result<null>>;
  /** Explains an error Onshape showed, from its text: no credentials, no network. */
  explainMessage(request: ExplainRequest): Promise<Result<Explanation>>;
  exportExplanation(request: ExplanationExportRequest): Promise<Result<ExportResult>>;
  copyExplanation(request: ExplanationCopyRequest): Promise<Result<null>>;
  /** Progress of the running check; returns the unsubscribe function. */
  onCheckProgress(listener: (progress: CheckProgress) => void): () => void;
}

/** Request/response methods of DoctorApi: everything but the event subscription. */
export type DoctorMethod = Exclude<keyof DoctorApi, 'onCheckProgress'>;

/** IPC channel of each method, and of the progress event. */
export const CHANNELS: Readonly<Record<DoctorMethod, string>> = {
  getStartup: 'doctor:get-startup',
  rememberedFor: 'doctor:remembered-for',
  runCheck: 'doctor:run-check',
  gateFor: 'doctor:gate-for',
  listScenarios: 'doctor:list-scenarios',
  previewUsers: 'doctor:preview-users',
  runUsersCheck: 'doctor:run-users-check',
  recheckUser: 'doctor:recheck-user',
  runPractice: 'doctor:run-practice',
  runReach: 'doctor:run-reach',
  cancelCheck: 'doctor:cancel-check',
  forgetSecrets: 'doctor:forget-secrets',
  exportReport: 'doctor:export-report',
  copyReportSummary: 'doctor:copy-report-summary',
  copyText: 'doctor:copy-text',
  listHistory: 'doctor:list-history',
  openHistory: 'doctor:open-history',
  deleteHistory: 'doctor:delete-history',
  clearHistory: 'doctor:clear-history',
  openExternal: 'doctor:open-external',
  explainMessage: 'doctor:explain-message',
  exportExplanation: 'doctor:export-explanation',
  copyExplanation: 'doctor:copy-explanation',
};

export const PROGRESS_CHANNEL = 'doctor:check-progress';

export const DOCTOR_METHODS = Object.keys(CHANNELS) as DoctorMethod[];

/** Payload type of each method (undefined for methods without one). */
export type PayloadOf<M extends DoctorMethod> = Parameters<DoctorApi[M]> extends [infer P] ? P : undefined;
/** Success data of each method. */
export type DataOf<M extends DoctorMethod> = Awaited<ReturnType<DoctorApi[M]>> extends Result<infer D> ? D : never;
