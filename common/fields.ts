// Rules for the connection details an admin types, shared by the CLI, the IPC schemas and the wizard's
// inline validation so every surface rejects the same input with the same words. Each returns a message
// (what is wrong and what is expected) or null.

export const MAX_EMAIL_LENGTH = 254;
export const MAX_SECRET_LENGTH = 1024;
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 300;

export function workspaceIdProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the workspace ID: the number Arena gives the workspace (Onshape > Settings > Arena shows it).';
  if (/^[-+]\d+$/.test(trimmed)) return 'The workspace ID must be a positive whole number, without a sign.';
  if (!/^\d+$/.test(trimmed)) return 'The workspace ID is a number (digits only), not the workspace name.';
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value <= 0) return 'The workspace ID must be a positive whole number.';
  return null;
}

export function emailProblem(text: string, what: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter the ${what}'s email address.`;
  if (trimmed.length > MAX_EMAIL_LENGTH) return `The ${what}'s email address is longer than ${MAX_EMAIL_LENGTH} characters.`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return `The ${what}'s email address does not look like name@company.com.`;
  return null;
}

/** Host names that stay on this computer (as URL.hostname spells them): plain http is allowed to them
 * (the built-in simulator), and no proxy is used for them. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname.toLowerCase());
}

export function apiUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'The API address is not a web address; it looks like https://api.arenasolutions.com/v1.';
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'The API address must start with https:// (Arena only answers over HTTPS).';
  }
  if (url.username || url.password) return 'The API address must not contain a user name or password.';
  if (url.search || url.hash) return 'The API address must not contain ? or # parts.';
  if (!/\/v1\/?$/.test(url.pathname)) return 'The API address must end with /v1, e.g. https://api.arenasolutions.com/v1.';
  return null;
}

export function secretProblem(text: string, what: 'WebToken' | 'password'): string | null {
  if (text === '') return `Enter the ${what}.`;
  if (text.length > MAX_SECRET_LENGTH) return `The ${what} is longer than ${MAX_SECRET_LENGTH} characters; check what was pasted.`;
  if (what === 'WebToken' && text.trim() !== text) {
    return 'The WebToken starts or ends with a space or line break; remove it (copying often adds one).';
  }
  return null;
}

/** The connect limit (DNS, TCP, TLS): long enough for a slow VPN, short enough to name a dropping firewall. */
export const MIN_CONNECT_TIMEOUT_SECONDS = 1;
export const MAX_CONNECT_TIMEOUT_SECONDS = 60;
/** The one default of the connect limit, for the CLI, the service and the wizard's field alike. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

export function connectTimeoutProblem(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < MIN_CONNECT_TIMEOUT_SECONDS || seconds > MAX_CONNECT_TIMEOUT_SECONDS) {
    return `The connect limit (DNS, connecting and the TLS handshake) must be between ${MIN_CONNECT_TIMEOUT_SECONDS} and ${MAX_CONNECT_TIMEOUT_SECONDS} seconds.`;
  }
  return null;
}

/** The connect limit as typed in the wizard: whole or decimal seconds, within the same range as the CLI's. */
export function connectTimeoutTextProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter the connect limit in seconds, from ${MIN_CONNECT_TIMEOUT_SECONDS} to ${MAX_CONNECT_TIMEOUT_SECONDS}.`;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return 'The connect limit is a number of seconds, e.g. 10.';
  return connectTimeoutProblem(Number(trimmed));
}

export function timeoutProblem(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS) {
    return `The timeout must be between ${MIN_TIMEOUT_SECONDS} and ${MAX_TIMEOUT_SECONDS} seconds.`;
  }
  return null;
}

/** An explicit HTTP(S) proxy: scheme, host and port only; no credentials (they would be stored or shown). */
export function proxyUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'The proxy address is not a web address, e.g. http://proxy.company.com:8080.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'A proxy address starts with http:// or https:// (SOCKS is not supported).';
  // Never echo the address here: it may hold a password.
  if (url.username || url.password) return 'A proxy address must not hold a user name or password; this tool does not sign in to proxies.';
  if (url.hostname === '') return 'The proxy address has no host name.';
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return 'A proxy address is only scheme, host and port, e.g. http://proxy.company.com:8080.';
  return null;
}
