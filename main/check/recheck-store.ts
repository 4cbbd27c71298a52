// Keeps the re-check guard's state on disk (recheck.json), so closing and reopening the app does not
// cut a lockout wait short or forget a refusal. It fails safe: a file that is damaged, foreign (a FIFO,
// a folder, far too large) or unreadable is set aside, and every account then needs the admin's
// confirmation until it has been checked once, with a notice saying why. A data folder the app cannot
// write to fails safe the same way, at every start, because nothing recorded there can be trusted.
import { z } from 'zod';
import { accountIdentity } from '../accounts/identity.js';
import { writeFileAtomic } from '../settings/atomic-write.js';
import { errorCode } from '../settings/atomic-write.js';
import { readBoundedText, UnreadableStateFile } from '../settings/bounded-read.js';
import { moveAside } from '../settings/set-aside.js';
import { emptyGateState, type PersistedHold, type RecheckGateState } from './recheck-gate.js';

export interface LoadedGateState {
  state: RecheckGateState;
  /** Plain words for the admin when the record could not be used or kept; else null. */
  notice: string | null;
}

export interface RecheckStore {
  load(): Promise<LoadedGateState>;
  save(state: RecheckGateState): Promise<void>;
  /** Where the record lives, for messages. */
  readonly filePath: string;
}

const STATE_VERSION = 2;
/** Far above any real record (a few kilobytes), far below a cost anyone would notice. */
const MAX_STATE_BYTES = 1024 * 1024;
const code = z.union([z.number(), z.string().max(100)]).nullable();
const holdSchema = z.strictObject({ kind: z.enum(['locked', 'refused', 'unanswered']), since: z.iso.datetime(), code });
const stateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  holds: z.record(z.string().max(2000), holdSchema),
  unknown: z.strictObject({ since: z.iso.datetime(), checked: z.array(z.string().max(2000)).max(10_000) }).nullable(),
});

/** What version 1 wrote: one entry per (address, workspace, integration email, Onshape user email). */
const legacySchema = z.record(
  z.string().max(2000),
  z.strictObject({ policy: z.enum(['after-change', 'wait-five-minutes']), failedAt: z.iso.datetime() }),
);

export function createRecheckStore(filePath: string, options: { now?: () => Date } = {}): RecheckStore {
  const now = options.now ?? (() => new Date());

  const lost = async (why: string, setAside: boolean): Promise<LoadedGateState> => {
    let kept = '';
    if (setAside) {
      try {
        kept = ` The old file was kept as ${await moveAside(filePath, now())}.`;
      } catch {
        kept = ' It could not be moved aside and will be replaced.';
      }
    }
    return {
      state: { holds: {}, unknown: { since: now().toISOString(), checked: [] } },
      notice:
        `The app's record of accounts Arena refused or locked (${filePath}) ${why}.${kept} ` +
        'So that no refused credential is sent again by mistake, each account needs your confirmation that something was changed before its next check.',
    };
  };

  const read = async (): Promise<LoadedGateState> => {
    let text: string;
    try {
      text = await readBoundedText(filePath, { maxBytes: MAX_STATE_BYTES, what: 're-check record', symlinks: 'follow' });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { state: emptyGateState(), notice: null };
      // A FIFO or a huge file in its place: set aside, so the next start is not stuck on it again.
      if (error instanceof UnreadableStateFile) return lost(error.message, true);
      return lost(`could not be read (${errorCode(error) ?? 'unknown error'})`, false);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return lost('is damaged', true);
    }
    const parsed = stateSchema.safeParse(data);
    if (parsed.success) return { state: { holds: parsed.data.holds, unknown: parsed.data.unknown }, notice: null };
    const legacy = legacySchema.safeParse(data);
    if (legacy.success) return { state: fromLegacy(legacy.data), notice: null };
    return lost('is damaged', true);
  };

  return {
    filePath,
    async load() {
      const loaded = await read();
      // Writing now shows whether anything recorded later can be kept; a record that cannot be kept cannot
      // be trusted at the next start either.
      try {
        await writeFileAtomic(filePath, serialise(loaded.state));
        return loaded;
      } catch (error) {
        const reason = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
        return {
          state: { holds: loaded.state.holds, unknown: loaded.state.unknown ?? { since: now().toISOString(), checked: [] } },
          notice:
            `The app cannot save its record of accounts Arena refused or locked (${filePath}: ${reason}), so it keeps that record in memory only. ` +
            'Because what earlier runs recorded there may be missing, each account needs your confirmation that something was changed before its next check.',
        };
      }
    },
    async save(state) {
      await writeFileAtomic(filePath, serialise(state));
    },
  };
}

function serialise(state: RecheckGateState): string {
  return `${JSON.stringify({ version: STATE_VERSION, holds: state.holds, unknown: state.unknown })}\n`;
}

/**
 * Version 1 keyed a hold on the address and both emails together. Each account it names keeps the hold
 * (which one failed was not recorded, so both do); a key that cannot be read makes the record unknown.
 */
function fromLegacy(entries: z.infer<typeof legacySchema>): RecheckGateState {
  const state = emptyGateState();
  for (const [key, entry] of Object.entries(entries)) {
    const hold: PersistedHold = { kind: entry.policy === 'wait-five-minutes' ? 'locked' : 'refused', since: entry.failedAt, code: null };
    if (key.startsWith('practice:')) {
      if (hold.kind === 'locked') state.holds[key] = hold;
      continue;
    }
    const parts = parseLegacyKey(key);
    if (!parts) {
      state.unknown = { since: entry.failedAt, checked: [] };
      continue;
    }
    for (const email of [parts.integrationEmail, parts.userEmail]) {
      if (email) state.holds[accountIdentity({ workspaceId: parts.workspaceId, email })] = hold;
    }
  }
  return state;
}

function parseLegacyKey(key: string): { workspaceId: number; integrationEmail: string; userEmail: string } | null {
  try {
    const parsed: unknown = JSON.parse(key);
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [, workspaceId, integrationEmail, userEmail] = parsed as unknown[];
    if (typeof workspaceId !== 'number' || typeof integrationEmail !== 'string' || typeof userEmail !== 'string') return null;
    return { workspaceId, integrationEmail, userEmail };
  } catch {
    return null;
  }
}
