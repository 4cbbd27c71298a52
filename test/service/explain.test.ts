// The service's explain methods, driven as the renderer drives them: pasted text in, an explanation,
// an exported page or JSON, a copied summary out. Nothing reaches the network: no server exists here.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXPLAIN_INPUT_CHARS } from '../../common/explanation.js';
import type { Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService } from '../../main/service/doctor-service.js';
import { ECHO_SECRETS, ECHO_SENTINELS } from '../support/echo-server.js';
import { sentinelHits } from '../support/sentinels.js';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'doctor-explain-'));
  const exportDir = join(dataDir, 'reports');
  const host = bridgeHost({ dataDir, exportDir, keychain: false, timeoutMs: 5000, now: () => new Date('2026-03-04T05:06:07.000Z') });
  return { service: createDoctorService(host), host, exportDir };
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const DELETED = 'Sync failed: The category “Mechanical <b>Part</b>” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.';

describe('explainMessage', () => {
  it('explains pasted text with its values', async () => {
    const { service } = setup();
    const explained = data(await service.handle('explainMessage', { text: DELETED }));
    expect(explained.recognized).toBe(true);
    expect(explained.candidates[0]).toMatchObject({ id: 'reserve.3238', facts: { category: 'Mechanical <b>Part</b>' } });
    expect(explained.diagnoses[0]?.meaning).toContain('Mechanical <b>Part</b>');
  });

  it.each([
    ['empty text', { text: '' }],
    ['blank text', { text: ' \n ' }],
    ['10 001 characters', { text: 'x'.repeat(MAX_EXPLAIN_INPUT_CHARS + 1) }],
    ['no text field', {}],
    ['an extra field', { text: '3024', password: 'x' }],
  ])('refuses %s as an invalid payload', async (_name, payload) => {
    const { service } = setup();
    const result = await service.handle('explainMessage', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-payload');
  });
});

describe('exporting and copying an explanation', () => {
  it('saves a page that says no connection was made, with the values escaped', async () => {
    const { service, exportDir } = setup();
    const saved = data(
      await service.handle('exportExplanation', { format: 'html', text: DELETED, chosenId: null, answers: null, historyId: null }),
    );
    expect(saved).toEqual({
      saved: true,
      fileName: join(exportDir, 'arena-connect-doctor-explained-reserve.3238-2026-03-04T05-06-07Z.html'),
    });
    const page = readFileSync(join(exportDir, readdirSync(exportDir)[0] ?? ''), 'utf8');
    expect(page).toContain('Explained from a message, no connection made.');
    expect(page).toContain('Mechanical &lt;b&gt;Part&lt;/b&gt;');
    expect(page).not.toContain('<b>Part</b>');
    expect(page).toContain('Arena &gt; Workspace Settings &gt; Categories &gt; Items');
  });

  it('exports the JSON contract, with the candidate the admin chose and their answers', async () => {
    const { service, exportDir } = setup();
    const answers = {
      diagnosisId: 'add-file.3024',
      answers: [{ causeId: 'no-file-policy', question: 'Q?', answer: 'yes' as const }],
      concludedCauseId: 'no-file-policy',
    };
    data(await service.handle('exportExplanation', { format: 'json', text: '3024', chosenId: 'add-file.3024', answers, historyId: null }));
    const json = JSON.parse(readFileSync(join(exportDir, readdirSync(exportDir)[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({
      recognized: true,
      input: '3024',
      chosenId: 'add-file.3024',
      diagnosis: { id: 'add-file.3024' },
      note: 'Explained from a message, no connection made.',
    });
  });

  it('ignores a chosen candidate the text does not have', async () => {
    const { service, host, exportDir } = setup();
    data(await service.handle('copyExplanation', { format: 'text', text: '3238', chosenId: 'login.4001', answers: null, historyId: null }));
    expect(host.clipboard.at(-1)).toContain('(Arena code 3238,');
    expect(host.clipboard.at(-1)).not.toContain('4001');
    data(
      await service.handle('exportExplanation', { format: 'json', text: '3238', chosenId: 'login.4001', answers: null, historyId: null }),
    );
    const json = JSON.parse(readFileSync(join(exportDir, readdirSync(exportDir)[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(json.chosenId).toBeNull();
  });

  it('copies the same text the CLI prints', async () => {
    const { service, host } = setup();
    data(
      await service.handle('copyExplanation', {
        format: 'text',
        text: 'Quantity must be positive.',
        chosenId: null,
        answers: null,
        historyId: null,
      }),
    );
    const copied = host.clipboard.at(-1) ?? '';
    expect(copied).toMatch(
      /^A BOM line has a negative quantity \(Arena code 3227, POST \/items\/\{guid\}\/bom or PUT \/items\/\{guid\}\/bom\/\{guid\}\)/,
    );
    expect(copied).toContain('Explained from a message, no connection made.');
  });

  it('saves and copies Markdown for a support ticket: the values escaped, a pasted secret masked', async () => {
    const { service, host, exportDir } = setup();
    const pasted = `${DELETED}\nX-Web-Token: ${ECHO_SECRETS.webtoken} password=${ECHO_SECRETS.userPassword}`;
    const saved = data(
      await service.handle('exportExplanation', { format: 'md', text: pasted, chosenId: null, answers: null, historyId: null }),
    );
    expect(saved).toEqual({
      saved: true,
      fileName: join(exportDir, 'arena-connect-doctor-explained-reserve.3238-2026-03-04T05-06-07Z.md'),
    });
    data(await service.handle('copyExplanation', { format: 'md', text: pasted, chosenId: null, answers: null, historyId: null }));
    const file = readFileSync(saved.saved ? saved.fileName : '', 'utf8');
    expect(host.clipboard.at(-1)).toBe(file);
    expect(file).toMatch(/^# Arena Connect Doctor report\n/);
    expect(file).toContain('Explained from a message, no connection made.');
    // Escaped as literal text: the pasted tag is no HTML in a ticket that renders Markdown.
    expect(file).toContain('Mechanical \\<b\\>Part\\</b\\>');
    expect(file).not.toContain('<b>');
    expect(file).toContain('X-Web-Token: \\[redacted\\] password=\\[redacted\\]');
    expect(sentinelHits(file, ECHO_SENTINELS)).toEqual([]);
  });
});
