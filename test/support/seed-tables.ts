// Arena's own error tables (the seed pages), read at test time by the tests that must cover them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The tables are vendored so this runs from any clone; seed-copies.test.ts keeps them equal to the originals.
const seedsDir = path.resolve(repoRoot, 'docs/arena-seeds');

export interface SeedRow {
  status: number;
  code: number;
  message: string;
}

const decode = (text: string) => text.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** The rows of the first Markdown table whose cells are: status | code | ```message``` | explanation. */
export function readSeedTable(file: string): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const line of readFileSync(path.join(seedsDir, file), 'utf8').split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.replace(/<br>/g, ' ').trim());
    const [status, code, message] = cells;
    if (!status || !code || !message || !/^\d+$/.test(status) || !/^\d+$/.test(code)) continue;
    const verbatim = /```([\s\S]*?)```/.exec(message)?.[1];
    if (verbatim === undefined) throw new Error(`${file}: no quoted message in row ${line}`);
    rows.push({ status: Number(status), code: Number(code), message: decode(verbatim.trim()) });
  }
  return rows;
}
