// The vendored Arena tables must stay identical to the shared originals, where those are present.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const VENDORED = [
  { originals: '../shared/seeds', copies: 'docs/arena-seeds' },
  { originals: '../shared/arena-docs', copies: 'docs/arena-docs' },
];

for (const pair of VENDORED) {
  const originals = path.resolve(repoRoot, pair.originals);
  const copies = path.resolve(repoRoot, pair.copies);
  describe.skipIf(!existsSync(originals))(`vendored ${pair.copies} (skipped: no ${pair.originals} beside this clone)`, () => {
    const files = readdirSync(existsSync(originals) ? originals : copies).filter((file) => file.endsWith('.md') && file !== 'README.md');

    it('holds every shared original', () => {
      expect(files.length).toBeGreaterThan(0);
      const vendored = readdirSync(copies).filter((file) => file !== 'README.md');
      expect(vendored.sort()).toEqual([...files].sort());
    });

    it.each(files)('%s matches the shared original', (file) => {
      expect(readFileSync(path.join(copies, file), 'utf8')).toBe(readFileSync(path.join(originals, file), 'utf8'));
    });
  });
}
