// The only addresses the app opens in the system browser: Arena's and Onshape's help and web apps.
// Anything else (a link inside an Arena message or a proxy page) is refused.
import { DATA_CENTRES } from '../arena/data-centres.js';

const ALLOWED_HOSTS: readonly string[] = [
  'ptc-arena.github.io',
  // Each data centre's web app, where the fix steps send the admin.
  ...DATA_CENTRES.map((centre) => centre.webApp),
  'status.arenasolutions.com',
  'www.arenasolutions.com',
  'support.ptc.com',
  'cad.onshape.com',
  'www.onshape.com',
];

/**
 * The address to hand to the system browser: the parsed URL's href (tabs and line breaks dropped, dot
 * segments and backslashes resolved, host lower-cased), never the raw text, or null when it is not allowed.
 */
export function allowedExternalLink(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const allowed =
    url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && ALLOWED_HOSTS.includes(url.hostname);
  return allowed ? url.href : null;
}
