// Keeps the re-check guard's state on disk, so closing and reopening the app does not cut a lockout
// wait short. A damaged file counts as empty (the guard then errs towards allowing, as on first start).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomic-write.js';
import type { RecheckGateState } from './recheck-gate.js';

export interface RecheckStore {
  load(): Promise<RecheckGateState>;
  save(state: RecheckGateState): Promise<void>;
}

const stateSchema = z.record(
  z.string().max(2000),
  z.strictObject({ policy: z.enum(['after-change', 'wait-five-minutes']), failedAt: z.iso.datetime() }),
);

export function createRecheckStore(filePath: string): RecheckStore {
  return {
    async load() {
      try {
        const parsed = stateSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
        return parsed.success ? parsed.data : {};
      } catch {
        return {};
      }
    },
    async save(state) {
      await writeFileAtomic(filePath, `${JSON.stringify(state)}\n`);
    },
  };
}
