// Reads a small state file (settings.json, recheck.json, history.json) without trusting what is at the
// path: a FIFO or a device would block the read forever, a huge file would cost its size in memory. Only
// a regular file up to maxBytes is read; anything else is refused with a code the caller can put in plain words.
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { errorCode } from './atomic-write.js';

export class UnreadableStateFile extends Error {
  override readonly name = 'UnreadableStateFile';
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
  }
}

export interface BoundedReadOptions {
  maxBytes: number;
  /** What the file is, in the size refusal's words: "settings file", "history file". */
  what: string;
  /**
   * 'follow': a symbolic link is read through (the settings and the re-check record, which an admin may
   * have linked elsewhere). 'refuse': a link is not a regular file (the history, which holds past reports
   * and must not be pointed at some other file to be read or replaced).
   */
  symlinks: 'follow' | 'refuse';
}

/** The file's text; rejects with ENOENT and the like as fs does, or with an UnreadableStateFile. */
export async function readBoundedText(filePath: string, options: BoundedReadOptions): Promise<string> {
  const { maxBytes, what } = options;
  const refuse = options.symlinks === 'refuse';
  // The open itself refuses a link (O_NOFOLLOW), so none swapped in after a look can be followed; where
  // the flag is missing (Windows), lstat looks first.
  if (refuse && constants.O_NOFOLLOW === undefined && (await lstat(filePath)).isSymbolicLink()) throw notRegular();
  const noFollow = refuse ? (constants.O_NOFOLLOW ?? 0) : 0;
  // Non-blocking open: opening a FIFO for reading would otherwise wait for a writer (Windows has no flag and no FIFOs).
  const handle = await open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | noFollow).catch((error: unknown) => {
    throw refuse && errorCode(error) === 'ELOOP' ? notRegular() : error;
  });
  try {
    const stat = await handle.stat();
    // A folder is an ordinary read error (EISDIR), as fs would report it, not something to set aside.
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw notRegular();
    if (stat.size > maxBytes) throw new UnreadableStateFile('EFBIG', `is ${megabytes(stat.size)}, far larger than a ${what} can be`);
    // Read at most one byte over the bound: a file that grows while being read is still bounded.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length >= buffer.length) break;
    }
    if (length > maxBytes) throw new UnreadableStateFile('EFBIG', `grew beyond the size a ${what} can be while it was read`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function notRegular(): UnreadableStateFile {
  return new UnreadableStateFile('ENOTREG', 'is not a regular file');
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
