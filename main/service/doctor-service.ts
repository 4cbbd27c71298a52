// The main process's side of the IPC contract, independent of how it is reached: Electron's ipcMain
// (main/app) and the development bridge (main/dev-bridge) both hand payloads to handle(). Every payload
// is validated here; every answer is a Result; no handler throws; no secret leaves in an answer.
import type { LookupFunction } from 'node:net';
import type { CheckReport } from '../../common/check-report.js';
import type {
  CheckIntent,
  CheckOutcome,
  CheckProgress,
  ConnectionDetails,
  DataOf,
  DoctorMethod,
  ExportRequest,
  ExportResult,
  IpcError,
  PayloadOf,
  Result,
  SavedProfile,
  SecretInput,
  StartupInfo,
  SummaryRequest,
} from '../../common/ipc/contract.js';
import { DATA_CENTRES } from '../arena/data-centres.js';
import { DEFAULT_TIMEOUT_MS } from '../arena/client.js';
import { practiceKey, RecheckGuard, reportKey, targetKey } from '../check/recheck-gate.js';
import type { RecheckStore } from '../check/recheck-store.js';
import { runCheck, type CheckEvent } from '../check/runner.js';
import { nullLogger, type AddSecrets, type AppLogger } from '../logging/index.js';
import { proxyFor, type SystemProxyResolver } from '../network/proxy.js';
import { runPracticeScenario, scenarioSummaries } from '../practice/practice.js';
import { headline } from '../report/format.js';
import { renderHtml } from '../report/html-report.js';
import { renderJson } from '../report/json-report.js';
import { renderText } from '../report/text-report.js';
import type { SettingsStore } from '../settings/index.js';
import { scenarioByName } from '../simulator/index.js';
import { tlsHintFor, type ProbeResult } from '../tls-hint/tls-hint.js';
import type { SecretKind, Vault, VaultEntryKey } from '../vault/index.js';
import { toolInfo } from '../version.js';
import { isAllowedExternalLink } from './external-links.js';
import { describeIssues, PAYLOAD_SCHEMAS, type PayloadSchema } from './payload-schemas.js';

/** The side effects the service needs from its host (Electron, or the development bridge). */
export interface ServiceHost {
  vault: Vault;
  settings: SettingsStore;
  /** Asks where to save (a dialog in Electron) and writes the file. */
  saveFile(request: { suggestedName: string; content: string; format: 'html' | 'json' }): Promise<ExportResult>;
  writeClipboard(text: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** One plain request through the system's network stack, for the TLS-inspection hint. */
  probeWithSystemStack?: (url: string) => Promise<ProbeResult>;
  resolveSystemProxy?: SystemProxyResolver;
  now?: () => Date;
  electronVersion?: string | null;
  timeoutMs?: number;
  /** Extra certificate authorities (PEM) to trust besides the system's, e.g. a corporate root CA file. */
  extraCa?: string;
  /** Where the re-check guard keeps its state between runs of the app; absent: in memory only. */
  recheckStore?: RecheckStore;
  /** Trust the operating system's certificate store too, as the browser does (the Electron app: yes). */
  trustSystemStore?: boolean;
  /** A dns.lookup-compatible resolver; a test seam only (tests: no real DNS leaves this machine). */
  lookup?: LookupFunction;
  /** The support log; it is told the secrets of each request, and removes them from everything logged. */
  logger?: AppLogger;
}

export interface DoctorService {
  handle<M extends DoctorMethod>(method: M, payload: unknown): Promise<Result<DataOf<M>>>;
  onProgress(listener: (progress: CheckProgress) => void): () => void;
}

type Handlers = { [M in DoctorMethod]: (payload: PayloadOf<M>, addSecrets: AddSecrets) => Promise<Result<DataOf<M>>> };

export function createDoctorService(host: ServiceHost): DoctorService {
  const now = host.now ?? (() => new Date());
  const log = host.logger ?? nullLogger;
  // The guard starts from what the last run of the app recorded, so a restart does not end a lockout wait.
  const guardReady: Promise<RecheckGuard> = (host.recheckStore?.load() ?? Promise.resolve({})).then(
    (state) => new RecheckGuard(now, state),
    () => new RecheckGuard(now),
  );
  const listeners = new Set<(progress: CheckProgress) => void>();
  let lastReport: CheckReport | null = null;
  let running = false;
  let cancel: AbortController | null = null;

  const emit = (event: CheckEvent): void => {
    const progress: CheckProgress =
      event.type === 'step-started' ? { type: 'step-started', step: event.step, at: event.at } : { type: 'step-finished', result: event.result };
    for (const listener of listeners) listener(progress);
  };

  /** Runs one check at a time: two at once would be two logins, and the second cancels the first. */
  const exclusive = async (work: (signal: AbortSignal) => Promise<Result<CheckOutcome>>): Promise<Result<CheckOutcome>> => {
    if (running) return fail('check-in-progress', 'A check is already running; wait for it to finish.');
    running = true;
    cancel = new AbortController();
    try {
      return await work(cancel.signal);
    } finally {
      running = false;
      cancel = null;
    }
  };

  const finish = async (report: CheckReport, signal: AbortSignal): Promise<Omit<CheckOutcome, 'notices'>> => {
    const guard = await guardReady;
    const cancelled = signal.aborted;
    // A cancelled check judged nothing: it neither sets nor clears a re-check policy.
    if (!cancelled) {
      guard.record(report);
      await host.recheckStore?.save(guard.state()).catch((error: unknown) => log.warn({ err: error }, 'recheck state not saved'));
    }
    lastReport = report;
    const tlsHint = !cancelled && host.probeWithSystemStack ? await tlsHintFor(report, host.probeWithSystemStack) : null;
    return { report, recheck: guard.gateFor(reportKey(report)), tlsHint, cancelled };
  };

  const handlers: Handlers = {
    getStartup: async () => {
      const [{ settings, notices }, keychain] = await Promise.all([host.settings.read(), host.vault.status()]);
      if (!keychain.available) log.warn({ message: keychain.message }, 'keychain unavailable');
      if (notices.length > 0) log.warn({ notices }, 'settings notices at startup');
      const data: StartupInfo = {
        version: toolInfo().version,
        dataCentres: DATA_CENTRES.map(({ id, label, apiBase, webApp }) => ({ id, label, apiBase, webApp })),
        profile: settings.profile,
        keychain,
        notices,
      };
      return ok(data);
    },

    rememberedFor: async (details) => {
      const result = await host.vault.remembered(vaultKey(details), details.loginType);
      return result.ok ? ok(result.value) : fail('keychain-unavailable', result.unavailable.message ?? 'The keychain cannot be used.');
    },

    forgetSecrets: async (details) => {
      const result = await host.vault.forget(vaultKey(details));
      if (!result.ok) return fail('keychain-unavailable', result.unavailable.message ?? 'The keychain cannot be used.');
      return ok({ integration: false, user: false });
    },

    runCheck: (intent, addSecrets) =>
      exclusive(async (signal) => {
        const details = normaliseDetails(intent.details);
        const key = targetKey({ ...details, userEmail: details.userEmail });
        const admission = (await guardReady).admit(key, intent.confirmedChange);
        if (!admission.ok) return fail(admission.code, admission.message, admission.retryAt);

        const secretKind: SecretKind = details.loginType === 'webtoken' ? 'webtoken' : 'password';
        const integrationSecret = await resolveSecret(host.vault, details, secretKind, intent.integrationSecret);
        if (!integrationSecret.ok) return integrationSecret;
        addSecrets([integrationSecret.data]);
        let user: { email: string; password: string } | null = null;
        if (details.userEmail) {
          const password = await resolveSecret(host.vault, details, 'user-password', intent.userPassword);
          if (!password.ok) return password;
          addSecrets([password.data]);
          user = { email: details.userEmail, password: password.data };
        }

        const proxySetting = intent.proxy;
        log.info({ target: targetFields(details), authorize: user !== null, proxy: proxySetting.mode }, 'check started');
        const report = await runCheck(
          {
            apiUrl: details.apiUrl,
            dataCentre: details.dataCentre,
            workspaceId: details.workspaceId,
            integrationEmail: details.integrationEmail,
            loginType: details.loginType,
            integrationSecret: integrationSecret.data,
            user,
            timeoutMs: host.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            ...(host.extraCa !== undefined ? { extraCa: host.extraCa } : {}),
            ...(host.trustSystemStore !== undefined ? { trustSystemStore: host.trustSystemStore } : {}),
            ...(host.lookup !== undefined ? { lookup: host.lookup } : {}),
            proxyUrl: await proxyFor(proxySetting, details.apiUrl, host.resolveSystemProxy ?? null),
          },
          { onEvent: emit, now, signal, electronVersion: host.electronVersion ?? null },
        );

        log.info({ target: targetFields(details), ok: report.ok, steps: stepFields(report) }, 'check finished');
        const notices = await remember(host, intent, details);
        if (notices.length > 0) log.warn({ notices }, 'the keychain did not remember a secret');
        await saveProfile(host, { details, remember: intent.remember, proxy: proxySetting, lastReport: summary(report) });
        return ok({ ...(await finish(report, signal)), notices });
      }),

    listScenarios: async () => ok(scenarioSummaries()),

    cancelCheck: async () => {
      if (cancel) log.info({}, 'check cancelled');
      cancel?.abort();
      return ok(null);
    },

    runPractice: (intent) =>
      exclusive(async (signal) => {
        const scenario = scenarioByName(intent.scenario);
        if (!scenario) return fail('unknown-scenario', `There is no practice scenario named "${printable(intent.scenario)}".`);
        const admission = (await guardReady).admit(practiceKey(scenario.name), true);
        if (!admission.ok) return fail(admission.code, admission.message, admission.retryAt);
        const run = await runPracticeScenario(scenario, { onEvent: emit, now, signal, electronVersion: host.electronVersion ?? null });
        log.info({ scenario: scenario.name, ok: run.report.ok, steps: stepFields(run.report) }, 'practice run finished');
        return ok({ ...(await finish(run.report, signal)), notices: [] });
      }),


    exportReport: async (request) => {
      const report = reportFor(lastReport, request);
      if (!report) return fail('no-report', 'There is no report yet: run a check first.');
      const content = request.format === 'html' ? renderHtml(report) : renderJson(report);
      try {
        const saved = await host.saveFile({ suggestedName: fileNameFor(report, request.format), content, format: request.format });
        log.info({ format: request.format, saved: saved.saved, practice: report.practiceScenario !== null }, 'report exported');
        return ok(saved);
      } catch (error) {
        return fail('file-unwritable', `The report could not be saved: ${messageOf(error)}`);
      }
    },

    copyReportSummary: async (request) => {
      const report = reportFor(lastReport, request);
      if (!report) return fail('no-report', 'There is no report yet: run a check first.');
      await host.writeClipboard(renderText(report));
      return ok(null);
    },

    copyText: async (text) => {
      await host.writeClipboard(text);
      return ok(null);
    },

    openExternal: async (url) => {
      if (!isAllowedExternalLink(url)) return fail('not-allowed', 'This app only opens Arena and Onshape help pages.');
      await host.openExternal(url);
      return ok(null);
    },
  };

  return {
    async handle<M extends DoctorMethod>(method: M, payload: unknown): Promise<Result<DataOf<M>>> {
      // Own keys only: an inherited name ("constructor", "toString") is not a method.
      const schema: PayloadSchema<M> | undefined = Object.hasOwn(PAYLOAD_SCHEMAS, method) ? PAYLOAD_SCHEMAS[method] : undefined;
      if (!schema) return fail('invalid-payload', 'Unknown request.');
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const message = describeIssues(parsed.error);
        log.warn({ method, code: 'invalid-payload', message }, 'request refused');
        return fail('invalid-payload', message);
      }
      // The request's secrets (typed now, or loaded from the keychain later) are scrubbed from whatever is logged meanwhile.
      return log.withSecrets(typedSecrets(parsed.data), async (addSecrets) => {
        let result: Result<DataOf<M>>;
        try {
          const handler = handlers[method] as (payload: PayloadOf<M>, addSecrets: AddSecrets) => Promise<Result<DataOf<M>>>;
          result = await handler(parsed.data, addSecrets);
        } catch (error) {
          // Handlers never throw on purpose; an unexpected fault still comes back as a Result.
          log.error({ method, err: error }, 'internal error');
          // The error's own text could hold anything (even a secret): it goes to the redacting log, not the window.
          result = fail('internal', 'Something went wrong inside the app. The support log has the details.');
        }
        if (!result.ok) log.warn({ method, code: result.error.code, message: result.error.message }, 'request refused');
        return result;
      });
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A known data centre's address always comes from our table, whatever the renderer sent. */
function normaliseDetails(details: ConnectionDetails): ConnectionDetails {
  const centre = DATA_CENTRES.find((candidate) => candidate.id === details.dataCentre);
  return {
    ...details,
    apiUrl: centre ? centre.apiBase : details.apiUrl.trim().replace(/\/+$/, ''),
    integrationEmail: details.integrationEmail.trim(),
    userEmail: details.userEmail?.trim() || null,
  };
}

function vaultKey(details: ConnectionDetails): VaultEntryKey {
  const normalised = normaliseDetails(details);
  return {
    apiUrl: normalised.apiUrl,
    workspaceId: normalised.workspaceId,
    integrationEmail: normalised.integrationEmail,
    userEmail: normalised.userEmail,
  };
}

async function resolveSecret(vault: Vault, details: ConnectionDetails, kind: SecretKind, input: SecretInput): Promise<Result<string>> {
  const what = kind === 'webtoken' ? 'WebToken' : kind === 'password' ? "integration user's password" : "Onshape user's password";
  if (input.source === 'typed') return ok(input.value);
  if (input.source === 'none') return fail('secret-missing', `Enter the ${what}.`);
  const loaded = await vault.load(vaultKey(details), kind);
  if (!loaded.ok) return fail('keychain-unavailable', `${loaded.unavailable.message ?? 'The keychain cannot be used.'} Enter the ${what} instead.`);
  if (loaded.value === null) return fail('secret-missing', `No ${what} is remembered for these details; enter it.`);
  return ok(loaded.value);
}

/** Stores typed secrets when asked to; returns notices when the keychain refused (the check still ran). */
async function remember(host: ServiceHost, intent: CheckIntent, details: ConnectionDetails): Promise<string[]> {
  if (!intent.remember) return [];
  const key = vaultKey(details);
  const notices: string[] = [];
  const kind: SecretKind = details.loginType === 'webtoken' ? 'webtoken' : 'password';
  const pending: [SecretKind, SecretInput][] = [[kind, intent.integrationSecret]];
  if (details.userEmail) pending.push(['user-password', intent.userPassword]);
  for (const [secretKind, input] of pending) {
    if (input.source !== 'typed') continue;
    const saved = await host.vault.save(key, secretKind, input.value);
    if (!saved.ok && saved.unavailable.message) notices.push(saved.unavailable.message);
  }
  return notices;
}

async function saveProfile(host: ServiceHost, profile: SavedProfile): Promise<void> {
  try {
    await host.settings.update((current) => ({ ...current, profile }));
  } catch {
    // Not being able to save settings must not cost the admin the result of the check.
  }
}

function summary(report: CheckReport): SavedProfile['lastReport'] {
  return { createdAt: report.createdAt, ok: report.ok, headline: headline(report) };
}

function reportFor(report: CheckReport | null, request: ExportRequest | SummaryRequest): CheckReport | null {
  if (!report) return null;
  return { ...report, supportTicket: request.supportTicket, diagnosisPath: request.diagnosisPath };
}

function fileNameFor(report: CheckReport, format: 'html' | 'json'): string {
  const stamp = report.createdAt.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const which = report.practiceScenario ? `practice-${report.practiceScenario}` : `workspace-${report.target.workspaceId}`;
  // The outcome in the name lets support tell files apart at a glance: "ok", or the failed step and code.
  const failed = report.steps.find((step) => step.outcome === 'failed');
  const outcome = failed ? `${failed.step}-${String(failed.errorCode ?? 'failed').replace(/[^\w-]/g, '')}` : 'ok';
  return `arena-connect-doctor-${which}-${stamp}-${outcome}.${format}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? '' : 'unknown error';
}

function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

function fail<T>(code: IpcError['code'], message: string, retryAt?: string): Result<T> {
  return { ok: false, error: retryAt ? { code, message, retryAt } : { code, message } };
}

/** What the log says about a check's target: no secret, the API address as its host only. */
function targetFields(details: ConnectionDetails): Record<string, unknown> {
  let apiHost: string;
  try {
    apiHost = new URL(details.apiUrl).host;
  } catch {
    apiHost = '(not a web address)';
  }
  return {
    dataCentre: details.dataCentre,
    apiHost,
    workspaceId: details.workspaceId,
    integrationEmail: details.integrationEmail,
    userEmail: details.userEmail,
    loginType: details.loginType,
  };
}

/** Each step's outcome, status, code and duration, for the log. */
function stepFields(report: CheckReport): Record<string, unknown>[] {
  return report.steps.map((step) => ({
    step: step.step,
    outcome: step.outcome,
    httpStatus: step.httpStatus,
    errorCode: step.errorCode,
    durationMs: step.durationMs,
    diagnosis: step.diagnosis?.id ?? null,
  }));
}

/** The secrets typed into a check request, known before any handler runs. */
function typedSecrets(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const secrets: string[] = [];
  for (const key of ['integrationSecret', 'userPassword']) {
    const input: unknown = (payload as Record<string, unknown>)[key];
    if (typeof input === 'object' && input !== null && 'value' in input && typeof input.value === 'string') secrets.push(input.value);
  }
  return secrets;
}

/** Echoed input: one line, shortened. */
function printable(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return cleaned.length > 60 ? `${cleaned.slice(0, 60)}…` : cleaned;
}
