// Moves a state file the app cannot use out of the way, keeping it for whoever wants to look at it.
import { lstat, rename } from 'node:fs/promises';

/** Moves a damaged or foreign file out of the way to a free name beside it; returns that name. */
export async function moveAside(filePath: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n += 1) {
    const candidate = `${filePath}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}`;
    // rename would silently replace an existing file on POSIX: take the first name nothing has.
    try {
      await lstat(candidate);
    } catch {
      await rename(filePath, candidate);
      return candidate;
    }
  }
}
