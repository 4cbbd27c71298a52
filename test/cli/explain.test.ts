// doctor explain as a real process: exit codes, the JSON contract, standard input, bad and hostile input.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_EXPLAIN_INPUT_CHARS, NOT_IN_CATALOGUE } from '../../common/explanation.js';

const DOCTOR = fileURLToPath(new URL('../../out/cli/doctor.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function doctor(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DOCTOR, ...args], {
      // No proxy variables and no secrets: explain needs neither, and must not reach for the network.
      env: { PATH: process.env.PATH ?? '' },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // The child may stop reading early (over-long input): a broken pipe is expected then.
    child.stdin?.on('error', () => undefined);
    if (stdin !== undefined) child.stdin?.end(stdin);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface JsonExplanation {
  recognized: boolean;
  input: string;
  candidates: { endpoint: string; code: number | string; id: string; title: string; facts: Record<string, string> }[];
  diagnosis: null | { id: string; title: string; causes: string[]; actions: string[]; facts: Record<string, string> };
  generic: null | { id: string };
  question: null | { text: string; options: { candidateId: string; label: string }[] };
  note: string;
}

const parse = (run: Run) => JSON.parse(run.stdout) as JsonExplanation;

describe('doctor explain', () => {
  it('quotes a pasted message back without its escape sequences, in text and JSON', async () => {
    const pasted =
      'Sync failed: The category \u001b]0;owned\u0007“Mechanical\u001b[2J Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.\u009b31m\u202e';
    for (const args of [
      ['explain', pasted],
      ['explain', '--json', pasted],
    ]) {
      const run = await doctor(args);
      expect(run.stdout).toContain('Mechanical');
      expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0080-\u009f\u202e]/);
    }
  });

  it('explains a pasted message with text around it: exit 0, the JSON contract, values as facts', async () => {
    const run = await doctor([
      'explain',
      '--json',
      'Sync',
      'failed:',
      'The',
      'category',
      '“Mechanical Part”',
      '(guid',
      'J1L49Y1KSGZ9SBNUN5OX)',
      'is',
      'deleted.',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = parse(run);
    expect(result.recognized).toBe(true);
    expect(result.input).toBe('Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.');
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({
      endpoint: 'POST /settings/items/numberreservations/onshape',
      code: 3238,
      id: 'reserve.3238',
      facts: { guid: 'J1L49Y1KSGZ9SBNUN5OX', category: 'Mechanical Part' },
    });
    expect(typeof result.candidates[0]?.title).toBe('string');
    // The same shape as a check step's diagnosis in the check report.
    expect(Object.keys(result.diagnosis ?? {}).sort()).toEqual(
      ['actions', 'arenaMessage', 'causeDetails', 'causes', 'facts', 'id', 'meaning', 'recheck', 'title'].sort(),
    );
    expect(result.diagnosis?.id).toBe('reserve.3238');
    expect(result.diagnosis?.facts).toEqual({ guid: 'J1L49Y1KSGZ9SBNUN5OX', category: 'Mechanical Part' });
    expect(result.diagnosis?.causes.every((cause) => typeof cause === 'string')).toBe(true);
    expect(result.diagnosis?.actions.some((action) => action.includes('"Mechanical Part"') && action.includes('Categories > Items'))).toBe(
      true,
    );
    expect(result.note).toBe('Explained from a message, no connection made.');
  });

  it('prints readable advice by default, with who acts where', async () => {
    const run = await doctor(['explain', 'The attribute "description" is required.', 'releasing', 'a', 'part']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('A required core attribute has no value (Arena code 3001, POST /items or PUT /items)');
    expect(run.stdout).toContain('Arena administrator: ');
    expect(run.stdout).toContain('(Arena > Workspace Settings > Attributes > Items)');
    expect(run.stdout).toContain('"description"');
    expect(run.stdout).toContain('Explained from a message, no connection made.');
  });

  it("ranks a bare code's tables and asks what the admin was doing", async () => {
    const result = parse(await doctor(['explain', '3024', '--json']));
    expect(result.candidates.map((candidate) => candidate.id)).toHaveLength(4);
    expect(result.question?.text).toBe('What were you doing in Onshape when this appeared?');
    const reserving = parse(await doctor(['explain', '--json', 'reserving', 'a', 'part', 'number:', '3024']));
    expect(reserving.candidates[0]?.id).toBe('reserve.3024');
  });

  it('reads the text from standard input with "-"', async () => {
    const run = await doctor(['explain', '-', '--json'], 'Cannot add duplicate item "VDXGLADW4SBJ2GY3EITQ""100-0001".\n');
    expect(run.code).toBe(0);
    const result = parse(run);
    expect(result.input).toBe('Cannot add duplicate item "VDXGLADW4SBJ2GY3EITQ""100-0001".');
    expect(result.candidates[0]).toMatchObject({ id: 'bom.3235', facts: { itemGuid: 'VDXGLADW4SBJ2GY3EITQ', itemNumber: '100-0001' } });
  });

  it('takes words that look like options as text', async () => {
    const run = await doctor([
      'explain',
      '--json',
      '--',
      'The',
      'value',
      '"-1"',
      'for',
      'additional',
      'attribute',
      '"POS Number 1"',
      'must',
      'be',
      'positive.',
    ]);
    expect(run.code).toBe(0);
    expect(parse(run).candidates[0]).toMatchObject({ id: 'item.2005', facts: { value: '-1', attribute: 'POS Number 1' } });
  });

  it("exits 1 for an unknown message, keeps its text and says it is not in Arena's list", async () => {
    const run = await doctor(['explain', 'Something odd happened in Onshape']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(NOT_IN_CATALOGUE);
    expect(run.stdout).toContain('"Something odd happened in Onshape"');
    const json = parse(await doctor(['explain', '--json', 'Something odd happened in Onshape']));
    expect(json).toMatchObject({ recognized: false, candidates: [], diagnosis: null, generic: { id: 'unknown' } });
  });

  it.each([
    ['no text', ['explain'], undefined],
    ['only spaces', ['explain', '  '], undefined],
    ['10 001 characters', ['explain', 'x'.repeat(MAX_EXPLAIN_INPUT_CHARS + 1)], undefined],
    ['10 001 characters on standard input', ['explain', '-'], 'x'.repeat(MAX_EXPLAIN_INPUT_CHARS + 1)],
    ['empty standard input', ['explain', '-'], ''],
    ['--list with text', ['explain', '--list', '3024'], undefined],
  ])('exits 2 for %s, with one line on stderr', async (_name, args, stdin) => {
    const run = await doctor(args, stdin);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('accepts exactly 10 000 characters', async () => {
    const text = `${'x '.repeat(5000)}`.slice(0, MAX_EXPLAIN_INPUT_CHARS - 30) + ' Quantity must be positive.';
    const run = await doctor(['explain', '--json', '-'], text.padEnd(MAX_EXPLAIN_INPUT_CHARS, ' '));
    expect(run.code).toBe(0);
    expect(parse(run).candidates[0]?.id).toBe('bom.3227');
  });

  it('never writes a terminal escape back, and masks a labelled secret', async () => {
    const run = await doctor([
      'explain',
      '\u001b]0;owned\u0007\u001b[2J',
      'X-Web-Token: Zx81KqPw0',
      'The request header X-Web-Token is not valid.',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).not.toContain('Zx81KqPw0');
  });

  it('lists the catalogue: endpoint, code and title, one line each', async () => {
    const run = await doctor(['explain', '--list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(71);
    expect(lines).toContain('POST /settings/items/numberreservations/onshape\t3024\tThe integration user may not reserve item numbers');
    const json = JSON.parse((await doctor(['explain', '--list', '--json'])).stdout) as { endpoint: string; code: number; title: string }[];
    expect(json).toHaveLength(71);
    expect(json.filter((row) => row.code === 3024).map((row) => row.endpoint)).toHaveLength(4);
  });
});
