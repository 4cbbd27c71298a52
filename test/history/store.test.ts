// The history store on real files in a temp folder per test: real reads, atomic writes, real renames.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_LIMIT, MAX_HISTORY_FILE_BYTES, summarise } from '../../main/history/index.js';
import type { ExplanationReport } from '../../common/explanation.js';
import { explainMessage } from '../../main/explain/explain.js';
import { checkReport, stepResult } from '../support/report-builders.js';

const FIXED = new Date('2025-03-04T10:11:12.345Z');
const ASIDE = 'history.json.corrupt-2025-03-04T10-11-12-345Z';
const SENTINEL = 'WT-sentinel-history-51c0';

const failedLogin = checkReport({
  steps: [
    stepResult({
      outcome: 'failed',
      httpStatus: 400,
      errorCode: 4089,
      message: 'Invalid Token.',
      diagnosis: {
        id: 'login.4089',
        title: 'Arena rejected the WebToken',
        meaning: 'The WebToken is not one Arena knows.',
        causes: [
          {
            id: 'regenerated',
            summary: 'It was regenerated.',
            question: 'Was it regenerated?',
            fixSteps: [{ text: 'Copy it again.', who: 'arena-admin' }],
          },
          // A question the check answered itself is kept with its answer.
          {
            id: 'idle',
            summary: 'The session expired.',
            question: 'Did 90 minutes pass?',
            fixSteps: [{ text: 'Check again.', who: 'you' }],
            answered: { answer: 'no', evidence: 'login and logout were 0.2 s apart' },
          },
        ],
        recheck: 'after-change',
        facts: { supportCode: 'AB-12' },
        arenaMessage: 'Invalid Token.',
      },
    }),
  ],
});

/** An explained message as the service keeps it: the export's shape, nothing chosen yet. */
function explanationReport(text: string): ExplanationReport {
  const at = new Date('2025-03-04T09:00:00.000Z');
  return {
    tool: { name: 'arena-connect-doctor', version: '0.1.0' },
    createdAt: at.toISOString(),
    explanation: explainMessage(text, { now: at }),
    chosenId: null,
    answers: null,
  };
}

let folder: string;
let file: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-history-'));
  file = join(folder, 'history.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('keeping results', () => {
  it('a missing file is an empty history, with no notice and no file created', async () => {
    expect(await createHistoryStore(file).list()).toEqual({ entries: [], notices: [] });
    expect(await readdir(folder)).toEqual([]);
  });

  it('survives a restart: a new store on the same file lists the same results, newest first', async () => {
    const first = createHistoryStore(file);
    const older = await first.add({ kind: 'check', report: checkReport() });
    const newer = await first.add({ kind: 'check', report: failedLogin });
    const reopened = createHistoryStore(file);
    const { entries, notices } = await reopened.list();
    expect(notices).toEqual([]);
    expect(entries.map((entry) => entry.id)).toEqual([newer.id, older.id]);
    expect(await reopened.get(newer.id)).toEqual({ id: newer.id, kind: 'check', report: failedLogin });
    expect(entries.map(summarise).map(({ outcome, title, workspaceId }) => ({ outcome, title, workspaceId }))).toEqual([
      { outcome: 'Log in as the integration user failed (4089)', title: 'Arena rejected the WebToken', workspaceId: 898765432 },
      { outcome: 'passed', title: 'The connection works', workspaceId: 898765432 },
    ]);
  });

  it('keeps explained messages beside checks, across a restart, and summarises each by what was recognised', async () => {
    const store = createHistoryStore(file);
    const check = await store.add({ kind: 'check', report: failedLogin });
    const recognised = explanationReport('Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.');
    const unknown = explanationReport(
      `Nothing we know about,\n  spread over lines and far longer than a list line should ever be shown, ${'x'.repeat(80)}`,
    );
    const first = await store.add({ kind: 'explain', report: recognised });
    const second = await store.add({ kind: 'explain', report: unknown });
    const reopened = createHistoryStore(file);
    expect((await reopened.list()).entries.map((entry) => entry.id)).toEqual([second.id, first.id, check.id]);
    expect(await reopened.get(first.id)).toEqual({ id: first.id, kind: 'explain', report: recognised });
    const [unknownLine, recognisedLine] = (await reopened.list()).entries.map(summarise);
    expect(recognisedLine).toMatchObject({
      kind: 'explain',
      apiUrl: null,
      workspaceId: null,
      ok: false,
      outcome: `Explained message: Arena code ${String(recognised.explanation.candidates[0]?.code)}`,
      title: recognised.explanation.candidates[0]?.title,
    });
    expect(unknownLine?.outcome).toBe("Explained message: not in Arena's list");
    // The message's short form: one line, cut with an ellipsis.
    expect(unknownLine?.title).toBe('“Nothing we know about, spread over lines and far longer than a list line should…”');
  });

  it('refuses to write an explanation carrying an unexpected field (the pasted text beside the masked one, say)', async () => {
    const store = createHistoryStore(file);
    const report = explanationReport('4089');
    const sneaky = { ...report, explanation: { ...report.explanation, raw: SENTINEL } };
    await expect(store.add({ kind: 'explain', report: sneaky })).rejects.toThrow();
    expect((await readdir(folder)).includes('history.json') ? await readFile(file, 'utf8') : '').not.toContain(SENTINEL);
  });

  it(`keeps only the newest ${HISTORY_LIMIT}`, async () => {
    const store = createHistoryStore(file);
    const added = [];
    for (let n = 0; n < HISTORY_LIMIT + 3; n += 1)
      added.push(
        await store.add({ kind: 'check', report: checkReport({ createdAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() }) }),
      );
    const { entries } = await createHistoryStore(file).list();
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]?.id).toBe(added.at(-1)?.id);
    expect(entries.at(-1)?.id).toBe(added[3]?.id);
  });

  it('concurrent additions are serialised: none is lost', async () => {
    const store = createHistoryStore(file);
    await Promise.all(Array.from({ length: 12 }, () => store.add({ kind: 'check', report: checkReport() })));
    expect((await createHistoryStore(file).list()).entries).toHaveLength(12);
  });

  it('deletes one, then all; a deleted id is not found again', async () => {
    const store = createHistoryStore(file);
    const kept = await store.add({ kind: 'check', report: checkReport() });
    const gone = await store.add({ kind: 'check', report: failedLogin });
    expect(await store.remove(gone.id)).toBe(true);
    expect(await store.remove(gone.id)).toBe(false);
    expect(await store.get(gone.id)).toBeNull();
    expect((await createHistoryStore(file).list()).entries.map((entry) => entry.id)).toEqual([kept.id]);
    await store.clear();
    expect(await createHistoryStore(file).list()).toEqual({ entries: [], notices: [] });
  });

  it('refuses to write a report carrying an unexpected field, and the file never holds it', async () => {
    const store = createHistoryStore(file);
    await store.add({ kind: 'check', report: checkReport() });
    const sneaky = { ...checkReport(), webtoken: SENTINEL };
    await expect(store.add({ kind: 'check', report: sneaky })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).not.toContain(SENTINEL);
    expect((await store.list()).entries).toHaveLength(1);
  });
});

describe('a damaged, oversized or strange file is set aside with a notice', () => {
  const valid = (report: unknown) => JSON.stringify({ version: 1, entries: [{ id: 'abcdefgh12', kind: 'check', report }] });

  it.each([
    ['is damaged (not valid JSON)', '{"version":1,"entries":[{"id":'],
    ['is empty', ''],
    [
      'does not hold what Arena Connect Doctor expects (entries.0.report.target.workspaceId: Too small: expected number to be >0)',
      valid({ ...checkReport(), target: { ...checkReport().target, workspaceId: -3 } }),
    ],
    [
      'does not hold what Arena Connect Doctor expects (entries.0.report: unexpected password)',
      valid({ ...checkReport(), password: SENTINEL }),
    ],
    ['was written by a newer version of Arena Connect Doctor (history version 2)', JSON.stringify({ version: 2, entries: [] })],
  ])('a file that %s', async (reason, content) => {
    await writeFile(file, content);
    const store = createHistoryStore(file, { now: () => FIXED });
    const { entries, notices } = await store.list();
    expect(entries).toEqual([]);
    expect(notices).toEqual([
      `The history file ${file} ${reason}, so the list of recent checks starts empty. The old file was kept as ${join(folder, ASIDE)}.`,
    ]);
    expect(notices.join()).not.toContain(SENTINEL);
    expect(await readFile(join(folder, ASIDE), 'utf8')).toBe(content);
    // Once set aside, the next read is quiet, and new results are kept again.
    expect((await store.list()).notices).toEqual([]);
    await store.add({ kind: 'check', report: checkReport() });
    expect((await createHistoryStore(file).list()).entries).toHaveLength(1);
  });

  it('an oversized file is set aside unread', async () => {
    await writeFile(file, '');
    await truncate(file, MAX_HISTORY_FILE_BYTES + 1);
    const { entries, notices } = await createHistoryStore(file, { now: () => FIXED }).list();
    expect(entries).toEqual([]);
    expect(notices).toEqual([
      `The history file ${file} is larger than 8 MB, so the list of recent checks starts empty. The old file was kept as ${join(folder, ASIDE)}.`,
    ]);
    expect(await readdir(folder)).toEqual([ASIDE]);
  });

  it('the size limit is what decides: the same valid file passes under a larger limit and is set aside under a smaller one', async () => {
    await createHistoryStore(file).add({ kind: 'check', report: failedLogin });
    const size = (await readFile(file)).length;
    expect((await createHistoryStore(file, { maxBytes: size }).list()).notices).toEqual([]);
    const { notices } = await createHistoryStore(file, { maxBytes: size - 1, now: () => FIXED }).list();
    expect(notices[0]).toMatch(/is larger than/);
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO in its place is set aside without being opened (opening one would wait forever)',
    async () => {
      execFileSync('mkfifo', [file]);
      const { notices } = await createHistoryStore(file, { now: () => FIXED }).list();
      expect(notices[0]).toContain('is not a regular file');
      expect(await readdir(folder)).toEqual([ASIDE]);
    },
  );

  it('a notice found while adding is handed out by the next list', async () => {
    await writeFile(file, 'not json');
    const store = createHistoryStore(file, { now: () => FIXED });
    await store.add({ kind: 'check', report: checkReport() });
    const { entries, notices } = await store.list();
    expect(entries).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('is damaged (not valid JSON)');
  });

  it.skipIf(process.platform === 'win32')(
    'a symbolic link in its place is set aside, not followed: the file it points to is left as it was',
    async () => {
      const elsewhere = join(folder, 'elsewhere.json');
      const store = createHistoryStore(elsewhere);
      await store.add({ kind: 'check', report: failedLogin });
      const before = await readFile(elsewhere, 'utf8');
      await symlink(elsewhere, file);
      const { entries, notices } = await createHistoryStore(file, { now: () => FIXED }).list();
      expect(entries).toEqual([]);
      expect(notices[0]).toBe(
        `The history file ${file} is not a regular file, so the list of recent checks starts empty. The old file was kept as ${join(folder, ASIDE)}.`,
      );
      await createHistoryStore(file).add({ kind: 'check', report: checkReport() });
      expect(await readFile(elsewhere, 'utf8')).toBe(before);
    },
  );

  it('a folder in its place is set aside the same way, without crashing', async () => {
    await mkdir(file);
    const { entries, notices } = await createHistoryStore(file).list();
    expect(entries).toEqual([]);
    expect(notices[0]).toMatch(/is not a regular file/);
  });
});
