// A scripted DoctorApi for component tests of the wizard's branching: it records every call and answers
// from fixtures. Payloads go through structuredClone like Electron's IPC does, so a Svelte state proxy
// handed to the API fails here as it would in the app. End-to-end tests use the real service instead
// (test/renderer/support/test-api.ts).
import type { ReachOutcome, UsersOutcome, UsersPreview } from '../../../common/ipc/contract';
import type {
  CheckOutcome,
  CheckProgress,
  DetailsGate,
  DoctorApi,
  DoctorMethod,
  GateQuery,
  ExportResult,
  HistoryEntry,
  HistorySummary,
  IpcError,
  PayloadOf,
  RememberedSecrets,
  Result,
  ScenarioSummary,
  StartupInfo,
} from '../../../common/ipc/contract';
import type { Explanation } from '../../../common/explanation';
import { describeIssues, PAYLOAD_SCHEMAS } from '../../../main/service/payload-schemas';
import { SCENARIOS, explained, passedOutcome, startupInfo } from './fixtures';

export type Call = { [M in DoctorMethod]: { method: M; payload: PayloadOf<M> } }[DoctorMethod];

export interface ScriptedApiOptions {
  startup?: StartupInfo;
  remembered?: RememberedSecrets;
  scenarios?: ScenarioSummary[];
  /** Answers of runCheck, in turn; the last one repeats. */
  checkResults?: Result<CheckOutcome>[];
  /** Answers of runPractice, in turn; the last one repeats. */
  practiceResults?: Result<CheckOutcome>[];
  /** What runReach answers, in turn (absent: an internal error, as nothing was scripted); held like runs. */
  reachResults?: Result<ReachOutcome>[];
  /** Progress events sent while a check runs, before it answers. */
  progress?: CheckProgress[];
  /** Keep runCheck / runPractice pending until release() is called. */
  holdRuns?: boolean;
  exportResult?: ExportResult;
  /** What previewUsers and runUsersCheck answer (absent: an internal error, as nothing was scripted). */
  usersPreview?: UsersPreview;
  usersOutcome?: UsersOutcome;
  /** The answer of gateFor (or how to answer a query, given the runCheck calls so far); absent: nothing holds either account back. */
  gate?: DetailsGate | ((query: GateQuery, checksSoFar: number) => DetailsGate);
  /** The recent checks, newest first, with their summaries. */
  history?: { summary: HistorySummary; entry: HistoryEntry }[];
  /** Notices listHistory reports. */
  historyNotices?: string[];
  /** The answer of explainMessage; absent: an unrecognised explanation of the text. */
  explanation?: Explanation;
  /** Methods that answer with an error instead. */
  failures?: Partial<Record<DoctorMethod, IpcError>>;
}

export interface ScriptedApi {
  api: DoctorApi;
  calls: Call[];
  payloadsOf<M extends DoctorMethod>(method: M): PayloadOf<M>[];
  emit(progress: CheckProgress): void;
  /** Lets a held run answer. */
  release(): void;
  listenerCount(): number;
}

function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function createScriptedApi(options: ScriptedApiOptions = {}): ScriptedApi {
  const calls: Call[] = [];
  const listeners = new Set<(progress: CheckProgress) => void>();
  const checkResults = [...(options.checkResults ?? [ok(passedOutcome())])];
  const practiceResults = [...(options.practiceResults ?? [ok(passedOutcome({ practiceScenario: 'healthy' }))])];
  let remembered: RememberedSecrets = options.remembered ?? { integration: false, user: false };
  let releaseHeld: (() => void) | null = null;
  let history = [...(options.history ?? [])];
  const historyList = () => ok({ entries: history.map((item) => item.summary), notices: options.historyNotices ?? [] });

  function record<M extends DoctorMethod>(method: M, payload: PayloadOf<M>): IpcError | undefined {
    // Like IPC: throws DataCloneError for proxies, functions and the like.
    const cloned = structuredClone(payload);
    // Like the service: the payload must pass the method's schema, so a payload the real main process
    // would refuse fails the component test instead of being answered from a fixture.
    const parsed = PAYLOAD_SCHEMAS[method].safeParse(cloned ?? null);
    if (!parsed.success) {
      throw new Error(`scripted API: the wizard sent ${method} a payload the service refuses: ${describeIssues(parsed.error)}`);
    }
    calls.push({ method, payload: cloned } as Call);
    return options.failures?.[method];
  }

  function next<T>(queue: T[]): T {
    const value = queue.length > 1 ? queue.shift() : queue[0];
    if (value === undefined) throw new Error('scripted API: no answer scripted');
    return value;
  }

  let cancelled = false;

  async function runLike(queue: Result<CheckOutcome>[]): Promise<Result<CheckOutcome>> {
    cancelled = false;
    for (const event of options.progress ?? []) emit(event);
    if (options.holdRuns) await new Promise<void>((resolve) => (releaseHeld = resolve));
    const answer = next(queue);
    // Like the service: a cancelled run still answers, with its partial report marked cancelled.
    return cancelled && answer.ok ? ok({ ...answer.data, cancelled: true, cancelNote: 'Cancelled; nothing was opened in Arena.' }) : answer;
  }

  function emit(progress: CheckProgress): void {
    for (const listener of [...listeners]) listener(progress);
  }

  const api: DoctorApi = {
    async getStartup() {
      const failure = record('getStartup', undefined);
      return failure ? { ok: false, error: failure } : ok(options.startup ?? startupInfo());
    },
    async rememberedFor(details) {
      const failure = record('rememberedFor', details);
      return failure ? { ok: false, error: failure } : ok({ ...remembered });
    },
    async runCheck(intent) {
      const failure = record('runCheck', intent);
      return failure ? { ok: false, error: failure } : runLike(checkResults);
    },
    // A re-check of the Onshape user answers from the same queue as runCheck: it is the same check.
    async recheckUser(intent) {
      const failure = record('recheckUser', intent);
      return failure ? { ok: false, error: failure } : runLike(checkResults);
    },
    async gateFor(query) {
      const failure = record('gateFor', query);
      if (failure) return { ok: false, error: failure };
      const open = { waitUntil: null, needsChange: false, reason: null };
      const gate =
        typeof options.gate === 'function' ? options.gate(query, calls.filter((call) => call.method === 'runCheck').length) : options.gate;
      return ok(gate ?? { integration: open, user: query.details.userEmail ? open : null });
    },
    async listScenarios() {
      const failure = record('listScenarios', undefined);
      return failure ? { ok: false, error: failure } : ok(options.scenarios ?? SCENARIOS);
    },
    async previewUsers(text) {
      const failure = record('previewUsers', text);
      if (failure) return { ok: false, error: failure };
      return options.usersPreview ? ok(options.usersPreview) : { ok: false, error: { code: 'internal', message: 'No preview scripted.' } };
    },
    async runUsersCheck(intent) {
      const failure = record('runUsersCheck', intent);
      if (failure) return { ok: false, error: failure };
      for (const event of options.progress ?? []) emit(event);
      return options.usersOutcome
        ? ok(options.usersOutcome)
        : { ok: false, error: { code: 'internal', message: 'No users check scripted.' } };
    },
    async runPractice(intent) {
      const failure = record('runPractice', intent);
      return failure ? { ok: false, error: failure } : runLike(practiceResults);
    },
    async runReach(intent) {
      const failure = record('runReach', intent);
      if (failure) return { ok: false, error: failure };
      cancelled = false;
      for (const event of options.progress ?? []) emit(event);
      if (options.holdRuns) await new Promise<void>((resolve) => (releaseHeld = resolve));
      const queue = options.reachResults ?? [];
      if (queue.length === 0) return { ok: false, error: { code: 'internal', message: 'No network test scripted.' } };
      const answer = next(queue);
      return cancelled && answer.ok ? ok({ ...answer.data, cancelled: true }) : answer;
    },
    async cancelCheck() {
      const failure = record('cancelCheck', undefined);
      if (failure) return { ok: false, error: failure };
      cancelled = true;
      releaseHeld?.();
      return ok(null);
    },
    async forgetSecrets(details) {
      const failure = record('forgetSecrets', details);
      if (failure) return { ok: false, error: failure };
      remembered = { integration: false, user: false };
      return ok({ ...remembered });
    },
    async exportReport(request) {
      const failure = record('exportReport', request);
      return failure ? { ok: false, error: failure } : ok(options.exportResult ?? { saved: true, fileName: 'arena-check.html' });
    },
    async copyReportSummary(request) {
      const failure = record('copyReportSummary', request);
      return failure ? { ok: false, error: failure } : ok(null);
    },
    async copyText(text) {
      const failure = record('copyText', text);
      return failure ? { ok: false, error: failure } : ok(null);
    },
    async listHistory() {
      const failure = record('listHistory', undefined);
      return failure ? { ok: false, error: failure } : historyList();
    },
    async openHistory(id) {
      const failure = record('openHistory', id);
      if (failure) return { ok: false, error: failure };
      const found = history.find((item) => item.entry.id === id);
      return found
        ? ok(found.entry)
        : { ok: false, error: { code: 'no-report', message: 'That check is no longer in the list of recent checks.' } };
    },
    async deleteHistory(id) {
      const failure = record('deleteHistory', id);
      if (failure) return { ok: false, error: failure };
      history = history.filter((item) => item.entry.id !== id);
      return historyList();
    },
    async clearHistory() {
      const failure = record('clearHistory', undefined);
      if (failure) return { ok: false, error: failure };
      history = [];
      return historyList();
    },
    async openExternal(url) {
      const failure = record('openExternal', url);
      return failure ? { ok: false, error: failure } : ok(null);
    },
    async explainMessage(request) {
      const failure = record('explainMessage', request);
      return failure ? { ok: false, error: failure } : ok(options.explanation ?? explained(request.text));
    },
    async exportExplanation(request) {
      const failure = record('exportExplanation', request);
      return failure ? { ok: false, error: failure } : ok(options.exportResult ?? { saved: true, fileName: 'arena-explained.html' });
    },
    async copyExplanation(request) {
      const failure = record('copyExplanation', request);
      return failure ? { ok: false, error: failure } : ok(null);
    },
    onCheckProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    calls,
    payloadsOf<M extends DoctorMethod>(method: M): PayloadOf<M>[] {
      return calls.filter((call) => call.method === method).map((call) => call.payload as PayloadOf<M>);
    },
    emit,
    release() {
      const resolve = releaseHeld;
      releaseHeld = null;
      resolve?.();
    },
    listenerCount: () => listeners.size,
  };
}
