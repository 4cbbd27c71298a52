// The main process's side of the IPC contract, independent of how it is reached: Electron's ipcMain
// (main/app) and the development bridge (main/dev-bridge) both hand payloads to handle(). Every payload
// is validated here; every answer is a Result; no handler throws; no secret leaves in an answer.
// The handlers live by concern: checks.ts, keychain.ts, reports.ts, history-handlers.ts, explain-handlers.ts.
import type { CheckProgress, DataOf, DoctorMethod, PayloadOf, Result, StartupInfo } from '../../common/ipc/contract.js';
import { DATA_CENTRES } from '../arena/data-centres.js';
import { nullLogger, type AddSecrets } from '../logging/index.js';
import { toolInfo } from '../version.js';
import { checkHandlers } from './checks.js';
import { explainHandlers } from './explain-handlers.js';
import { allowedExternalLink } from './external-links.js';
import { fail, ok, type Handlers } from './handler.js';
import { historyHandlers } from './history-handlers.js';
import type { ServiceHost } from './host.js';
import { keychainHandlers } from './keychain.js';
import { describeIssues, PAYLOAD_SCHEMAS, type PayloadSchema } from './payload-schemas.js';
import { reportHandlers, type LastReport } from './reports.js';
import { createSinkSweep } from './sink-sweep.js';

export type { ServiceHost } from './host.js';

export interface DoctorService {
  handle<M extends DoctorMethod>(method: M, payload: unknown): Promise<Result<DataOf<M>>>;
  onProgress(listener: (progress: CheckProgress) => void): () => void;
}

export function createDoctorService(givenHost: ServiceHost): DoctorService {
  // Every sink (answers, progress, clipboard, saved reports, settings) is swept for the known secrets last.
  const sweep = createSinkSweep();
  const host = sweep.sinks(givenHost);
  const now = host.now ?? (() => new Date());
  const log = host.logger ?? nullLogger;
  const listeners = new Set<(progress: CheckProgress) => void>();
  const last: LastReport = { current: null };
  const emitProgress = (progress: CheckProgress): void => {
    const swept = sweep.value(progress);
    for (const listener of listeners) listener(swept);
  };

  const history = historyHandlers(host.history, log);

  const checks = checkHandlers({ host, now, log, last, history, emitProgress });
  const handlers: Handlers = {
    ...checks.handlers,
    ...keychainHandlers(host),
    ...reportHandlers(host, last, history, log),
    ...explainHandlers(host, now, log, history),
    listHistory: history.listHistory,
    openHistory: history.openHistory,
    deleteHistory: history.deleteHistory,
    clearHistory: history.clearHistory,

    getStartup: async () => {
      const [{ settings, notices: settingsNotices }, keychain, guardNotices] = await Promise.all([
        host.settings.read(),
        host.vault.status(),
        checks.startupNotices(),
      ]);
      const notices = [...settingsNotices, ...guardNotices];
      if (!keychain.available) log.warn({ message: keychain.message }, 'keychain unavailable');
      if (notices.length > 0) log.warn({ notices }, 'notices at startup');
      const data: StartupInfo = {
        version: toolInfo().version,
        dataCentres: DATA_CENTRES.map(({ id, label, apiBase, webApp }) => ({ id, label, apiBase, webApp })),
        profile: settings.profile,
        keychain,
        notices,
      };
      return ok(data);
    },

    copyText: async (text) => {
      await host.writeClipboard(text);
      return ok(null);
    },

    openExternal: async (url) => {
      const href = allowedExternalLink(url);
      if (href === null) return fail('not-allowed', 'This app only opens Arena and Onshape help pages.');
      await host.openExternal(href);
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
      sweep.remember(typedSecrets(parsed.data));
      // The request's secrets (typed now, or loaded from the keychain later) and the earlier checks' are
      // scrubbed from whatever is logged meanwhile, and from the answer.
      return log.withSecrets(sweep.known(), async (addSecrets) => {
        const learn: AddSecrets = (secrets) => {
          sweep.remember(secrets);
          addSecrets(secrets);
        };
        let result: Result<DataOf<M>>;
        try {
          const handler = handlers[method] as (payload: PayloadOf<M>, addSecrets: AddSecrets) => Promise<Result<DataOf<M>>>;
          result = sweep.value(await handler(parsed.data, learn));
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
