// Reads a small state file (settings.json, recheck.json) without trusting what is at the path: a FIFO
// or a device would block the read forever, a huge file would cost its size in memory. Only a regular
// file up to maxBytes is read; anything else is refused with a code the caller can put in plain words.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export class UnreadableStateFile extends Error {
  override readonly name = 'UnreadableStateFile';
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
  }
}

/** The file's text; rejects with ENOENT and the like as fs does, or with an UnreadableStateFile. */
export async function readBoundedText(filePath: string, maxBytes: number): Promise<string> {
  // Non-blocking open: opening a FIFO for reading would otherwise wait for a writer (Windows has no flag and no FIFOs).
  const handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    // A folder is an ordinary read error (EISDIR), as fs would report it, not something to set aside.
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new UnreadableStateFile('ENOTREG', 'is not a regular file');
    if (stat.size > maxBytes) throw new UnreadableStateFile('EFBIG', `is ${megabytes(stat.size)}, far larger than a settings file can be`);
    // Read at most one byte over the bound: a file that grows while being read is still bounded.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= buffer.length) break;
    }
    if (length > maxBytes) throw new UnreadableStateFile('EFBIG', 'grew beyond the size a settings file can be while it was read');
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
