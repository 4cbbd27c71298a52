// The Arena client: the only code in the project that speaks HTTP.
// One attempt per call, always: no retries of any kind, because a failed credential sent again can lock
// the account for five minutes, and a diagnostic must report what one attempt did.
import got, { type Agents } from 'got';
import type { LookupFunction } from 'node:net';
import type { PhaseTimings, RequestBudget } from '../../common/check-report.js';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS } from '../../common/fields.js';
import {
  BUDGET_HEADERS,
  ENDPOINT_PATHS,
  SESSION_HEADER,
  SECRET_FIELDS,
  authorizeBody,
  loginBody,
  readUsersPage,
  usersPageQuery,
  usersSearchQuery,
  type IntegrationCredentials,
  type UsersPage,
} from './request-shapes.js';
import { classifyResponse, failureOf, type RawResponse } from './response.js';
import { describeTransportError } from './transport-error.js';
import { trustedAuthorities } from './trust.js';
import { networkText, networkTextOrNull } from '../privacy/network-text.js';
import { redactNullable } from '../privacy/redact.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
/** How long DNS, the TCP connect and the TLS handshake may each take: a dropping firewall is named this soon. */
export const DEFAULT_CONNECT_TIMEOUT_MS = DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * How this computer reaches Arena, the same for every check the app runs: whom to trust, and how names are
 * resolved. The host sets it once; the runner hands it to the client as it is.
 */
export interface ArenaNetwork {
  /** Extra certificate authorities to trust besides the system's (never a way to skip verification). */
  extraCa?: string | Buffer | undefined;
  /** Also trust the operating system's certificate store, where this runtime can read it (the app does). */
  trustSystemStore?: boolean;
  /**
   * A dns.lookup-compatible resolver. A test seam only (tests: no real DNS leaves this machine): the fault
   * suite answers ENOTFOUND or EAI_AGAIN here. Absent: the system's resolver, as always.
   */
  lookup?: LookupFunction;
}

export interface ArenaClientOptions extends ArenaNetwork {
  /** API base, ending in /v1. */
  apiUrl: string;
  timeoutMs?: number | undefined;
  /** The connect limit (see DEFAULT_CONNECT_TIMEOUT_MS), apart from the answer limit timeoutMs. */
  connectTimeoutMs?: number | undefined;
  maxBodyBytes?: number;
  /** An explicit proxy (http:// or https://). Null or absent: connect directly. */
  proxyUrl?: string | null;
  userAgent?: string;
  /**
   * Every secret of the check (the integration user's secret, the Onshape user's password). Each answer
   * is redacted of all of them on every step, and of the session id once known: a server may echo the
   * WebToken into the authorize or logout answer.
   */
  secrets?: readonly string[];
}

/** What one request did, free of secrets. */
export interface CallOutcome {
  ok: boolean;
  httpStatus: number | null;
  errorCode: number | string | null;
  message: string | null;
  timings: PhaseTimings | null;
  budget: RequestBudget | null;
  serverDate: string | null;
  bodyExcerpt: string | null;
  /** The title of a web page that came back instead of Arena's JSON; null otherwise. */
  pageTitle: string | null;
  durationMs: number;
  /**
   * The request may have reached Arena: its connection was up, so its body (and the credential in it) was
   * or was about to be written. Arena may have counted it even if no answer came back.
   */
  delivered: boolean;
}

/**
 * A logged-in session. The id lives in a module-private map, so it cannot leak through
 * JSON.stringify, util.inspect or structured clone of this object.
 */
export class ArenaSession {
  constructor(
    readonly workspaceId: number | null,
    readonly workspaceName: string | null,
    readonly requestLimit: number | null,
  ) {}
}
const sessionIds = new WeakMap<ArenaSession, string>();

export interface LoginOutcome {
  call: CallOutcome;
  session: ArenaSession | null;
}

/** One answer of GET /settings/users: the page, or null when the call failed. */
export interface UsersOutcome {
  call: CallOutcome;
  page: UsersPage | null;
}

interface RequestPlan {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  json?: object;
  searchParams?: Record<string, string>;
  session?: ArenaSession;
  /** The admin pressed Cancel; logout is never given one. */
  signal?: AbortSignal | undefined;
  /**
   * What a cancel does. 'until-sent': the request is dropped only while nothing can have reached Arena;
   * once it may have, it runs to its answer (a login's answer may open a session, which must be logged
   * out of). 'any-time': dropped at once.
   */
  cancel?: 'until-sent' | 'any-time';
}

export class ArenaClient {
  private readonly apiUrl: string;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly maxBodyBytes: number;
  /** The proxy agents, made on first use: hpagent is loaded only when a proxy is set. */
  private agent: Promise<Agents> | undefined;
  private readonly authorities: (string | Buffer)[] | undefined;
  /** Grows as the check goes: the secrets given, those sent, the session id received. */
  private readonly secrets: Set<string>;

  constructor(private readonly options: ArenaClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.secrets = new Set(options.secrets ?? []);
    this.authorities = trustedAuthorities({
      systemStore: options.trustSystemStore ?? false,
      extraCa: options.extraCa,
    });
  }

  url(path: string): string {
    return `${this.apiUrl}${path}`;
  }

  async login(credentials: IntegrationCredentials, signal?: AbortSignal): Promise<LoginOutcome> {
    const { call, json, sessionId } = await this.send({
      method: 'POST',
      path: ENDPOINT_PATHS.login.path,
      json: loginBody(credentials),
      signal,
      cancel: 'until-sent',
    });
    if (!call.ok) return { call, session: null };
    if (!sessionId) {
      return {
        call: { ...call, ok: false, errorCode: 'NO_SESSION_ID', message: 'Arena answered the login without a session id.' },
        session: null,
      };
    }
    const session = new ArenaSession(
      numberOrNull(json?.workspaceId),
      typeof json?.workspaceName === 'string' ? networkText(json.workspaceName) : null,
      numberOrNull(json?.workspaceRequestLimit),
    );
    sessionIds.set(session, sessionId);
    return { call: { ...call, budget: { ...(call.budget ?? emptyBudget()), limit: session.requestLimit } }, session };
  }

  async authorize(session: ArenaSession, userEmail: string, userPassword: string, signal?: AbortSignal): Promise<CallOutcome> {
    const plan: RequestPlan = {
      method: 'POST',
      path: ENDPOINT_PATHS.authorize.path,
      json: authorizeBody(userEmail, userPassword),
      session,
      signal,
      cancel: 'any-time',
    };
    return (await this.send(plan)).call;
  }

  /** One page of the workspace's users (at most USERS_PAGE_LIMIT), from `offset`. */
  async listUsers(session: ArenaSession, offset: number, signal?: AbortSignal): Promise<UsersOutcome> {
    return this.readUsers(session, usersPageQuery(offset), signal);
  }

  /** The workspace's users whose email matches this one (Arena's search; see usersSearchQuery). */
  async findUserByEmail(session: ArenaSession, email: string, signal?: AbortSignal): Promise<UsersOutcome> {
    return this.readUsers(session, usersSearchQuery(email), signal);
  }

  private async readUsers(session: ArenaSession, searchParams: Record<string, string>, signal?: AbortSignal): Promise<UsersOutcome> {
    const { call, json } = await this.send({
      method: 'GET',
      path: ENDPOINT_PATHS.users.path,
      searchParams,
      session,
      ...(signal ? { signal } : {}),
    });
    if (!call.ok) return { call, page: null };
    const page = readUsersPage(json);
    if (!page) {
      return {
        call: { ...call, ok: false, errorCode: 'WRONG_SHAPE', message: "Arena's answer is not a list of users ({count, results})." },
        page: null,
      };
    }
    return { call, page };
  }

  async logout(session: ArenaSession): Promise<CallOutcome> {
    const outcome = await this.send({ method: 'PUT', path: ENDPOINT_PATHS.logout.path, session });
    sessionIds.delete(session);
    return outcome.call;
  }

  private async send(plan: RequestPlan): Promise<{ call: CallOutcome; json: Record<string, unknown> | null; sessionId: string | null }> {
    if (this.options.proxyUrl && !this.agent) this.agent = proxyAgents(this.options.proxyUrl, this.timeoutMs);
    const agent = this.agent ? await this.agent : undefined;
    const started = performance.now();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'ArenaConnectDoctor',
    };
    const sessionId = plan.session ? sessionIds.get(plan.session) : undefined;
    if (sessionId) headers[SESSION_HEADER] = sessionId;

    const stream = got.stream(this.url(plan.path), {
      method: plan.method,
      headers,
      // got refuses a body on GET; POST and PUT always send one (an empty one for logout).
      ...(plan.json ? { json: plan.json } : plan.method === 'GET' ? {} : { body: '' }),
      ...(plan.searchParams ? { searchParams: plan.searchParams } : {}),
      retry: { limit: 0 },
      timeout: timeLimits(this.connectTimeoutMs, this.timeoutMs),
      followRedirect: false,
      throwHttpErrors: false,
      decompress: true,
      ...(agent ? { agent } : {}),
      ...(this.options.lookup ? { dnsLookup: this.options.lookup } : {}),
      ...(this.authorities ? { https: { certificateAuthority: this.authorities } } : {}),
    });

    // A server may echo what it was sent (on this step or an earlier one) into any part of its answer.
    for (const secret of secretFieldsOf(plan.json)) this.secrets.add(secret);
    if (sessionId) this.secrets.add(sessionId);
    const secrets = [...this.secrets];
    const secure = /^https:/i.test(this.apiUrl);
    const stopCancel = onCancel(plan, () => {
      if (plan.cancel === 'until-sent' && mayHaveReachedArena(stream, secure)) return;
      stream.destroy(cancelledError());
    });
    const received = await readCapped(stream, this.maxBodyBytes).finally(stopCancel);
    const delivered = mayHaveReachedArena(stream, secure);
    const durationMs = Math.round(performance.now() - started);
    const timings = phaseTimings(stream.timings, durationMs);

    if (received.kind === 'failed') {
      const connected = stream.timings?.connect !== undefined;
      const failure = describeTransportError(received.error, {
        timeoutMs: this.timeoutMs,
        connectTimeoutMs: this.connectTimeoutMs,
        connected,
      });
      const call: CallOutcome = {
        ok: false,
        httpStatus: null,
        errorCode: failure.code,
        message: redactNullable(failure.message, secrets),
        timings,
        budget: null,
        serverDate: null,
        bodyExcerpt: null,
        pageTitle: null,
        durationMs,
        delivered,
      };
      return { call, json: null, sessionId: null };
    }

    const { response } = received;
    // Parsed first, then every string of it redacted (response.ts); header values are redacted here.
    const classified = classifyResponse(response.raw, secrets);
    if (classified.kind === 'ok' && classified.sessionId) this.secrets.add(classified.sessionId);
    const kept = (value: string | null): string | null => networkTextOrNull(redactNullable(value, [...this.secrets]));
    const common = {
      httpStatus: response.raw.status,
      timings,
      budget: readBudget(response.headers, kept),
      serverDate: kept(header(response.headers, 'date')),
      durationMs,
      delivered: true,
    };
    switch (classified.kind) {
      case 'ok':
        return {
          call: { ...common, ok: true, errorCode: null, message: null, bodyExcerpt: null, pageTitle: null },
          json: classified.json,
          sessionId: classified.sessionId,
        };
      case 'arena-error':
      case 'format-error':
        return { call: { ...common, ...failureOf(classified) }, json: null, sessionId: null };
    }
  }
}

export type GotStream = ReturnType<typeof got.stream>;
export type IncomingHeaders = Record<string, string | string[] | undefined>;
export /**
 * Whether the request may have reached Arena. The body is written right after the connection (for
 * https, the TLS session) is up, so from then on it counts as sent: erring this way makes the guard ask
 * for a confirmation it did not strictly need, never skip one it did.
 */
function mayHaveReachedArena(stream: GotStream, secure: boolean): boolean {
  const timings = stream.timings;
  if (!timings) return false;
  return timings.upload !== undefined || (secure ? timings.secureConnect !== undefined : timings.connect !== undefined);
}

/** Calls `cancel` when the plan's signal fires (at once if it already has); returns the unsubscribe. */
function onCancel(plan: RequestPlan, cancel: () => void): () => void {
  const { signal } = plan;
  if (!signal) return () => undefined;
  if (signal.aborted) {
    queueMicrotask(cancel);
    return () => undefined;
  }
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

/** The error a cancelled request ends with; describeTransportError reports it as CANCELLED. */
function cancelledError(): Error {
  return Object.assign(new Error('Cancelled by the admin.'), { code: 'ERR_ABORTED' });
}

export type Received = { kind: 'answered'; response: { raw: RawResponse; headers: IncomingHeaders } } | { kind: 'failed'; error: unknown };

/** Reads the (decompressed) body up to a cap, so a huge or endless answer cannot exhaust memory. */
export function readCapped(stream: GotStream, cap: number): Promise<Received> {
  return new Promise((resolve) => {
    let status = 0;
    let headers: IncomingHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Received): void => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    const answered = (overCap: boolean): void =>
      settle({
        kind: 'answered',
        response: {
          headers,
          raw: {
            status,
            contentType: header(headers, 'content-type'),
            location: header(headers, 'location'),
            body: Buffer.concat(chunks),
            overCap,
          },
        },
      });

    stream.on('response', (response: { statusCode: number; headers: IncomingHeaders }) => {
      status = response.statusCode;
      headers = response.headers;
    });
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > cap) {
        chunks.push(chunk.subarray(0, Math.max(0, cap - (size - chunk.length))));
        answered(true);
        stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => answered(false));
    stream.on('error', (error: unknown) => settle({ kind: 'failed', error }));
  });
}

export function phaseTimings(timings: GotStream['timings'], durationMs: number): PhaseTimings | null {
  if (!timings) return null;
  const { phases } = timings;
  const round = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value));
  return {
    dnsMs: round(phases.dns),
    connectMs: round(phases.tcp),
    tlsMs: round(phases.tls),
    firstByteMs: round(phases.firstByte),
    totalMs: round(phases.total) ?? durationMs,
  };
}

export function readBudget(headers: IncomingHeaders, kept: (value: string | null) => string | null): RequestBudget | null {
  const remaining = header(headers, BUDGET_HEADERS.remaining);
  const resetsAt = kept(header(headers, BUDGET_HEADERS.reset));
  if (remaining === null && resetsAt === null) return null;
  const parsed = remaining === null ? Number.NaN : Number(remaining);
  return { limit: null, remaining: Number.isFinite(parsed) ? parsed : null, resetsAt };
}

function emptyBudget(): RequestBudget {
  return { limit: null, remaining: null, resetsAt: null };
}

/** Node lower-cases incoming header names, so lookups are case-insensitive by construction. */
export function header(headers: IncomingHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** got's limits: each connect phase (DNS, TCP, TLS) apart from the whole request, so a silent network is named early. */
export function timeLimits(
  connectMs: number,
  requestMs: number,
): { lookup: number; connect: number; secureConnect: number; request: number } {
  return { lookup: connectMs, connect: connectMs, secureConnect: connectMs, request: requestMs };
}

/** The secret values in a request body: the fields request-shapes.ts defines as secrets. */
function secretFieldsOf(json: object | undefined): string[] {
  if (!json) return [];
  return Object.entries(json).flatMap(([key, value]) => (SECRET_FIELDS.has(key) && typeof value === 'string' ? [value] : []));
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export async function proxyAgents(proxyUrl: string, timeoutMs: number): Promise<Agents> {
  const { HttpProxyAgent, HttpsProxyAgent } = await import('hpagent');
  const shared = { proxy: proxyUrl, timeout: timeoutMs, keepAlive: false };
  return { http: new HttpProxyAgent(shared), https: new HttpsProxyAgent(shared) };
}
