// Writes a file so that a crash or power loss leaves either the old or the new content, never half of
// each: a temp file in the same folder (same file system, so rename is atomic), flushed, then renamed.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const RENAME_ATTEMPTS = 5;

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

// On Windows a virus scanner or indexer briefly holding the target makes rename fail with EPERM/EBUSY.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const transient = ['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '');
      if (!transient || process.platform !== 'win32' || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

// Makes the rename itself durable. Not possible on Windows (a folder cannot be opened), where NTFS
// journals the rename anyway, so failure here is ignored.
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const folder = dirname(filePath);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // 0o600: the file holds email addresses; other accounts on the computer have no business reading it.
    handle = await open(temp, 'wx', 0o600);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}
