// The history file (<userData>/history.json): the newest results, each as the non-secret report its export
// would hold. Read with validation, written atomically, every access queued so two changes never lose one.
// The settings file's rules apply: a damaged, oversized or strange file is set aside with a notice, never a crash.
import { randomBytes } from 'node:crypto';
import type { HistoryEntry, HistoryRecord } from '../../common/ipc/contract.js';
import { errorCode, writeFileAtomic } from '../settings/atomic-write.js';
import { describeIssues } from '../settings/schema.js';
import { HISTORY_LIMIT, HISTORY_VERSION, MAX_HISTORY_FILE_BYTES, historyFileSchema, type HistoryFile } from './schema.js';
import { readBoundedText, UnreadableStateFile } from '../settings/bounded-read.js';
import { moveAside } from '../settings/set-aside.js';

export interface HistoryStore {
  /** Newest first. Notices are plain words for the admin, e.g. that a damaged file was set aside. */
  list(): Promise<{ entries: HistoryEntry[]; notices: string[] }>;
  get(id: string): Promise<HistoryEntry | null>;
  /** Adds a result as the newest, dropping the oldest beyond the limit. Rejects when the file cannot be written. */
  add(record: HistoryRecord): Promise<HistoryEntry>;
  /** True when an entry was removed. */
  remove(id: string): Promise<boolean>;
  clear(): Promise<void>;
}

export interface HistoryStoreOptions {
  /** Clock for the name of a set-aside file. */
  now?: () => Date;
  /** Largest file read; a test seam (the default is MAX_HISTORY_FILE_BYTES). */
  maxBytes?: number;
}

const empty = (): HistoryFile => ({ version: HISTORY_VERSION, entries: [] });

function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : 'unknown error');
}

function mismatchReason(data: unknown, issues: string): string {
  if (
    typeof data === 'object' &&
    data !== null &&
    'version' in data &&
    typeof data.version === 'number' &&
    data.version > HISTORY_VERSION
  ) {
    return `was written by a newer version of Arena Connect Doctor (history version ${data.version})`;
  }
  return `does not hold what Arena Connect Doctor expects (${issues})`;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function createHistoryStore(filePath: string, options: HistoryStoreOptions = {}): HistoryStore {
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? MAX_HISTORY_FILE_BYTES;
  let tail: Promise<unknown> = Promise.resolve();
  // Notices found while changing the file, handed out by the next list().
  let pending: string[] = [];

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function setAside(reason: string): Promise<{ file: HistoryFile; notices: string[] }> {
    const start = `The history file ${filePath} ${reason}, so the list of recent checks starts empty.`;
    try {
      const aside = await moveAside(filePath, now());
      return { file: empty(), notices: [`${start} The old file was kept as ${aside}.`] };
    } catch (error) {
      return {
        file: empty(),
        notices: [`${start} It could not be moved aside (${describeError(error)}) and will be replaced by the next check.`],
      };
    }
  }

  async function readNow(): Promise<{ file: HistoryFile; notices: string[] }> {
    let text: string;
    try {
      // A link is refused, not followed: it is set aside like anything else that is not a regular file.
      text = await readBoundedText(filePath, { maxBytes, what: 'history file', symlinks: 'refuse' });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { file: empty(), notices: [] };
      if (error instanceof UnreadableStateFile) {
        return setAside(error.code === 'EFBIG' ? `is larger than ${megabytes(maxBytes)}` : error.message);
      }
      // A folder in its place can only be moved aside, like anything else that is not a regular file.
      if (errorCode(error) === 'EISDIR') return setAside('is not a regular file');
      return {
        file: empty(),
        notices: [
          `The history file ${filePath} could not be read (${describeError(error)}), so the list of recent checks is empty for now.`,
        ],
      };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return setAside(text.trim() === '' ? 'is empty' : 'is damaged (not valid JSON)');
    }
    const parsed = historyFileSchema.safeParse(data);
    if (!parsed.success) return setAside(mismatchReason(data, describeIssues(parsed.error)));
    return { file: parsed.data, notices: [] };
  }

  async function writeNow(file: HistoryFile): Promise<void> {
    // Validated on the way out too: the strict schema is what keeps anything unexpected out of the file.
    const parsed = historyFileSchema.parse(file);
    await writeFileAtomic(filePath, `${JSON.stringify(parsed)}\n`);
  }

  /** Reads, changes and writes back in one queued step; the read's notices wait for the next list(). */
  function change<T>(edit: (file: HistoryFile) => { file: HistoryFile | null; result: T }): Promise<T> {
    return serial(async () => {
      const current = await readNow();
      pending.push(...current.notices);
      const { file, result } = edit(current.file);
      if (file) await writeNow(file);
      return result;
    });
  }

  return {
    list: () =>
      serial(async () => {
        const { file, notices } = await readNow();
        const all = [...pending, ...notices];
        pending = [];
        return { entries: file.entries, notices: all };
      }),
    get: (id) =>
      serial(async () => {
        const { file, notices } = await readNow();
        pending.push(...notices);
        return file.entries.find((entry) => entry.id === id) ?? null;
      }),
    add: (record) =>
      change((file) => {
        const entry: HistoryEntry = { ...record, id: randomBytes(12).toString('base64url') };
        return { file: { ...file, entries: [entry, ...file.entries].slice(0, HISTORY_LIMIT) }, result: entry };
      }),
    remove: (id) =>
      change((file) => {
        const entries = file.entries.filter((entry) => entry.id !== id);
        return entries.length === file.entries.length ? { file: null, result: false } : { file: { ...file, entries }, result: true };
      }),
    clear: () => change(() => ({ file: empty(), result: undefined })),
  };
}
