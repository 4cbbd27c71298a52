// Which proxy a check goes through. Pure: the Electron shell asks Chromium for the system's answer
// (session.resolveProxy, which follows PAC files and OS settings) and this turns it into a proxy URL.
import { isLoopbackHost } from '../../common/fields.js';
import type { ProxySetting } from '../../common/ipc/contract.js';

/** The environment variables the command line reads for a proxy (the app asks the system instead). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy'] as const;
const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'] as const;

/**
 * The proxy the environment names for a check of apiUrl: the variable and its value as written (the
 * caller validates it), or null when none is set or NO_PROXY (or loopback) takes the host out.
 * HTTP_PROXY is not read: the check only speaks HTTPS to Arena.
 */
export function proxyFromEnvironment(apiUrl: string, env: ProxyEnvironment): { variable: string; value: string } | null {
  const variable = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '');
  if (!variable || bypassesProxy(apiUrl, env)) return null;
  return { variable, value: env[variable] ?? '' };
}

/** A valid proxy address as scheme://host:port, without any path. */
export function normaliseProxyUrl(text: string): string {
  const url = new URL(text.trim());
  return `${url.protocol}//${url.host}`;
}

/** NO_PROXY entries: "*", a host ("company.com" also covers its subdomains) or a suffix (".company.com"). */
function bypassesProxy(apiUrl: string, env: ProxyEnvironment): boolean {
  const host = new URL(apiUrl).hostname.toLowerCase();
  // The built-in simulator and other loopback addresses are never reached through a proxy.
  if (isLoopbackHost(host)) return true;
  const list = NO_PROXY_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value.trim() !== '');
  if (!list) return false;
  return list
    .split(/[\s,]+/)
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/:\d+$/, '')
        .replace(/^\*?\./, ''),
    )
    .some((domain) => domain === '*' || (domain !== '' && (host === domain || host.endsWith(`.${domain}`))));
}

/**
 * Reads a PAC-style answer such as "PROXY proxy.corp:8080; DIRECT" and returns the first proxy as a URL,
 * or null for DIRECT. SOCKS proxies are not supported by the client: they count as direct.
 */
export function proxyUrlFromPac(answer: string): string | null {
  for (const entry of answer.split(';')) {
    const [kind = '', hostPort = ''] = entry.trim().split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return null;
    if ((type === 'PROXY' || type === 'HTTP') && hostPort) return `http://${hostPort}`;
    if (type === 'HTTPS' && hostPort) return `https://${hostPort}`;
  }
  return null;
}

export type SystemProxyResolver = (url: string) => Promise<string>;

/** How a check reaches Arena, and who chose that: the diagnosis answers proxy questions from it. */
export type ProxyRoute =
  | { via: 'direct'; chosenBy: 'setting' | 'system' | 'default' }
  | { via: 'proxy'; proxyUrl: string; chosenBy: 'setting' | 'system' | 'environment' };

/**
 * The route a check of apiUrl takes, by setting. Never throws. Without a system resolver, or when it fails,
 * "system" goes direct but the route is unknown (null): no question is answered from it.
 */
export async function routeFor(
  setting: ProxySetting,
  apiUrl: string,
  resolveSystem: SystemProxyResolver | null,
): Promise<ProxyRoute | null> {
  switch (setting.mode) {
    case 'direct':
      return { via: 'direct', chosenBy: 'setting' };
    case 'manual':
      return { via: 'proxy', proxyUrl: setting.url, chosenBy: 'setting' };
    case 'system': {
      if (!resolveSystem) return null;
      let answer: string;
      try {
        answer = await resolveSystem(apiUrl);
      } catch {
        return null;
      }
      const proxyUrl = proxyUrlFromPac(answer);
      return proxyUrl === null ? { via: 'direct', chosenBy: 'system' } : { via: 'proxy', proxyUrl, chosenBy: 'system' };
    }
  }
}

/** The proxy URL a route goes through; null for direct (and for an unknown route, which goes direct). */
export function proxyUrlOf(route: ProxyRoute | null): string | null {
  return route?.via === 'proxy' ? route.proxyUrl : null;
}

/** The proxy URL to use for a check of apiUrl, by setting; direct (null) when the route is unknown. */
export async function proxyFor(setting: ProxySetting, apiUrl: string, resolveSystem: SystemProxyResolver | null): Promise<string | null> {
  return proxyUrlOf(await routeFor(setting, apiUrl, resolveSystem));
}
