// The reach probe: proves, with no credential and no session, that this computer gets through to Arena's
// API (DNS, TCP, TLS, whatever proxy sits in between), and records what it saw on the way: every address the
// host resolved to, the phase timings, the certificate presented and Arena's clock. One attempt, no retry.
import dns from 'node:dns';
import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { checkServerIdentity, TLSSocket, type DetailedPeerCertificate } from 'node:tls';
import got, { type Agents } from 'got';
import type { PresentedCertificate, ReachNetwork } from '../../common/check-report.js';
import { isIpLiteral } from '../network/address-kind.js';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  header,
  phaseTimings,
  proxyAgents,
  readCapped,
  timeLimits,
  type CallOutcome,
} from './client.js';
import { REACH_PROBE } from './request-shapes.js';
import { classifyResponse, failureOf } from './response.js';
import { describeTransportError } from './transport-error.js';
import { networkText, networkTextOrNull } from '../privacy/network-text.js';
import { trustedAuthorities } from './trust.js';

export interface ReachOptions {
  /** API base, ending in /v1. */
  apiUrl: string;
  /** The answer limit. */
  timeoutMs?: number | undefined;
  /** The connect limit: DNS, TCP connect and TLS handshake each. */
  connectTimeoutMs?: number | undefined;
  maxBodyBytes?: number;
  proxyUrl?: string | null;
  extraCa?: string | Buffer | undefined;
  trustSystemStore?: boolean;
  userAgent?: string;
  /** A dns.lookup-compatible resolver; a test seam only (no real DNS leaves a test machine). */
  lookup?: LookupFunction;
  /** This computer's clock, for the offset to Arena's Date header. */
  now?: () => Date;
}

/** What the probe found. `call.ok` means Arena's API answered as only Arena does. */
export interface ReachOutcome {
  call: CallOutcome;
  /** The route and findings are the runner's: it knows why this proxy (or none) was chosen. */
  network: Omit<ReachNetwork, 'findings' | 'route'>;
}

export async function probeReach(options: ReachOptions, signal?: AbortSignal): Promise<ReachOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const url = new URL(`${options.apiUrl.replace(/\/+$/, '')}${REACH_PROBE.path}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const proxy = options.proxyUrl ?? null;
  const network: ReachOutcome['network'] = {
    addresses: [],
    addressUsed: null,
    proxy,
    phases: { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null },
    certificate: null,
    clockOffsetSeconds: null,
  };
  const started = performance.now();
  const failed = (code: string, message: string): ReachOutcome => ({
    call: failure(code, message, Math.round(performance.now() - started)),
    network,
  });

  // Through a proxy the proxy resolves the name (this computer's DNS may not resolve outside names at all).
  let candidates: LookupAddress[] = [];
  if (!proxy) {
    if (isIpLiteral(host)) {
      candidates = [{ address: host, family: host.includes(':') ? 6 : 4 }];
      network.addresses = [host];
    } else {
      const resolved = await resolveAll(options.lookup ?? dns.lookup, host, connectTimeoutMs);
      network.phases.dnsMs = Math.round(performance.now() - started);
      if (!resolved.ok) {
        const described = describeTransportError(resolved.error, { timeoutMs, connectTimeoutMs, connected: false });
        return failed(described.code, described.message);
      }
      network.addresses = resolved.addresses.map((entry) => entry.address);
      candidates = firstOfEachFamily(resolved.addresses);
    }
    network.addressUsed = candidates[0]?.address ?? null;
  }

  const authorities = trustedAuthorities({
    systemStore: options.trustSystemStore ?? false,
    extraCa: options.extraCa,
  });
  const agent: Agents = proxy ? await proxyAgents(proxy, timeoutMs) : freshAgents();
  const stream = got.stream(url, {
    method: REACH_PROBE.method,
    // No session header, no credential, no body: nothing here identifies the workspace or the user.
    headers: { accept: 'application/json', 'user-agent': options.userAgent ?? 'ArenaConnectDoctor' },
    body: '',
    retry: { limit: 0 },
    timeout: timeLimits(connectTimeoutMs, timeoutMs),
    followRedirect: false,
    throwHttpErrors: false,
    decompress: true,
    agent,
    ...(candidates.length > 0 ? { dnsLookup: pinnedLookup(candidates) } : {}),
    ...(signal ? { signal } : {}),
    ...(authorities ? { https: { certificateAuthority: authorities } } : {}),
  });
  stream.on('request', (request: ClientRequest) => {
    request.once('socket', (socket: Socket) => watchSocket(socket, host, network));
  });

  const received = await readCapped(stream, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const durationMs = Math.round(performance.now() - started);
  const gotTimings = phaseTimings(stream.timings, durationMs);
  // got's own DNS phase is the pinned answer (no time); the probe's lookup is the real one.
  const timings = gotTimings ? { ...gotTimings, dnsMs: network.phases.dnsMs } : null;
  network.phases = {
    dnsMs: network.phases.dnsMs,
    connectMs: timings?.connectMs ?? null,
    tlsMs: timings?.tlsMs ?? null,
    firstByteMs: timings?.firstByteMs ?? null,
  };

  if (received.kind === 'failed') {
    const connected = stream.timings?.connect !== undefined;
    const described = describeTransportError(received.error, { timeoutMs, connectTimeoutMs, connected });
    return { call: { ...failure(described.code, described.message, durationMs), timings, delivered: connected }, network };
  }

  const { raw, headers } = received.response;
  const serverDate = header(headers, 'date');
  network.clockOffsetSeconds = clockOffset(serverDate, now());
  const common = { httpStatus: raw.status, timings, budget: null, serverDate, durationMs, delivered: true };
  const classified = classifyResponse(raw);
  const { reachedWith } = REACH_PROBE;
  if (classified.kind === 'arena-error' && classified.code === reachedWith.code && raw.status === reachedWith.httpStatus) {
    return { call: { ...common, ok: true, errorCode: null, message: null, bodyExcerpt: null, pageTitle: null }, network };
  }
  switch (classified.kind) {
    case 'arena-error':
    case 'format-error':
      return { call: { ...common, ...failureOf(classified) }, network };
    case 'ok':
      // Arena never accepts a logout without a session: whatever said yes is not Arena's API.
      return {
        call: {
          ...common,
          ok: false,
          errorCode: 'UNEXPECTED_STATUS',
          message: `HTTP ${raw.status} to a request Arena always refuses without a session.`,
          bodyExcerpt: null,
          pageTitle: null,
        },
        network,
      };
  }
}

function failure(code: string, message: string, durationMs: number): CallOutcome {
  return {
    ok: false,
    httpStatus: null,
    errorCode: code,
    message,
    timings: null,
    budget: null,
    serverDate: null,
    bodyExcerpt: null,
    pageTitle: null,
    durationMs,
    delivered: false,
  };
}

type Resolved = { ok: true; addresses: LookupAddress[] } | { ok: false; error: unknown };

/** Every address of the host (IPv4 and IPv6), within the connect limit. */
function resolveAll(lookup: LookupFunction, host: string, limitMs: number): Promise<Resolved> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve({
        ok: false,
        error: Object.assign(new Error(`Timeout awaiting 'lookup' for ${limitMs}ms`), { code: 'ETIMEDOUT', event: 'lookup' }),
      });
    }, limitMs);
    try {
      lookup(host, { all: true }, (error, addresses) => {
        clearTimeout(timer);
        if (error) resolve({ ok: false, error });
        else if (Array.isArray(addresses) && addresses.length > 0) resolve({ ok: true, addresses });
        else if (typeof addresses === 'string')
          resolve({ ok: true, addresses: [{ address: addresses, family: addresses.includes(':') ? 6 : 4 }] });
        else resolve({ ok: false, error: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }) });
      });
    } catch (error) {
      clearTimeout(timer);
      resolve({ ok: false, error });
    }
  });
}

/**
 * The addresses the probe may connect to: the first of each family, in the resolver's order. Node's
 * happy-eyeballs still falls back from IPv6 to IPv4, but a second address of the same family is never
 * tried, so an address listed after the first (a stale split-DNS answer) is reported, not contacted.
 */
function firstOfEachFamily(addresses: readonly LookupAddress[]): LookupAddress[] {
  const chosen: LookupAddress[] = [];
  for (const entry of addresses) if (!chosen.some((seen) => seen.family === entry.family)) chosen.push(entry);
  return chosen;
}

/** A resolver that answers from what the probe already resolved, so the connection goes where it recorded. */
function pinnedLookup(candidates: readonly LookupAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) {
      process.nextTick(() => callback(null, [...candidates]));
      return;
    }
    const pick = candidates.find((entry) => !lookupOptions.family || entry.family === lookupOptions.family) ?? candidates[0];
    process.nextTick(() => (pick ? callback(null, pick.address, pick.family) : callback(new Error('no address'), '', 4)));
  };
}

/** Keep-alive off: the probe's connection is its own, so its phases are measured from a cold start. */
function freshAgents(): Agents {
  return { http: new HttpAgent({ keepAlive: false }), https: new HttpsAgent({ keepAlive: false }) };
}

/** Records the address connected to and, for TLS, the certificate presented, before Node judges it. */
function watchSocket(socket: Socket, host: string, network: ReachOutcome['network']): void {
  const record = (): void => {
    if (socket.remoteAddress) network.addressUsed = socket.remoteAddress;
  };
  socket.once('connect', record);
  if (socket instanceof TLSSocket) {
    // Node verifies the chain in its own 'secure' listener and destroys the socket on failure; a listener
    // placed before it still sees the certificate, so a replaced certificate can be named.
    socket.prependListener('secure', () => {
      record();
      network.certificate = summariseCertificate(socket.getPeerCertificate(true), host);
    });
  }
}

export function summariseCertificate(certificate: DetailedPeerCertificate | null, host: string): PresentedCertificate | null {
  if (!certificate || Object.keys(certificate).length === 0 || !certificate.subject) return null;
  // Names come from whoever answered: no escape sequence or control character may ride along.
  return {
    subject: networkText(distinguishedName(certificate.subject)),
    issuer: networkText(distinguishedName(certificate.issuer)),
    issuerOrganization: networkTextOrNull(firstValue(certificate.issuer, 'O')),
    issuerCommonName: networkTextOrNull(firstValue(certificate.issuer, 'CN')),
    validFrom: isoDate(certificate.valid_from),
    validTo: isoDate(certificate.valid_to),
    nameMatches: nameMatches(host, certificate),
    chainLength: chainLength(certificate),
  };
}

type NameFields = Record<string, string | string[] | undefined>;

function firstValue(name: unknown, key: string): string | null {
  if (typeof name !== 'object' || name === null) return null;
  const value = (name as NameFields)[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/** "CN=…, O=…": the common name first, as admins read it. */
function distinguishedName(name: unknown): string {
  if (typeof name !== 'object' || name === null) return '';
  const fields = name as NameFields;
  const order = ['CN', 'OU', 'O', 'L', 'ST', 'C'];
  const keys = [...order.filter((key) => key in fields), ...Object.keys(fields).filter((key) => !order.includes(key))];
  return keys
    .flatMap((key) => {
      const value = fields[key];
      return (Array.isArray(value) ? value : [value])
        .filter((part): part is string => typeof part === 'string')
        .map((part) => `${key}=${part}`);
    })
    .join(', ');
}

function isoDate(text: string | undefined): string | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function nameMatches(host: string, certificate: DetailedPeerCertificate): boolean {
  try {
    return checkServerIdentity(host, certificate) === undefined;
  } catch {
    return false;
  }
}

/** The leaf and each issuer Node linked it to, up to the self-signed end. */
function chainLength(certificate: DetailedPeerCertificate): number {
  let length = 1;
  const seen = new Set<string>([certificate.fingerprint256]);
  let current = certificate.issuerCertificate as DetailedPeerCertificate | undefined;
  while (current && current.fingerprint256 && !seen.has(current.fingerprint256) && length < 20) {
    seen.add(current.fingerprint256);
    length += 1;
    current = current.issuerCertificate as DetailedPeerCertificate | undefined;
  }
  return length;
}

/** Seconds this computer is ahead of the server's Date header; null without a readable header. */
export function clockOffset(serverDate: string | null, now: Date): number | null {
  if (!serverDate) return null;
  const server = Date.parse(serverDate);
  return Number.isNaN(server) ? null : Math.round((now.getTime() - server) / 1000);
}
