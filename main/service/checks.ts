// The checks' part of the service: one check (or practice run) at a time, through the re-check guard,
// with progress streamed, the profile saved and the outcome recorded for the next check.
import type { CheckReport, StepName } from '../../common/check-report.js';
import type {
  CheckIntent,
  CheckOutcome,
  CheckProgress,
  ConnectionDetails,
  GuardedAccount,
  Result,
  SavedProfile,
  SecretInput,
} from '../../common/ipc/contract.js';
import { accountsOf } from '../accounts/identity.js';
import { DEFAULT_TIMEOUT_MS } from '../arena/client.js';
import { emptyGateState, RecheckGuard, type Admission, type GuardedTarget } from '../check/recheck-gate.js';
import { performCheck, reachReport, type CheckEvent } from '../check/runner.js';
import { createSecretMarker, type SecretMarker } from '../check/secret-mark.js';
import { reachTargetFields, stepFields, targetFields } from '../logging/fields.js';
import type { AddSecrets, AppLogger } from '../logging/index.js';
import { proxyUrlOf, routeFor } from '../network/proxy.js';
import { runPracticeScenario, scenarioSummaries } from '../practice/practice.js';
import { headline } from '../report/format.js';
import { SettingsError } from '../settings/index.js';
import { scenarioByName } from '../simulator/index.js';
import type { SecretKind } from '../vault/index.js';
import { tlsHintFor } from '../tls-hint/tls-hint.js';
import { normaliseDetails, normaliseTarget } from './details.js';
import { fail, messageOf, ok, type Handlers } from './handler.js';
import type { HistoryHandlers } from './history-handlers.js';
import type { ServiceHost } from './host.js';
import { integrationSecretKind, remember, resolveSecret } from './keychain.js';
import type { LastReport } from './reports.js';
import { previewUsers, runUsers } from './users-handlers.js';
import { printable } from '../../common/printable.js';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS } from '../../common/fields.js';

export interface CheckContext {
  host: ServiceHost;
  now: () => Date;
  log: AppLogger;
  last: LastReport;
  history: Pick<HistoryHandlers, 'keep' | 'keepReach'>;
  emitProgress: (progress: CheckProgress) => void;
}

/** What a check needs from the renderer's request; a check and a re-check of the Onshape user alike. */
type CheckRequest = Pick<CheckIntent, 'details' | 'integrationSecret' | 'userPassword' | 'remember' | 'proxy' | 'connectTimeoutSeconds'>;

type CheckHandlers = Pick<
  Handlers,
  'runCheck' | 'recheckUser' | 'gateFor' | 'runPractice' | 'runReach' | 'cancelCheck' | 'listScenarios' | 'previewUsers' | 'runUsersCheck'
>;

export function checkHandlers(context: CheckContext): { handlers: CheckHandlers; startupNotices: () => Promise<string[]> } {
  const { host, now, log, last } = context;
  const mark = createSecretMarker();
  // The guard starts from what the last run of the app recorded, so a restart does not end a lockout wait.
  const guardReady: Promise<{ guard: RecheckGuard; notice: string | null }> = (
    host.recheckStore?.load() ?? Promise.resolve({ state: emptyGateState(), notice: null })
  ).then(
    ({ state, notice }) => ({ guard: new RecheckGuard(now, state), notice }),
    (error: unknown) => {
      log.warn({ err: error }, 'recheck state not loaded');
      const guard = new RecheckGuard(now);
      guard.markUnknown();
      return {
        guard,
        notice:
          "The app's record of accounts Arena refused or locked could not be loaded, so each account needs your confirmation before its next check.",
      };
    },
  );
  let running = false;
  let cancel: AbortController | null = null;

  const emit = (event: CheckEvent): void =>
    context.emitProgress(
      event.type === 'step-started'
        ? { type: 'step-started', step: event.step, at: event.at }
        : { type: 'step-finished', result: event.result },
    );
  const environment = (signal: AbortSignal) => ({ onEvent: emit, now, signal, electronVersion: host.electronVersion ?? null });

  /** Runs one check at a time: two at once would be two logins, and the second cancels the first. */
  const exclusive = async <T>(work: (signal: AbortSignal) => Promise<Result<T>>): Promise<Result<T>> => {
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

  /** Saves the guard's state; a failure is told to the admin (the guard still holds it in memory). */
  const saveGuard = async (guard: RecheckGuard): Promise<string[]> => {
    if (!host.recheckStore) return [];
    try {
      await host.recheckStore.save(guard.state());
      return [];
    } catch (error) {
      log.warn({ err: error }, 'recheck state not saved');
      return [
        `The app could not save its record of accounts Arena refused or locked (${host.recheckStore.filePath}: ${messageOf(error)}). It keeps that record in memory until the app is closed.`,
      ];
    }
  };

  const tlsHintOf = async (report: CheckReport, cancelled: boolean) =>
    !cancelled && host.probeWithSystemStack ? await tlsHintFor(report, host.probeWithSystemStack) : null;

  /**
   * One check: the secrets resolved, the guard asked (the confirmation speaks for the accounts named),
   * the runner's steps, and what they did recorded, remembered, saved and kept in the history.
   */
  const check = async (
    signal: AbortSignal,
    intent: CheckRequest,
    confirmed: boolean | readonly GuardedAccount[],
    addSecrets: AddSecrets,
  ): Promise<Result<CheckOutcome>> => {
    const details = normaliseDetails(intent.details);
    const integrationSecret = await resolveSecret(host.vault, details, integrationSecretKind(details), intent.integrationSecret);
    if (!integrationSecret.ok) return integrationSecret;
    addSecrets([integrationSecret.data]);
    let user: { email: string; password: string } | null = null;
    if (details.userEmail) {
      const password = await resolveSecret(host.vault, details, 'user-password', intent.userPassword);
      if (!password.ok) return password;
      addSecrets([password.data]);
      user = { email: details.userEmail, password: password.data };
    }

    // The guard judges what would be sent now: these accounts, these secrets.
    const { guard } = await guardReady;
    const targets = guardTargets(details, { integration: integrationSecret.data, user: user?.password ?? null }, mark);
    const admission = guard.admit(targets, confirmed);
    if (!admission.ok) return refusal(admission);

    const proxySetting = intent.proxy;
    log.info({ target: targetFields(details), authorize: user !== null, proxy: proxySetting.mode }, 'check started');
    const route = await routeFor(proxySetting, details.apiUrl, host.resolveSystemProxy ?? null);
    const run = await performCheck(
      {
        apiUrl: details.apiUrl,
        dataCentre: details.dataCentre,
        workspaceId: details.workspaceId,
        integrationEmail: details.integrationEmail,
        loginType: details.loginType,
        integrationSecret: integrationSecret.data,
        user,
        timeoutMs: host.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        connectTimeoutMs: connectLimitMs(intent.connectTimeoutSeconds, host),
        proxyUrl: proxyUrlOf(route),
        route,
      },
      { ...environment(signal), network: host.network ?? {} },
    );
    const { report } = run;
    const cancelled = signal.aborted;
    // Even a cancelled check may have reached Arena: the guard records what was delivered.
    guard.record(report, run.delivered, targets);
    log.info({ target: targetFields(details), ok: report.ok, cancelled, steps: stepFields(report) }, 'check finished');

    const notices = [...(await saveGuard(guard))];
    const accepted = { integration: stepPassed(report, 'login'), user: stepPassed(report, 'authorize') };
    const keychainNotices = await remember(host, intent, details, accepted);
    if (keychainNotices.length > 0) log.warn({ notices: keychainNotices }, 'the keychain did not remember a secret');
    notices.push(...keychainNotices);
    notices.push(
      ...(await saveProfile(host, {
        details,
        remember: intent.remember,
        proxy: proxySetting,
        connectTimeoutSeconds: intent.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
        lastReport: summary(report),
      })),
    );
    // A cancelled check is not a result (the window does not show it either), so it is not kept.
    if (!cancelled) notices.push(...(await context.history.keep(report, [integrationSecret.data, ...(user ? [user.password] : [])])));
    last.current = report;
    return ok({
      report,
      recheck: guard.combinedGate(targets),
      tlsHint: await tlsHintOf(report, cancelled),
      notices,
      cancelled,
      cancelNote: cancelled ? run.cancelNote : null,
    });
  };

  const handlers: CheckHandlers = {
    runCheck: (intent, addSecrets) => exclusive((signal) => check(signal, intent, intent.confirmedChange, addSecrets)),

    // The same check, with the Onshape user as the admin corrected it; a confirmation is the Onshape user's only.
    recheckUser: (intent, addSecrets) =>
      exclusive((signal) => check(signal, intent, intent.userChangeConfirmed ? ['user'] : [], addSecrets)),

    gateFor: async (query) => {
      const details = normaliseDetails(query.details);
      const integration = await secretIfAny(host, details, integrationSecretKind(details), query.integrationSecret);
      const user = details.userEmail ? await secretIfAny(host, details, 'user-password', query.userPassword) : null;
      const { guard } = await guardReady;
      const [integrationGate, userGate] = guardTargets(details, { integration, user }, mark).map((target) => guard.gateFor(target));
      if (!integrationGate) return fail('internal', 'The re-check guard named no integration user.');
      return ok({ integration: integrationGate, user: userGate ?? null });
    },

    listScenarios: async () => ok(scenarioSummaries()),

    previewUsers: async (emailsText) => previewUsers(emailsText),

    // One login at a time, checks and users checks alike: a second login would cancel the first.
    runUsersCheck: (intent, addSecrets) =>
      exclusive(async (signal) => {
        const { guard } = await guardReady;
        // Even a cancelled run may have reached Arena: the guard records what was delivered.
        const record = async (
          report: CheckReport,
          delivered: ReadonlySet<StepName>,
          targets: readonly GuardedTarget[],
        ): Promise<string[]> => {
          guard.record(report, delivered, targets);
          last.current = report;
          return saveGuard(guard);
        };
        const targetsFor = (details: ConnectionDetails, integrationSecret: string): GuardedTarget[] =>
          guardTargets({ ...details, userEmail: null }, { integration: integrationSecret, user: null }, mark);
        return runUsers({ context, guard, targetsFor, record }, intent, addSecrets, signal);
      }),

    // Only the reach step. No credential exists here, so the re-check guard has nothing to judge or record;
    // it still takes its turn (one run at a time, so progress and cancel belong to one run).
    runReach: (intent) =>
      exclusive(async (signal) => {
        const target = normaliseTarget(intent.target);
        log.info({ target: reachTargetFields(target), proxy: intent.proxy.mode }, 'network test started');
        const route = await routeFor(intent.proxy, target.apiUrl, host.resolveSystemProxy ?? null);
        const report = await reachReport(
          {
            apiUrl: target.apiUrl,
            dataCentre: target.dataCentre,
            timeoutMs: host.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            connectTimeoutMs: connectLimitMs(intent.connectTimeoutSeconds, host),
            proxyUrl: proxyUrlOf(route),
            route,
          },
          { ...environment(signal), network: host.network ?? {} },
        );
        const cancelled = signal.aborted;
        log.info({ target: reachTargetFields(target), ok: report.ok, cancelled, steps: stepFields(report) }, 'network test finished');
        last.current = report;
        // A cancelled test is not a result (the window does not show it either), so it is not kept.
        const notices = cancelled ? [] : await context.history.keepReach(report);
        return ok({ report, notices, cancelled });
      }),

    cancelCheck: async () => {
      if (cancel) log.info({}, 'check cancelled');
      cancel?.abort();
      return ok(null);
    },

    runPractice: (intent) =>
      exclusive(async (signal) => {
        const scenario = scenarioByName(intent.scenario);
        if (!scenario) return fail('unknown-scenario', `There is no practice scenario named "${printable(intent.scenario)}".`);
        const { guard } = await guardReady;
        const waiting = guard.practiceGate(scenario.name).waitUntil;
        if (waiting) {
          return fail(
            'recheck-wait',
            'This practice account is locked for five minutes, as Arena would lock a real one. Practise again after the time shown.',
            {
              retryAt: waiting,
            },
          );
        }
        const run = await runPracticeScenario(scenario, environment(signal));
        const cancelled = signal.aborted;
        if (!cancelled) guard.recordPractice(run.report);
        log.info({ scenario: scenario.name, ok: run.report.ok, steps: stepFields(run.report) }, 'practice run finished');
        const notices = cancelled ? [] : await saveGuard(guard);
        last.current = run.report;
        return ok({
          report: run.report,
          recheck: guard.practiceGate(scenario.name),
          tlsHint: await tlsHintOf(run.report, cancelled),
          notices,
          cancelled,
          cancelNote: cancelled ? run.cancelNote : null,
        });
      }),
  };

  const startupNotices = async (): Promise<string[]> => {
    const { notice } = await guardReady;
    return notice ? [notice] : [];
  };
  return { handlers, startupNotices };
}

/** The connect limit the admin set for this run (seconds), else the host's (tests), else the client's default. */
export function connectLimitMs(seconds: number | undefined, host: Pick<ServiceHost, 'connectTimeoutMs'>): number | undefined {
  return seconds === undefined ? host.connectTimeoutMs : Math.round(seconds * 1000);
}

/** The accounts a check signs in as, each with the mark of the secret it would send. */
export function guardTargets(
  details: ConnectionDetails,
  secrets: { integration: string | null; user: string | null },
  mark: SecretMarker,
): GuardedTarget[] {
  const kind = integrationSecretKind(details);
  return accountsOf(details).map(({ account, identity }) => {
    const secret = account === 'integration' ? secrets.integration : secrets.user;
    const markKind = account === 'integration' ? kind : 'user-password';
    return {
      account,
      identity,
      mark: secret === null ? null : mark(markKind, secret),
      secretName: account === 'integration' && kind === 'webtoken' ? 'WebToken' : 'password',
    };
  });
}

/** For a question only (gateFor): the secret that would be sent, or null when there is none to compare. */
async function secretIfAny(host: ServiceHost, details: ConnectionDetails, kind: SecretKind, input: SecretInput): Promise<string | null> {
  if (input.source === 'none') return null;
  const resolved = await resolveSecret(host.vault, details, kind, input);
  return resolved.ok ? resolved.data : null;
}

export function refusal<T>(admission: Extract<Admission, { ok: false }>): Result<T> {
  return fail(admission.code, admission.message, {
    account: admission.account,
    retryAt: admission.retryAt,
  });
}

export function stepPassed(report: CheckReport, step: StepName): boolean {
  return report.steps.some((candidate) => candidate.step === step && candidate.outcome === 'passed');
}

/** Not being able to save settings must not cost the admin the result of the check: it becomes a notice. */
async function saveProfile(host: ServiceHost, profile: SavedProfile): Promise<string[]> {
  try {
    await host.settings.update((current) => ({ ...current, profile }));
    return [];
  } catch (error) {
    const why = error instanceof SettingsError ? error.message : `The settings could not be saved (${messageOf(error)}).`;
    return [`${why} These details will not be filled in next time.`];
  }
}

function summary(report: CheckReport): SavedProfile['lastReport'] {
  return { createdAt: report.createdAt, ok: report.ok, headline: headline(report) };
}
