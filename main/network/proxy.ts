// Which proxy a check goes through. Pure: the Electron shell asks Chromium for the system's answer
// (session.resolveProxy, which follows PAC files and OS settings) and this turns it into a proxy URL.
import type { ProxySetting } from '../../common/ipc/contract.js';

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

/** The proxy URL to use for a check of apiUrl, by setting. Never throws: an unreadable system answer means direct. */
export async function proxyFor(setting: ProxySetting, apiUrl: string, resolveSystem: SystemProxyResolver | null): Promise<string | null> {
  switch (setting.mode) {
    case 'direct':
      return null;
    case 'manual':
      return setting.url;
    case 'system':
      if (!resolveSystem) return null;
      try {
        return proxyUrlFromPac(await resolveSystem(apiUrl));
      } catch {
        return null;
      }
  }
}
