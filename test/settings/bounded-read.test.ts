// The one bounded reader of the small state files, on real files: a regular file is read, a link is
// followed or refused as the caller asks, a FIFO is refused without blocking, and the size refusal names
// the file it is about.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBoundedText, UnreadableStateFile } from '../../main/settings/bounded-read.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-bounded-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const follow = { maxBytes: 1024, what: 'settings file', symlinks: 'follow' } as const;
const refuse = { maxBytes: 1024, what: 'history file', symlinks: 'refuse' } as const;

describe('readBoundedText', () => {
  it('reads a regular file up to the bound, whatever the link policy', async () => {
    const file = join(folder, 'state.json');
    await writeFile(file, '{"a":1}');
    expect(await readBoundedText(file, follow)).toBe('{"a":1}');
    expect(await readBoundedText(file, refuse)).toBe('{"a":1}');
  });

  it.skipIf(process.platform === 'win32')(
    'follows a symbolic link when asked to, and refuses it as not a regular file otherwise',
    async () => {
      const target = join(folder, 'target.json');
      const link = join(folder, 'link.json');
      await writeFile(target, '{"linked":true}');
      await symlink(target, link);
      expect(await readBoundedText(link, follow)).toBe('{"linked":true}');
      const refused = await readBoundedText(link, refuse).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UnreadableStateFile);
      expect(refused).toMatchObject({ code: 'ENOTREG', message: 'is not a regular file' });
    },
  );

  it('the size refusal names the file it is about', async () => {
    const file = join(folder, 'big.json');
    await writeFile(file, '');
    await truncate(file, 3 * 1024 * 1024);
    await expect(readBoundedText(file, follow)).rejects.toMatchObject({
      code: 'EFBIG',
      message: 'is 3 MB, far larger than a settings file can be',
    });
    await expect(readBoundedText(file, refuse)).rejects.toMatchObject({
      code: 'EFBIG',
      message: 'is 3 MB, far larger than a history file can be',
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer, under either policy', async () => {
    const fifo = join(folder, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readBoundedText(fifo, follow)).rejects.toMatchObject({ code: 'ENOTREG' });
    await expect(readBoundedText(fifo, refuse)).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('a missing file rejects as fs does (ENOENT), and a folder as EISDIR', async () => {
    await expect(readBoundedText(join(folder, 'none.json'), refuse)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readBoundedText(folder, follow)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
