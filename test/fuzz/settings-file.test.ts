// The settings reader under fuzzing, on a real settings.json in a temp folder: arbitrary bytes, arbitrary
// JSON and valid settings broken in one way. read() never rejects; anything but valid settings gives the
// defaults and one clear notice; valid settings come back with the same values and no notice.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsStore, type Settings } from '../../main/settings/index.js';
import { expectClearMessage, fuzzParameters, nastyString, stringsIn } from './clear-message.js';
import { broken, savedProfile } from './valid-inputs.js';

let folder: string;
let file: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-fuzz-settings-'));
  file = join(folder, 'settings.json');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function emptyFolder(): Promise<void> {
  await Promise.all((await readdir(folder)).map((name) => rm(join(folder, name), { force: true })));
}

const DEFAULTS: Settings = { version: 1, profile: null };
const validSettings: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(1 as const),
  profile: fc.option(savedProfile, { nil: null }),
});

/** Reads content as settings.json with a fresh store; the notice is checked with the file's own paths taken out. */
async function readBack(content: string | Uint8Array): Promise<{ settings: Settings; notices: string[] }> {
  await emptyFolder();
  await writeFile(file, content);
  const result = await createSettingsStore(file, { now: () => new Date('2025-03-04T10:11:12.345Z') }).read();
  return result;
}

function withoutPaths(notice: string): string {
  return notice.split(`${file}.corrupt-2025-03-04T10-11-12-345Z`).join('<aside>').split(file).join('<file>');
}

function expectRefused(result: { settings: Settings; notices: string[] }, inputs: readonly string[], field?: string): void {
  expect(result.settings).toEqual(DEFAULTS);
  expect(result.notices).toHaveLength(1);
  expectClearMessage(withoutPaths(result.notices[0] ?? ''), { inputs, field });
}

describe('the settings file under fuzzing', () => {
  it('arbitrary bytes: never rejects; defaults and one clear notice unless the bytes are valid settings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 300 })), async (content) => {
        const result = await readBack(content);
        if (result.notices.length === 0) expect(result.settings).toEqual(DEFAULTS);
        else expectRefused(result, typeof content === 'string' ? [content] : []);
      }),
      fuzzParameters(60),
    );
  });

  it('arbitrary JSON (odd keys and strings included): never rejects; every notice is one clear line', async () => {
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        { version: fc.oneof(fc.constant(1), fc.integer(), fc.double(), nastyString), profile: fc.jsonValue({ maxDepth: 3 }) },
        { requiredKeys: [] },
      ),
      fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }).map((extra) => ({ version: 1, profile: null, ...extra })),
    );
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const result = await readBack(JSON.stringify(value));
        if (result.notices.length > 0) expectRefused(result, stringsIn(value));
      }),
      fuzzParameters(80),
    );
  });

  it('valid settings round-trip with the same values and no notice', async () => {
    await fc.assert(
      fc.asyncProperty(validSettings, fc.boolean(), async (settings, pretty) => {
        const result = await readBack(JSON.stringify(settings, null, pretty ? 2 : undefined));
        expect(result).toEqual({ settings, notices: [] });
      }),
      fuzzParameters(60),
    );
  });

  it('valid settings broken in one way are set aside with a notice that names the field', async () => {
    await fc.assert(
      fc.asyncProperty(broken(validSettings), async ({ payload, field, mustFail }) => {
        const result = await readBack(JSON.stringify(payload));
        if (mustFail) expect(result.notices).toHaveLength(1);
        if (result.notices.length > 0) expectRefused(result, stringsIn(payload), mustFail && field !== null ? field : undefined);
        else expect(result.settings).toEqual(payload);
      }),
      fuzzParameters(120),
    );
  });

  it('a "__proto__" key in the file is refused, and pollutes nothing', async () => {
    const result = await readBack('{"version":1,"profile":null,"__proto__":{"polluted":true}}');
    expectRefused(result, []);
    expect(result.notices[0]).toContain('the file: unexpected __proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
