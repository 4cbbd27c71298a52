// Turns a failed request (nothing usable came back) into a code and a plain message. Node's own codes
// (ECONNREFUSED, CERT_HAS_EXPIRED, …) are kept as they are: they are what support engineers search for.

export interface TransportFailure {
  code: string;
  message: string;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The code of a request the admin cancelled: the step is reported as skipped, not diagnosed. */
export const CANCELLED = 'CANCELLED';

const PROXY_STATUS = /^Bad response: (\d{3})$/;

/** got names the phase that ran out of time: 'lookup', 'connect' and 'secureConnect' fall under the connect limit. */
const CONNECT_PHASES = new Set(['lookup', 'connect', 'secureConnect']);
const TIMED_OUT_PHASE = /^Timeout awaiting '(\w+)'/;

export interface TransportContext {
  /** The answer limit. */
  timeoutMs: number;
  /** The connect limit (DNS, TCP, TLS); absent: the answer limit covers everything. */
  connectTimeoutMs?: number;
  connected: boolean;
}

export function describeTransportError(error: unknown, context: TransportContext): TransportFailure {
  const { code, message } = innermost(error);
  // hpagent reports a proxy that refused the CONNECT tunnel only in its message.
  const proxyStatus = PROXY_STATUS.exec(message);
  if (proxyStatus) {
    const status = Number(proxyStatus[1]);
    return status === 407
      ? { code: 'PROXY_AUTH_REQUIRED', message: 'The proxy asked for its own login (HTTP 407) before it would connect to Arena.' }
      : { code: 'PROXY_REFUSED', message: `The proxy refused to connect to Arena (HTTP ${status}).` };
  }
  if (code === 'ERR_ABORTED') return { code: CANCELLED, message: 'Cancelled by you before Arena answered.' };
  const phase = timedOutPhase(error);
  if (code === 'ETIMEDOUT' && phase !== null && CONNECT_PHASES.has(phase) && context.connectTimeoutMs !== undefined) {
    const seconds = Math.round(context.connectTimeoutMs / 100) / 10;
    const what = phase === 'lookup' ? 'the DNS lookup' : phase === 'connect' ? 'the connection' : 'the secure (TLS) handshake';
    return { code: 'ETIMEDOUT', message: `No answer within ${seconds} s (could not connect: ${what} did not complete).` };
  }
  if (message === 'Proxy timeout' || code === 'ETIMEDOUT') {
    const seconds = Math.round(context.timeoutMs / 100) / 10;
    const phase = context.connected ? 'connected, but no complete answer arrived' : 'could not connect';
    return { code: 'ETIMEDOUT', message: `No answer within ${seconds} s (${phase}).` };
  }
  return { code: code ?? 'UNKNOWN_TRANSPORT_ERROR', message: message || 'The request failed without a reason.' };
}

/** The phase got's timeout names, anywhere in the cause chain; null when the failure was not got's timeout. */
function timedOutPhase(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as ErrorLike & { event?: unknown };
    if (typeof candidate.event === 'string') return candidate.event;
    const named = typeof candidate.message === 'string' ? TIMED_OUT_PHASE.exec(candidate.message)?.[1] : undefined;
    if (named) return named;
    current = candidate.cause;
  }
  return null;
}

/** got wraps Node's error; the innermost error with a code is the one that names the failure. */
function innermost(error: unknown): { code: string | null; message: string } {
  let current: unknown = error;
  let found: { code: string | null; message: string } = { code: null, message: '' };
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as ErrorLike;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (typeof candidate.code === 'string' && candidate.code !== 'ERR_GOT_REQUEST_ERROR') {
      found = { code: candidate.code, message };
    } else if (!found.message) {
      found = { code: found.code, message };
    }
    current = candidate.cause;
  }
  return found;
}
