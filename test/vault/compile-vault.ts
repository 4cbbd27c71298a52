// Compiles main/vault/*.ts (and main/accounts/, which it imports) to plain ESM in a temp folder, in the
// same layout, so a child `node` process (no TypeScript loader on Node 20) can run the real vault. A node_modules link lets the vault's own import('keytar')
// resolve exactly as in the app.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CompiledVault {
  folder: string;
  indexUrl: string;
  remove(): Promise<void>;
}

export async function compileVault(): Promise<CompiledVault> {
  const folder = await mkdtemp(join(tmpdir(), 'acd-vault-'));
  await symlink(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  await writeFile(join(folder, 'package.json'), '{"type":"module"}\n');
  for (const part of ['main/vault', 'main/accounts']) {
    const source = join(ROOT, part);
    await mkdir(join(folder, part), { recursive: true });
    for (const name of (await readdir(source)).filter((file) => file.endsWith('.ts'))) {
      const output = ts.transpileModule(await readFile(join(source, name), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      await writeFile(join(folder, part, name.replace(/\.ts$/, '.js')), output.outputText);
    }
  }
  return {
    folder,
    indexUrl: pathToFileURL(join(folder, 'main/vault/index.js')).href,
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
