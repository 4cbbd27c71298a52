// The architecture's import rules (eslint.config.js) fire where the README says they must, and stay
// quiet in the one folder each package belongs to. Each case lints a one-line file at a real path.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The no-restricted-imports messages ESLint gives for `source` placed at `filePath`. */
async function boundaryMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const importOf = (specifier: string) => `import * as imported from '${specifier}';\nexport const used = imported;\n`;

describe('import boundaries', () => {
  it.each([
    ['got', 'main/service/fetcher.ts', /only in main\/arena\//],
    ['got', 'main/cli/fetcher.ts', /only in main\/arena\//],
    ['keytar', 'main/service/secrets.ts', /only in main\/vault\//],
    ['keytar', 'main/app/secrets.ts', /only in main\/vault\//],
    ['electron', 'main/service/shell.ts', /only in main\/app\/ and preload\//],
    ['electron', 'main/vault/shell.ts', /only in main\/app\/ and preload\//],
    ['electron', 'common/ipc/shell.ts', /only in main\/app\/ and preload\//],
    ['electron', 'renderer/src/lib/shell.ts', /only in main\/app\/ and preload\//],
    ['node:fs', 'renderer/src/lib/files.ts', /no Node module here/],
    ['fs', 'renderer/src/lib/files.ts', /no Node module here/],
    ['node:path', 'common/paths.ts', /no Node module here/],
    ['crypto', 'common/ids.ts', /no Node module here/],
    ['../../../main/report/format.js', 'renderer/src/lib/steps.ts', /only through the typed IPC contract/],
    ['../../main/diagnosis/diagnose.js', 'renderer/src/Extra.ts', /only through the typed IPC contract/],
  ])('%s imported from %s is refused', async (specifier, filePath, message) => {
    const messages = await boundaryMessages(filePath, importOf(specifier));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('a Svelte component importing from main/ is refused too', async () => {
    const component = `<script lang="ts">\n  import { formatBudget } from '../../../main/report/format.js';\n  const text: string = String(formatBudget);\n</script>\n<p>{text}</p>\n`;
    expect(await boundaryMessages('renderer/src/parts/Steps.svelte', component)).toEqual([
      expect.stringMatching(/only through the typed IPC contract/),
    ]);
  });

  it.each([
    ['got', 'main/arena/client-extra.ts'],
    ['keytar', 'main/vault/keytar-extra.ts'],
    ['electron', 'main/app/extra.ts'],
    ['electron', 'preload/extra.ts'],
    ['node:fs', 'main/settings/extra.ts'],
    ['../common/fields.js', 'main/extra.ts'],
    ['../../../common/fields.js', 'renderer/src/lib/extra.ts'],
    ['got', 'test/arena/extra.test.ts'],
  ])('%s imported from %s is allowed', async (specifier, filePath) => {
    expect(await boundaryMessages(filePath, importOf(specifier))).toEqual([]);
  });
});

describe('optional properties, one way throughout', () => {
  const messagesFor = async (source: string) => {
    const [result] = await eslint.lintText(source, { filePath: 'main/check/extra.ts' });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
  };

  it('refuses a conditional spread that only drops an undefined option', async () => {
    const source = 'export const pass = (limit: number | undefined) => ({ ...(limit !== undefined ? { limit } : {}) });\n';
    expect(await messagesFor(source)).toEqual([expect.stringMatching(/x\?: T \| undefined/)]);
  });

  it('allows the option passed as is, and a spread whose key must be absent for another reason', async () => {
    const source =
      'export const pass = (limit: number | undefined) => ({ limit });\n' +
      "export const header = (session: string) => ({ ...(session ? { 'arena-session-id': session } : {}) });\n";
    expect(await messagesFor(source)).toEqual([]);
  });
});
