// The only addresses the app opens in the system browser: Arena's and Onshape's help and web apps.
// Anything else (a link inside an Arena message or a proxy page) is refused.

const ALLOWED_HOSTS: readonly string[] = [
  'ptc-arena.github.io',
  'app.bom.com',
  'app.europe.arenaplm.com',
  'app.uk.arenaplm.com',
  'app.arenagov.com',
  'app.arenaplm.cn',
  'status.arenasolutions.com',
  'www.arenasolutions.com',
  'support.ptc.com',
  'cad.onshape.com',
  'www.onshape.com',
];

export function isAllowedExternalLink(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && ALLOWED_HOSTS.includes(url.hostname);
}
