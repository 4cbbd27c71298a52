// The app's name and version, read once from the package.json above this file (source or built tree).
import { readFileSync } from 'node:fs';

export interface ToolInfo {
  name: string;
  version: string;
}

let cached: ToolInfo | null = null;

export function toolInfo(): ToolInfo {
  if (cached) return cached;
  let directory = new URL('.', import.meta.url);
  for (let depth = 0; depth < 5; depth += 1) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(new URL('package.json', directory), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
        const productName = 'productName' in parsed && typeof parsed.productName === 'string' ? parsed.productName : 'Arena Connect Doctor';
        cached = { name: productName, version: parsed.version };
        return cached;
      }
    } catch {
      // Not here: look one folder up.
    }
    directory = new URL('..', directory);
  }
  cached = { name: 'Arena Connect Doctor', version: '0.0.0' };
  return cached;
}
