// Serves the built renderer under app://renderer/ with a strict CSP header. A custom protocol instead of
// file:// keeps the renderer from reading arbitrary local files and gives it a real origin to check.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, RENDERER_ORIGIN } from './window-options.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface ServedFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

/** Maps a request URL to a file inside rendererRoot; null for anything outside it or another origin. */
export function resolveRendererPath(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (`${url.protocol}//${url.host}` !== RENDERER_ORIGIN) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    // A lone "%" or bytes that are not UTF-8 ("%ff") name no file: not found, not a server error.
    return null;
  }
  if (relative.includes('\0')) return null;
  const root = normalize(rendererRoot);
  const path = normalize(join(root, relative));
  if (!path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) return null;
  return path;
}

export async function serveRendererFile(rendererRoot: string, requestUrl: string): Promise<ServedFile> {
  const path = resolveRendererPath(rendererRoot, requestUrl);
  if (!path) return { status: 404, headers: { ...SECURITY_HEADERS }, body: 'Not found' };
  const type = TYPES[extname(path)];
  if (!type) return { status: 404, headers: { ...SECURITY_HEADERS }, body: 'Not found' };
  try {
    return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type }, body: await readFile(path) };
  } catch {
    return { status: 404, headers: { ...SECURITY_HEADERS }, body: 'Not found' };
  }
}
