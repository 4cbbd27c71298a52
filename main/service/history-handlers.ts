// The service's history methods: the "Recent checks" list, opening one past result, deleting one or all,
// and keeping a finished check or an explained message. A result is kept as its export would show it,
// swept once more for the secrets of the check that produced it while they are still known.
import type { CheckReport, ReachReport } from '../../common/check-report.js';
import type { ExplanationReport } from '../../common/explanation.js';
import type { HistoryEntry, HistoryList, HistoryRecord, IpcError, Result } from '../../common/ipc/contract.js';
import { summarise, type HistoryStore } from '../history/index.js';
import type { AppLogger } from '../logging/index.js';
import { redactValue } from '../privacy/redact.js';

export interface HistoryHandlers {
  listHistory(): Promise<Result<HistoryList>>;
  openHistory(id: string): Promise<Result<HistoryEntry>>;
  deleteHistory(id: string): Promise<Result<HistoryList>>;
  clearHistory(): Promise<Result<HistoryList>>;
  /** The report of a past check or network test, or null when there is no such entry (or it is an explained message). */
  reportOf(id: string): Promise<CheckReport | ReachReport | null>;
  /** The report of a past explained message, or null when there is no such entry (or it is a check). */
  explanationOf(id: string): Promise<ExplanationReport | null>;
  /** Keeps a finished check; returns notices for the admin when it could not be kept. */
  keep(report: CheckReport, secrets: readonly string[]): Promise<string[]>;
  /** Keeps a network test (it holds no secret: none was used); returns notices when it could not be kept. */
  keepReach(report: ReachReport): Promise<string[]>;
  /** Keeps an explained message, as its export holds it; returns notices when it could not be kept. */
  keepExplanation(report: ExplanationReport): Promise<string[]>;
}

const NOT_FOUND = 'That check is no longer in the list of recent checks.';

export function historyHandlers(store: HistoryStore | undefined, log: AppLogger): HistoryHandlers {
  const fail = <T>(code: IpcError['code'], message: string): Result<T> => ({ ok: false, error: { code, message } });

  const list = async (): Promise<Result<HistoryList>> => {
    if (!store) return { ok: true, data: { entries: [], notices: [] } };
    const { entries, notices } = await store.list();
    if (notices.length > 0) log.warn({ notices }, 'history notices');
    return { ok: true, data: { entries: entries.map(summarise), notices } };
  };

  // A failed write must not cost the admin the result on screen: it becomes a notice.
  const guarded = async (work: () => Promise<unknown>, what: string): Promise<string | null> => {
    try {
      await work();
      return null;
    } catch (error) {
      log.warn({ err: error }, `history not ${what}`);
      return `The list of recent checks could not be ${what} (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}).`;
    }
  };

  const after = async (notice: string | null): Promise<Result<HistoryList>> => {
    const listed = await list();
    if (!notice || !listed.ok) return listed;
    return { ok: true, data: { ...listed.data, notices: [notice, ...listed.data.notices] } };
  };

  const add = async (record: HistoryRecord): Promise<string[]> => {
    if (!store) return [];
    const notice = await guarded(() => store.add(record), 'updated');
    return notice ? [notice] : [];
  };

  return {
    listHistory: list,
    openHistory: async (id) => {
      const entry = store ? await store.get(id) : null;
      return entry ? { ok: true, data: entry } : fail('no-report', NOT_FOUND);
    },
    deleteHistory: async (id) => {
      if (!store) return list();
      let found = true;
      const notice = await guarded(async () => (found = await store.remove(id)), 'changed');
      return found ? after(notice) : fail('no-report', NOT_FOUND);
    },
    clearHistory: async () => (store ? after(await guarded(() => store.clear(), 'cleared')) : list()),
    reportOf: async (id) => {
      const entry = store ? await store.get(id) : null;
      return entry?.kind === 'check' || entry?.kind === 'reach' ? entry.report : null;
    },
    explanationOf: async (id) => {
      const entry = store ? await store.get(id) : null;
      return entry?.kind === 'explain' ? entry.report : null;
    },
    keep: (report, secrets) => add({ kind: 'check', report: redactValue(report, secrets) }),
    keepExplanation: (report) => add({ kind: 'explain', report }),
    keepReach: (report) => add({ kind: 'reach', report }),
  };
}
