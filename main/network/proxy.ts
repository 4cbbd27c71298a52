// Which proxy a check goes through. Pure: the Electron shell asks Chromium for the system's answer
// (session.resolveProxy, which follows PAC files and OS settings) and this turns it into a proxy URL.
import type { ReachRoute, RouteReason } from '../../common/check-report.js';
import { isLoopbackHost } from '../../common/fields.js';
import type { ProxySetting } from '../../common/ipc/contract.js';

/** The environment variables the command line reads for a proxy (the app asks the system instead). */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy'] as const;
const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'] as const;

/** What the environment says for a check of apiUrl: a proxy (as written; the caller validates it), or direct and why. */
export type EnvironmentProxy =
  { kind: 'proxy'; variable: string; value: string } | { kind: 'direct'; because: 'default' | 'no-proxy' | 'loopback' };

/**
 * The proxy the environment names for a check of apiUrl, or direct: none is set, NO_PROXY takes the
 * host out, or the host is loopback. HTTP_PROXY is not read: the check only speaks HTTPS to Arena.
 */
export function proxyFromEnvironment(apiUrl: string, env: ProxyEnvironment): EnvironmentProxy {
  // The built-in simulator and other loopback addresses are never reached through a proxy.
  if (isLoopbackHost(new URL(apiUrl).hostname.toLowerCase())) return { kind: 'direct', because: 'loopback' };
  const variable = PROXY_VARIABLES.find((name) => (env[name] ?? '').trim() !== '');
  if (!variable) return { kind: 'direct', because: 'default' };
  if (bypassesProxy(apiUrl, env)) return { kind: 'direct', because: 'no-proxy' };
  return { kind: 'proxy', variable, value: env[variable] ?? '' };
}

/** A valid proxy address as scheme://host:port, without any path. */
export function normaliseProxyUrl(text: string): string {
  const url = new URL(text.trim());
  return `${url.protocol}//${url.host}`;
}

/** NO_PROXY entries: "*", a host ("company.com" also covers its subdomains) or a suffix (".company.com"). */
function bypassesProxy(apiUrl: string, env: ProxyEnvironment): boolean {
  const host = new URL(apiUrl).hostname.toLowerCase();
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

/**
 * How a check reaches Arena, and who or what chose that: the diagnosis answers proxy questions from it,
 * and the report says it (reportedRoute). Direct: 'no-proxy' when NO_PROXY names the host, 'loopback'
 * for a loopback address, 'unreadable' when this computer's proxy settings could not be read.
 */
export type ProxyRoute =
  | { via: 'direct'; chosenBy: 'setting' | 'system' | 'default' | 'no-proxy' | 'loopback' | 'unreadable' }
  | { via: 'proxy'; proxyUrl: string; chosenBy: 'setting' | 'system' | 'environment' };

/**
 * The route a check of apiUrl takes, by setting. Never throws. Without a system resolver, or when it fails,
 * "system" goes direct, as 'unreadable': no question is answered from that.
 */
export async function routeFor(setting: ProxySetting, apiUrl: string, resolveSystem: SystemProxyResolver | null): Promise<ProxyRoute> {
  const unreadable: ProxyRoute = { via: 'direct', chosenBy: 'unreadable' };
  switch (setting.mode) {
    case 'direct':
      return { via: 'direct', chosenBy: 'setting' };
    case 'manual':
      return { via: 'proxy', proxyUrl: setting.url, chosenBy: 'setting' };
    case 'system': {
      if (!resolveSystem) return unreadable;
      let answer: string;
      try {
        answer = await resolveSystem(apiUrl);
      } catch {
        return unreadable;
      }
      const proxyUrl = proxyUrlFromPac(answer);
      return proxyUrl === null ? { via: 'direct', chosenBy: 'system' } : { via: 'proxy', proxyUrl, chosenBy: 'system' };
    }
  }
}

/** The proxy URL a route goes through; null for direct. */
export function proxyUrlOf(route: ProxyRoute | null): string | null {
  return route?.via === 'proxy' ? route.proxyUrl : null;
}

type DirectRoute = Extract<ProxyRoute, { via: 'direct' }>;
type ViaProxyRoute = Extract<ProxyRoute, { via: 'proxy' }>;

const DIRECT_REASONS: Readonly<Record<DirectRoute['chosenBy'], RouteReason>> = {
  setting: 'chosen-direct',
  system: 'system-direct',
  default: 'nothing-set',
  'no-proxy': 'no-proxy-match',
  loopback: 'loopback',
  unreadable: 'system-unreadable',
};

const PROXY_REASONS: Readonly<Record<ViaProxyRoute['chosenBy'], RouteReason>> = {
  setting: 'chosen-proxy',
  system: 'system-proxy',
  environment: 'environment-proxy',
};

/** A route as the report says it: plain data; the proxy's address is kept apart (ReachNetwork.proxy). */
export function reportedRoute(route: ProxyRoute): ReachRoute {
  if (route.via === 'direct') return { via: 'direct', reason: DIRECT_REASONS[route.chosenBy] };
  return { via: route.chosenBy === 'system' ? 'system-proxy' : 'explicit-proxy', reason: PROXY_REASONS[route.chosenBy] };
}

/**
 * A proxy's address to show or report: scheme, host and port only. A user name or password in it (a
 * system's PAC answer can hold one) is never printed.
 */
export function proxyAddress(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'a proxy address that is not a valid URL';
  }
}
