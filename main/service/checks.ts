// The checks' part of the service: one check (or practice run) at a time, through the re-check guard,
// with progress streamed, the profile saved and the outcome recorded for the next check.
import type { CheckReport } from '../../common/check-report.js';
import type { CheckOutcome, CheckProgress, Result, SavedProfile } from '../../common/ipc/contract.js';
import { DEFAULT_TIMEOUT_MS } from '../arena/client.js';
import { practiceKey, RecheckGuard, reportKey, targetKey } from '../check/recheck-gate.js';
import { runCheck, type CheckEvent } from '../check/runner.js';
import { stepFields, targetFields } from '../logging/fields.js';
import type { AppLogger } from '../logging/index.js';
import { proxyUrlOf, routeFor } from '../network/proxy.js';
import { runPracticeScenario, scenarioSummaries } from '../practice/practice.js';
import { headline } from '../report/format.js';
import { SettingsError } from '../settings/index.js';
import { scenarioByName } from '../simulator/index.js';
import { tlsHintFor } from '../tls-hint/tls-hint.js';
import { normaliseDetails } from './details.js';
import { fail, messageOf, ok, type Handlers } from './handler.js';
import type { HistoryHandlers } from './history-handlers.js';
import type { ServiceHost } from './host.js';
import { integrationSecretKind, remember, resolveSecret } from './keychain.js';
import type { LastReport } from './reports.js';
import { previewUsers, runUsers } from './users-handlers.js';

export interface CheckContext {
  host: ServiceHost;
  now: () => Date;
  log: AppLogger;
  last: LastReport;
  history: Pick<HistoryHandlers, 'keep'>;
  emitProgress: (progress: CheckProgress) => void;
}

export function checkHandlers(
  context: CheckContext,
): Pick<Handlers, 'runCheck' | 'gateFor' | 'runPractice' | 'cancelCheck' | 'listScenarios' | 'previewUsers' | 'runUsersCheck'> {
  const { host, now, log, last } = context;
  // The guard starts from what the last run of the app recorded, so a restart does not end a lockout wait.
  const guardReady: Promise<RecheckGuard> = (host.recheckStore?.load() ?? Promise.resolve({})).then(
    (state) => new RecheckGuard(now, state),
    () => new RecheckGuard(now),
  );
  let running = false;
  let cancel: AbortController | null = null;

  const emit = (event: CheckEvent): void =>
    context.emitProgress(
      event.type === 'step-started' ? { type: 'step-started', step: event.step, at: event.at } : { type: 'step-finished', result: event.result },
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

  const finish = async (report: CheckReport, signal: AbortSignal): Promise<Omit<CheckOutcome, 'notices'>> => {
    const guard = await guardReady;
    const cancelled = signal.aborted;
    // A cancelled check judged nothing: it neither sets nor clears a re-check policy.
    if (!cancelled) {
      guard.record(report);
      await host.recheckStore?.save(guard.state()).catch((error: unknown) => log.warn({ err: error }, 'recheck state not saved'));
    }
    last.current = report;
    const tlsHint = !cancelled && host.probeWithSystemStack ? await tlsHintFor(report, host.probeWithSystemStack) : null;
    return { report, recheck: guard.gateFor(reportKey(report)), tlsHint, cancelled, cancelNote: cancelled ? cancelNoteFor(report) : null };
  };

  return {
    runCheck: (intent, addSecrets) =>
      exclusive(async (signal) => {
        const details = normaliseDetails(intent.details);
        const admission = (await guardReady).admit(targetKey(details), intent.confirmedChange);
        if (!admission.ok) return fail(admission.code, admission.message, admission.retryAt ? { retryAt: admission.retryAt } : {});

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

        const proxySetting = intent.proxy;
        log.info({ target: targetFields(details), authorize: user !== null, proxy: proxySetting.mode }, 'check started');
        const route = await routeFor(proxySetting, details.apiUrl, host.resolveSystemProxy ?? null);
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
            ...(host.connectTimeoutMs !== undefined ? { connectTimeoutMs: host.connectTimeoutMs } : {}),
            proxyUrl: proxyUrlOf(route),
            route,
          },
          { ...environment(signal), network: host.network ?? {} },
        );

        log.info({ target: targetFields(details), ok: report.ok, steps: stepFields(report) }, 'check finished');
        const notices = await remember(host, intent, details);
        if (notices.length > 0) log.warn({ notices }, 'the keychain did not remember a secret');
        notices.push(...(await saveProfile(host, { details, remember: intent.remember, proxy: proxySetting, lastReport: summary(report) })));
        // A cancelled check is not a result (the window does not show it either), so it is not kept.
        if (!signal.aborted) notices.push(...(await context.history.keep(report, [integrationSecret.data, ...(user ? [user.password] : [])])));
        return ok({ ...(await finish(report, signal)), notices });
      }),

    gateFor: async (query) => {
      const details = normaliseDetails(query.details);
      const gate = (await guardReady).gateFor(targetKey(details));
      const reason = gate.waitUntil ? 'Arena locked this account after too many failed attempts; trying sooner extends the lockout.' : gate.needsChange ? 'The last check of these details failed on something that will fail the same way again.' : null;
      const account = { ...gate, reason };
      return ok({ integration: account, user: details.userEmail ? account : null });
    },

    listScenarios: async () => ok(scenarioSummaries()),

    previewUsers: async (emailsText) => previewUsers(emailsText),

    // One login at a time, checks and users checks alike: a second login would cancel the first.
    runUsersCheck: (intent, addSecrets) =>
      exclusive(async (signal) => {
        const guard = await guardReady;
        const record = async (report: CheckReport, cancelled: boolean): Promise<void> => {
          if (!cancelled) {
            guard.record(report);
            await host.recheckStore?.save(guard.state()).catch((error: unknown) => log.warn({ err: error }, 'recheck state not saved'));
          }
          last.current = report;
        };
        return runUsers({ context, guard, record }, intent, addSecrets, signal);
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
        const admission = (await guardReady).admit(practiceKey(scenario.name), true);
        if (!admission.ok) return fail(admission.code, admission.message, admission.retryAt ? { retryAt: admission.retryAt } : {});
        const run = await runPracticeScenario(scenario, environment(signal));
        log.info({ scenario: scenario.name, ok: run.report.ok, steps: stepFields(run.report) }, 'practice run finished');
        return ok({ ...(await finish(run.report, signal)), notices: [] });
      }),
  };
}

/** Not being able to save settings must not cost the admin the result of the check, but they are told. */
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

function cancelNoteFor(report: CheckReport): string {
  const login = report.steps[0];
  const logout = report.steps.find((step) => step.step === 'logout');
  if (login?.outcome !== 'passed') return 'Cancelled; nothing was opened in Arena.';
  return logout?.outcome === 'passed'
    ? 'Cancelled; the session Arena opened was logged out of.'
    : 'Cancelled; Arena opened a session and logging out of it failed: it closes by itself when it times out.';
}

/** Echoed input: one line, shortened. */
function printable(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return cleaned.length > 60 ? `${cleaned.slice(0, 60)}…` : cleaned;
}
