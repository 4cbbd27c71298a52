// The settings file (<userData>/settings.json): read with validation, written atomically, every access
// queued so concurrent updates never lose a write. A damaged file is set aside with a notice, never a crash.
import type { SavedProfile } from '../../common/ipc/contract.js';
import { errorCode, writeFileAtomic } from './atomic-write.js';
import { readBoundedText, UnreadableStateFile } from './bounded-read.js';
import { SETTINGS_VERSION, describeIssues, settingsSchema } from './schema.js';
import { moveAside } from './set-aside.js';

export interface Settings {
  version: 1;
  profile: SavedProfile | null;
}

export interface SettingsStore {
  /** Notices are plain words for the admin, e.g. that a damaged file was set aside. */
  read(): Promise<{ settings: Settings; notices: string[] }>;
  /** Rejects with a SettingsError: 'invalid' (nothing written) or 'unwritable'. */
  write(settings: Settings): Promise<void>;
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

export type SettingsErrorCode = 'invalid' | 'unwritable';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly code: SettingsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SettingsStoreOptions {
  /** Clock for the name of a set-aside file. */
  now?: () => Date;
}

/** Far above any real settings file (a profile is a few hundred bytes). */
export const MAX_SETTINGS_BYTES = 256 * 1024;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, profile: null };
}

function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : 'unknown error');
}

// Why a file that parsed as JSON is not usable, in words that name no value from it.
function mismatchReason(data: unknown, issues: string): string {
  if (
    typeof data === 'object' &&
    data !== null &&
    'version' in data &&
    typeof data.version === 'number' &&
    data.version > SETTINGS_VERSION
  ) {
    return `was written by a newer version of Arena Connect Doctor (settings version ${data.version})`;
  }
  return `does not hold what Arena Connect Doctor expects (${issues})`;
}

export function createSettingsStore(filePath: string, options: SettingsStoreOptions = {}): SettingsStore {
  const now = options.now ?? (() => new Date());
  let tail: Promise<unknown> = Promise.resolve();
  // Notices found by an update's read, handed out by the next read().
  let pending: string[] = [];

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  }

  async function setAside(reason: string): Promise<{ settings: Settings; notices: string[] }> {
    const start = `The settings file ${filePath} ${reason}, so Arena Connect Doctor started with default settings.`;
    try {
      const aside = await moveAside(filePath, now());
      return { settings: defaultSettings(), notices: [`${start} The old file was kept as ${aside}.`] };
    } catch (error) {
      const notice = `${start} It could not be moved aside (${describeError(error)}) and will be replaced when settings are next saved.`;
      return { settings: defaultSettings(), notices: [notice] };
    }
  }

  async function readNow(): Promise<{ settings: Settings; notices: string[] }> {
    let text: string;
    try {
      text = await readBoundedText(filePath, { maxBytes: MAX_SETTINGS_BYTES, what: 'settings file', symlinks: 'follow' });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { settings: defaultSettings(), notices: [] };
      // A FIFO or a huge file in its place: set aside, so the next start is not stuck on it again.
      if (error instanceof UnreadableStateFile) return setAside(error.message);
      const notice = `The settings file ${filePath} could not be read (${describeError(error)}), so Arena Connect Doctor started with default settings.`;
      return { settings: defaultSettings(), notices: [notice] };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return setAside(text.trim() === '' ? 'is empty' : 'is damaged (not valid JSON)');
    }
    const parsed = settingsSchema.safeParse(data);
    if (!parsed.success) return setAside(mismatchReason(data, describeIssues(parsed.error)));
    return { settings: parsed.data, notices: [] };
  }

  async function writeNow(settings: Settings): Promise<Settings> {
    // Validated on the way out too: the strict schema is what keeps secrets out of the file.
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) {
      throw new SettingsError('invalid', `The settings were not saved: ${describeIssues(parsed.error)}.`);
    }
    try {
      await writeFileAtomic(filePath, `${JSON.stringify(parsed.data, null, 2)}\n`);
    } catch (error) {
      throw new SettingsError('unwritable', `The settings could not be saved to ${filePath} (${describeError(error)}).`, { cause: error });
    }
    return parsed.data;
  }

  return {
    read: () =>
      serial(async () => {
        const result = await readNow();
        const notices = [...pending, ...result.notices];
        pending = [];
        return { settings: result.settings, notices };
      }),
    write: (settings) => serial(async () => void (await writeNow(settings))),
    update: (change) =>
      serial(async () => {
        const current = await readNow();
        pending.push(...current.notices);
        return writeNow(change(current.settings));
      }),
  };
}
