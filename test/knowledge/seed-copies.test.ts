// The vendored seed tables must stay identical to the shared originals, where those are present.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const originals = path.resolve(repoRoot, '../shared/seeds');
const copies = path.resolve(repoRoot, 'docs/arena-seeds');

describe.skipIf(!existsSync(originals))('vendored Arena seed tables (skipped: no ../shared/seeds beside this clone)', () => {
  it.each(readdirSync(existsSync(originals) ? originals : copies).filter((file) => file.endsWith('.md') && file !== 'README.md'))(
    '%s matches the shared original',
    (file) => {
      expect(readFileSync(path.join(copies, file), 'utf8')).toBe(readFileSync(path.join(originals, file), 'utf8'));
    },
  );
});
