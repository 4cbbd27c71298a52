// The settings store on real files in a temp folder per test: real reads, atomic writes, real renames.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedProfile } from '../../common/ipc/contract.js';
import { createSettingsStore, SettingsError, type Settings } from '../../main/settings/index.js';

const SENTINEL = 'WT-sentinel-settings-9b2e44';

const profile: SavedProfile = {
  details: {
    dataCentre: 'us',
    apiUrl: 'https://api.arenasolutions.com/v1',
    workspaceId: 898_123_456,
    integrationEmail: 'integration@example.com',
    loginType: 'webtoken',
    userEmail: 'dana@example.com',
  },
  remember: true,
  proxy: { mode: 'manual', url: 'http://proxy.example.com:8080' },
  lastReport: { createdAt: '2025-03-04T10:11:12.000Z', ok: false, headline: 'Login failed: the WebToken was not accepted.' },
};
const settings: Settings = { version: 1, profile };

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-settings-'));
  file = join(folder, 'settings.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Every byte of every file in the folder, to prove a secret never reached the disk (temp files included). */
async function everythingOnDisk(): Promise<string> {
  const names = await readdir(folder);
  const contents = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8').catch(() => '')));
  return names.join('\n') + contents.join('\n');
}

describe('reading', () => {
  it('a missing file gives the defaults, no notice, and creates nothing', async () => {
    expect(await createSettingsStore(file).read()).toEqual({ settings: { version: 1, profile: null }, notices: [] });
    expect(await readdir(folder)).toEqual([]);
  });

  it('round-trips what was written, as readable JSON', async () => {
    const store = createSettingsStore(file);
    await store.write(settings);
    expect(await store.read()).toEqual({ settings, notices: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(settings);
    expect(await createSettingsStore(file).read()).toEqual({ settings, notices: [] });
  });

  it.each([
    ['is damaged (not valid JSON)', '{"version":1,"profile":{"details":'],
    ['is empty', ''],
    [
      'does not hold what Arena Connect Doctor expects (profile.details.workspaceId: The workspace ID must be a positive whole number.)',
      JSON.stringify({ version: 1, profile: { ...profile, details: { ...profile.details, workspaceId: -3 } } }),
    ],
    [
      'was written by a newer version of Arena Connect Doctor (settings version 2)',
      JSON.stringify({ version: 2, profile: null, theme: 'dark' }),
    ],
  ])('a file that %s is set aside with a notice, and defaults are used', async (reason, content) => {
    await writeFile(file, content);
    const fixed = new Date('2025-03-04T10:11:12.345Z');
    const store = createSettingsStore(file, { now: () => fixed });
    const aside = `${file}.corrupt-2025-03-04T10-11-12-345Z`;

    expect(await store.read()).toEqual({
      settings: { version: 1, profile: null },
      notices: [
        `The settings file ${file} ${reason}, so Arena Connect Doctor started with default settings. The old file was kept as ${aside}.`,
      ],
    });
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual(['settings.json.corrupt-2025-03-04T10-11-12-345Z']);
    // Once set aside, the next start is quiet.
    expect((await store.read()).notices).toEqual([]);
  });

  it('a file carrying a secret is set aside, and the notice names the key but never the value', async () => {
    await writeFile(file, JSON.stringify({ version: 1, profile: { ...profile, webtoken: SENTINEL } }));
    const { settings: read, notices } = await createSettingsStore(file).read();
    expect(read.profile).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('profile: unexpected webtoken');
    expect(notices[0]).not.toContain(SENTINEL);
  });

  it('two damaged files set aside in the same millisecond keep distinct names', async () => {
    const fixed = new Date('2025-03-04T10:11:12.345Z');
    const store = createSettingsStore(file, { now: () => fixed });
    await writeFile(file, 'first');
    await store.read();
    await writeFile(file, 'second');
    const { notices } = await store.read();
    expect(notices[0]).toContain(`${file}.corrupt-2025-03-04T10-11-12-345Z-2.`);
    expect((await readdir(folder)).sort()).toEqual([
      'settings.json.corrupt-2025-03-04T10-11-12-345Z',
      'settings.json.corrupt-2025-03-04T10-11-12-345Z-2',
    ]);
  });

  it('a settings path that cannot be read gives defaults and says so, without crashing', async () => {
    await mkdir(file);
    const { settings: read, notices } = await createSettingsStore(file).read();
    expect(read).toEqual({ version: 1, profile: null });
    expect(notices).toEqual([
      `The settings file ${file} could not be read (EISDIR), so Arena Connect Doctor started with default settings.`,
    ]);
  });
});

describe('reading what should not be there', () => {
  it.skipIf(process.platform === 'win32')('a FIFO in place of the file is set aside with a notice instead of hanging the app', async () => {
    execFileSync('mkfifo', [file]);
    const { settings: read, notices } = await createSettingsStore(file).read();
    expect(read).toEqual({ version: 1, profile: null });
    expect(notices[0]).toMatch(
      /^The settings file .* is not a regular file, so Arena Connect Doctor started with default settings\. The old file was kept as /,
    );
    expect(await readdir(folder)).not.toContain('settings.json');
  });

  it('a 700 MB file is set aside unread, with a notice that gives its size', async () => {
    // Sparse: the file claims 700 MB without taking the disk space.
    await writeFile(file, '');
    await truncate(file, 700 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { settings: read, notices } = await createSettingsStore(file).read();
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(read).toEqual({ version: 1, profile: null });
    expect(notices[0]).toMatch(
      /is 700 MB, far larger than a settings file can be, so Arena Connect Doctor started with default settings\. The old file was kept as /,
    );
  });
});

describe('writing', () => {
  it('leaves no temp file behind, creates the folder, and keeps the file private', async () => {
    const nested = join(folder, 'userData', 'settings.json');
    await createSettingsStore(nested).write(settings);
    expect(await readdir(join(folder, 'userData'))).toEqual(['settings.json']);
    if (process.platform !== 'win32') expect((await stat(nested)).mode & 0o777).toBe(0o600);
  });

  it('replaces the previous content whole', async () => {
    const store = createSettingsStore(file);
    await store.write(settings);
    await store.write({ version: 1, profile: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, profile: null });
  });

  it('a folder that cannot be written is an "unwritable" SettingsError, and the old file survives', async () => {
    const store = createSettingsStore(file);
    await store.write(settings);
    const blocked = createSettingsStore(join(file, 'inside-a-file.json'));
    await expect(blocked.write(settings)).rejects.toMatchObject({ name: 'SettingsError', code: 'unwritable' });
    expect(await store.read()).toEqual({ settings, notices: [] });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a read-only folder is an "unwritable" SettingsError', async () => {
    await chmod(folder, 0o500);
    try {
      await expect(createSettingsStore(file).write(settings)).rejects.toMatchObject({ code: 'unwritable' });
    } finally {
      await chmod(folder, 0o700);
    }
  });
});

describe('no secret can be persisted', () => {
  const carriers: Array<[string, unknown]> = [
    ['beside the profile', { ...settings, webtoken: SENTINEL }],
    ['in the profile', { ...settings, profile: { ...profile, password: SENTINEL } }],
    ['in the details', { ...settings, profile: { ...profile, details: { ...profile.details, webtoken: SENTINEL } } }],
    ['in the proxy', { ...settings, profile: { ...profile, proxy: { mode: 'system', password: SENTINEL } } }],
    ['in the last report', { ...settings, profile: { ...profile, lastReport: { ...profile.lastReport, secret: SENTINEL } } }],
    [
      'in the proxy address',
      { ...settings, profile: { ...profile, proxy: { mode: 'manual', url: `http://admin:${SENTINEL}@proxy.example.com:8080` } } },
    ],
  ];

  it.each(carriers)('a secret %s fails validation; the file and the error never hold it', async (_, carrier) => {
    const store = createSettingsStore(file);
    await store.write(settings);
    const error: unknown = await store.write(carrier as Settings).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SettingsError);
    expect(error).toMatchObject({ code: 'invalid' });
    expect((error as Error).message).not.toContain(SENTINEL);
    expect(await everythingOnDisk()).not.toContain(SENTINEL);
    expect(await store.read()).toEqual({ settings, notices: [] });
  });

  it('an update that adds a secret is refused the same way', async () => {
    const store = createSettingsStore(file);
    await store.write(settings);
    const sneaky = (current: Settings) => ({ ...current, profile: { ...profile, webtoken: SENTINEL } }) as Settings;
    await expect(store.update(sneaky)).rejects.toMatchObject({ code: 'invalid' });
    expect(await everythingOnDisk()).not.toContain(SENTINEL);
  });
});

describe("field rules are the wizard's", () => {
  it.each([
    ['apiUrl', { apiUrl: 'http://api.arenasolutions.com/v1' }, 'The API address must start with https://'],
    ['apiUrl', { apiUrl: 'https://api.arenasolutions.com/v2' }, 'The API address must end with /v1'],
    ['integrationEmail', { integrationEmail: 'not-an-email' }, "The integration user's email address does not look like"],
    ['userEmail', { userEmail: '' }, "Enter the Onshape user's email address."],
    ['workspaceId', { workspaceId: 1.5 }, 'The workspace ID must be a positive whole number.'],
    ['dataCentre', { dataCentre: 'mars' }, 'Invalid option'],
  ])('%s is checked', async (field, change, words) => {
    const bad = { ...settings, profile: { ...profile, details: { ...profile.details, ...change } } } as Settings;
    const error: unknown = await createSettingsStore(file)
      .write(bad)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain(`profile.details.${field}: ${words}`);
  });

  it('a loopback API address (the simulator) and a null user email are fine', async () => {
    const local = {
      ...settings,
      profile: { ...profile, details: { ...profile.details, apiUrl: 'http://127.0.0.1:8443/v1', userEmail: null } },
    };
    await createSettingsStore(file).write(local);
    expect((await createSettingsStore(file).read()).settings).toEqual(local);
  });
});

describe('updating', () => {
  it('concurrent updates are serialised: no write is lost', async () => {
    const store = createSettingsStore(file);
    await store.write(settings);
    const bump = (current: Settings): Settings => {
      const saved = current.profile ?? profile;
      return { ...current, profile: { ...saved, details: { ...saved.details, workspaceId: saved.details.workspaceId + 1 } } };
    };
    const results = await Promise.all(Array.from({ length: 40 }, () => store.update(bump)));
    const expected = profile.details.workspaceId + 40;
    expect(results.map((result) => result.profile?.details.workspaceId).sort()).toEqual(
      Array.from({ length: 40 }, (_, index) => profile.details.workspaceId + index + 1).sort(),
    );
    expect((await createSettingsStore(file).read()).settings.profile?.details.workspaceId).toBe(expected);
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it('a change that throws rejects that update only; the queue carries on', async () => {
    const store = createSettingsStore(file);
    const failing = store.update(() => {
      throw new Error('change failed');
    });
    const next = store.update(() => settings);
    await expect(failing).rejects.toThrow('change failed');
    await expect(next).resolves.toEqual(settings);
  });

  it('an update on a damaged file starts from defaults and hands the notice to the next read', async () => {
    await writeFile(file, '{oops');
    const store = createSettingsStore(file);
    const updated = await store.update((current) => ({ ...current, profile }));
    expect(updated).toEqual(settings);
    const { notices } = await store.read();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/is damaged \(not valid JSON\).*The old file was kept as .*settings\.json\.corrupt-/);
    expect((await store.read()).notices).toEqual([]);
  });
});
