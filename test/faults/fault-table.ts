// The fault table: each hostile-network behaviour the check must survive, what the admin must be told
// (diagnosis id and error code), and how to stage it on loopback. faults.test.ts runs every row through the
// CLI (a real process) and through the app's main-process service. README "Fault suite" lists the same rows.
import { expect } from 'vitest';
import { faultCertificates } from './fault-certificates.js';
import type { DnsFailure } from './fault-dns.js';
import {
  answer,
  closedPort,
  head,
  hugeBody,
  startFaultServer,
  startFullBacklog,
  startPlainHttpServer,
  startRefusingProxy,
  trickle,
  writeThenReset,
  type Behaviour,
  type FaultServer,
  type Observed,
} from './fault-server.js';

/** The sentinel WebToken every run sends; it must never appear in any output. */
export const SENTINEL_WEBTOKEN = 'WT-fault-suite-sentinel-7f3a9c';

/** What either path reports for the step the fault is diagnosed at, reduced to what the table asserts. */
export interface StepView {
  outcome: string;
  errorCode: number | string | null;
  httpStatus: number | null;
  message: string | null;
  connectMs: number | null;
  diagnosis: { id: string; title: string; facts: Record<string, string>; causeIds: string[] } | null;
}

/** What a row may check after the run. No durations: time to verdict is bench/reach-verdict.mjs's claim. */
export interface RunOutcome {
  /** The step the fault is diagnosed at: reach, or login for a fault only a login answer can show. */
  verdict: StepView;
}

/** Where a fault shows: at the credential-free reach step (network and middlebox faults) or at the login. */
export type FaultStage = 'reach' | 'login';

export interface Staged {
  apiUrl: string;
  /** An explicit proxy: --proxy for the CLI, the system proxy answer ("PROXY host:port") for the service. */
  proxyUrl?: string;
  /** Trust the suite's root CA: NODE_EXTRA_CA_CERTS for the CLI process, ServiceHost.network.extraCa for the service. */
  trustRoot?: boolean;
  /** Every DNS lookup fails with this (always failing lookups is the default: ENOTFOUND). */
  dns?: DnsFailure;
  /** What the Arena-side fault server saw (absent when a proxy or DNS stands in front of it). */
  observed?: Observed;
  /** Assertions on what the servers saw, after the run. */
  verify?: (run: RunOutcome) => void;
  close(): Promise<void>;
}

export interface Fault {
  name: string;
  /** The server's behaviour, in words (README table). */
  behaviour: string;
  diagnosisId: string;
  errorCode: string | number;
  /** Default null: nothing HTTP came back. */
  httpStatus?: number | null;
  /** Per-request timeout given to the check, in seconds. Default 2. */
  timeoutSeconds?: number;
  /** The connect limit given to the check, in seconds. Default 2. */
  connectTimeoutSeconds?: number;
  /** Default 'reach': the fault is diagnosed before any credential is sent. */
  stagedAt?: FaultStage;
  stage(): Promise<Staged>;
}

const LOGIN_ERROR_429 = { status: 429, errors: [{ code: 4084, message: 'The workspace has exceeded its API request limit.' }] };
const RESET_AT = '2031-05-06T07:00:00Z';

const one = (server: FaultServer, extra: Partial<Staged> = {}): Staged => ({
  apiUrl: server.apiUrl,
  observed: server.observed,
  close: () => server.close(),
  ...extra,
});

/** Arena's answer to the reach probe (PUT /logout without a session), as the real API gives it. */
const NO_ACCESS_TOKEN = {
  status: 401,
  errors: [{ code: 401, message: 'There is no access token associated with this request or the access token is not valid.' }],
};

/** A server that answers the reach probe as Arena does, and does `atLogin` with the login request. */
const arenaUntilLogin = (atLogin: Behaviour['onRequest']) =>
  startFaultServer({
    onRequest: (socket, request, observed) => {
      if (request.method === 'PUT' && request.target.endsWith('/logout') && request.headers.arena_session_id === undefined) {
        answer(socket, 401, 'Unauthorized', JSON.stringify(NO_ACCESS_TOKEN), { 'content-type': 'application/json' });
        return;
      }
      atLogin?.(socket, request, observed);
    },
  });

/** Only one request ever reaches the server: one attempt, no retry. */
const atMostOneRequest = (server: FaultServer) => (): void => {
  expect(server.observed.requests.length).toBeLessThanOrEqual(1);
  expect(server.observed.connections).toBeLessThanOrEqual(1);
};

const httpAnswer = (status: number, reason: string, body: string, headers: Record<string, string | number> = {}) =>
  startFaultServer({ onRequest: (socket) => answer(socket, status, reason, body, headers) });

const loginAnswer = (status: number, reason: string, body: string, headers: Record<string, string | number> = {}) =>
  arenaUntilLogin((socket) => answer(socket, status, reason, body, headers));

export const FAULTS: readonly Fault[] = [
  {
    name: 'DNS: name not found',
    behaviour: 'the resolver answers ENOTFOUND for the API host (lookup seam; no real DNS)',
    diagnosisId: 'network.ENOTFOUND',
    errorCode: 'ENOTFOUND',
    stage: async () => ({ apiUrl: 'https://arena-api.fault.invalid/v1', dns: 'ENOTFOUND', close: async () => undefined }),
  },
  {
    name: 'DNS: server not answering',
    behaviour: 'the resolver answers EAI_AGAIN (temporary failure; lookup seam)',
    diagnosisId: 'network.EAI_AGAIN',
    errorCode: 'EAI_AGAIN',
    stage: async () => ({ apiUrl: 'https://arena-api.fault.invalid/v1', dns: 'EAI_AGAIN', close: async () => undefined }),
  },
  {
    name: 'connection refused',
    behaviour: 'nothing listens on the port (RST to the SYN)',
    diagnosisId: 'network.ECONNREFUSED',
    errorCode: 'ECONNREFUSED',
    stage: async () => ({ apiUrl: `http://127.0.0.1:${await closedPort()}/v1`, close: async () => undefined }),
  },
  {
    name: 'connect timeout',
    behaviour: 'a listener whose accept queue is full: the kernel drops the SYN, connect() never completes',
    diagnosisId: 'network.ETIMEDOUT',
    errorCode: 'ETIMEDOUT',
    // The connect limit, not the answer limit, names a connection that never completes.
    timeoutSeconds: 5,
    connectTimeoutSeconds: 1,
    stage: async () => {
      const backlog = await startFullBacklog();
      return {
        apiUrl: backlog.apiUrl,
        // The connect limit (1 s) fired, not the answer limit (5 s): the message names it. How soon is the bench's claim.
        verify: ({ verdict }) => {
          expect(verdict.message).toBe('No answer within 1 s (could not connect: the connection did not complete).');
          expect(verdict.connectMs).toBeNull();
        },
        close: () => backlog.close(),
      };
    },
  },
  {
    name: 'TLS handshake never completes',
    behaviour: 'accepts TCP on an https:// address and never answers the ClientHello',
    diagnosisId: 'network.ETIMEDOUT',
    errorCode: 'ETIMEDOUT',
    timeoutSeconds: 1,
    stage: async () => {
      const server = await startFaultServer({});
      return { apiUrl: server.apiUrl.replace('http:', 'https:'), close: () => server.close() };
    },
  },
  {
    name: 'accept, then silence',
    behaviour: 'accepts the connection and never reads or writes a byte',
    diagnosisId: 'network.ETIMEDOUT',
    errorCode: 'ETIMEDOUT',
    timeoutSeconds: 1,
    stage: async () => {
      const server = await startFaultServer({ onConnection: (socket) => socket.pause() });
      return one(server, { verify: ({ verdict }) => expect(verdict.message).toMatch(/connected, but no complete answer/) });
    },
  },
  {
    name: 'first byte never comes',
    behaviour: 'reads the whole request (the reach probe), then sends nothing',
    diagnosisId: 'network.ETIMEDOUT',
    errorCode: 'ETIMEDOUT',
    timeoutSeconds: 1,
    stage: async () => {
      const server = await startFaultServer({ onRequest: () => undefined });
      return one(server, {
        verify: () => {
          expect(server.observed.requests).toHaveLength(1);
          expect(server.observed.requests[0]?.target).toBe('/v1/logout');
        },
      });
    },
  },
  {
    name: 'slow trickle body',
    behaviour: 'sends 200 headers at once, then one byte of body every 100 ms, forever',
    diagnosisId: 'network.ETIMEDOUT',
    errorCode: 'ETIMEDOUT',
    timeoutSeconds: 1,
    stage: async () => {
      const server = await startFaultServer({ onRequest: (socket) => trickle(socket, 100) });
      return one(server, { verify: atMostOneRequest(server) });
    },
  },
  {
    name: 'reset mid-headers',
    behaviour: 'writes half a status line and headers, then sends a TCP RST',
    diagnosisId: 'network.ECONNRESET',
    errorCode: 'ECONNRESET',
    stage: async () => {
      const server = await startFaultServer({ onRequest: (socket) => writeThenReset(socket, 'HTTP/1.1 200 OK\r\nContent-Type: appl') });
      return one(server, { verify: atMostOneRequest(server) });
    },
  },
  {
    name: 'reset mid-body',
    behaviour: 'announces a 500-byte JSON body, sends 20 bytes of it, then a TCP RST',
    diagnosisId: 'network.ECONNRESET',
    errorCode: 'ECONNRESET',
    stage: async () => {
      const server = await startFaultServer({
        onRequest: (socket) =>
          writeThenReset(socket, head(200, 'OK', { 'content-type': 'application/json', 'content-length': 500 }) + '{"arenaSessionId":"'),
      });
      return one(server, { verify: atMostOneRequest(server) });
    },
  },
  {
    name: 'self-signed certificate',
    behaviour: 'HTTPS with a certificate that signed itself',
    diagnosisId: 'network.DEPTH_ZERO_SELF_SIGNED_CERT',
    errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    stage: async () => {
      const server = await startFaultServer({}, faultCertificates().selfSigned);
      return one(server, { verify: () => expect(server.observed.requests).toHaveLength(0) });
    },
  },
  {
    name: 'TLS inspection: unknown issuer',
    behaviour: 'HTTPS with leaf + intermediate of a corporate root this computer does not trust',
    diagnosisId: 'network.UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    errorCode: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer({}, { key: certificates.leaf.key, cert: certificates.leaf.cert + certificates.intermediate });
      return one(server, { verify: () => expect(server.observed.requests).toHaveLength(0) });
    },
  },
  {
    name: 'TLS inspection: root sent in the chain',
    behaviour: 'HTTPS with leaf + intermediate + the untrusted corporate root itself',
    diagnosisId: 'network.SELF_SIGNED_CERT_IN_CHAIN',
    errorCode: 'SELF_SIGNED_CERT_IN_CHAIN',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer(
        {},
        { key: certificates.leaf.key, cert: certificates.leaf.cert + certificates.intermediate + certificates.root },
      );
      return one(server, { verify: () => expect(server.observed.requests).toHaveLength(0) });
    },
  },
  {
    name: 'TLS inspection by a named product',
    behaviour: "HTTPS with a leaf, intermediate and root named as Zscaler's (O=Zscaler Inc.), none trusted here",
    diagnosisId: 'network.SELF_SIGNED_CERT_IN_CHAIN',
    errorCode: 'SELF_SIGNED_CERT_IN_CHAIN',
    stage: async () => {
      const { inspected } = faultCertificates();
      const server = await startFaultServer({}, { key: inspected.key, cert: inspected.cert + inspected.intermediate + inspected.root });
      return one(server, {
        verify: ({ verdict }) => {
          expect(verdict.diagnosis?.title).toBe("Your network's Zscaler service replaced Arena's certificate");
          expect(verdict.diagnosis?.facts.certificateIssuer).toBe('Zscaler Intermediate Root CA, of Zscaler Inc.');
          expect(server.observed.requests).toHaveLength(0);
        },
      });
    },
  },
  {
    name: 'missing intermediate',
    behaviour: 'HTTPS with the leaf only; the root is trusted, the intermediate is not sent',
    diagnosisId: 'network.UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    errorCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer({}, { key: certificates.leaf.key, cert: certificates.leaf.cert });
      return one(server, { trustRoot: true, verify: () => expect(server.observed.requests).toHaveLength(0) });
    },
  },
  {
    name: 'certificate for another host',
    behaviour: 'HTTPS, trusted chain, certificate names api.example.invalid only',
    diagnosisId: 'network.ERR_TLS_CERT_ALTNAME_INVALID',
    errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer(
        {},
        { key: certificates.wrongHost.key, cert: certificates.wrongHost.cert + certificates.intermediate },
      );
      return one(server, { trustRoot: true, verify: () => expect(server.observed.requests).toHaveLength(0) });
    },
  },
  {
    name: 'expired certificate',
    behaviour: 'HTTPS, trusted chain, leaf valid 2020-01-01 to 2020-02-01',
    diagnosisId: 'network.CERT_HAS_EXPIRED',
    errorCode: 'CERT_HAS_EXPIRED',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer(
        {},
        { key: certificates.expired.key, cert: certificates.expired.cert + certificates.intermediate },
      );
      return one(server, { trustRoot: true, verify: ({ verdict }) => expect(verdict.diagnosis?.facts.localClock).toMatch(/^\d{4}-/) });
    },
  },
  {
    name: 'certificate not yet valid',
    behaviour: 'HTTPS, trusted chain, leaf valid from 2099-01-01',
    diagnosisId: 'network.CERT_NOT_YET_VALID',
    errorCode: 'CERT_NOT_YET_VALID',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer(
        {},
        { key: certificates.notYetValid.key, cert: certificates.notYetValid.cert + certificates.intermediate },
      );
      return one(server, { trustRoot: true });
    },
  },
  {
    name: 'plain HTTP to an HTTPS port',
    behaviour: 'an http:// address whose port speaks TLS (OpenSSL closes on a plain request, no answer)',
    diagnosisId: 'network.ECONNRESET',
    errorCode: 'ECONNRESET',
    stage: async () => {
      const certificates = faultCertificates();
      const server = await startFaultServer({}, { key: certificates.leaf.key, cert: certificates.leaf.cert + certificates.intermediate });
      return {
        apiUrl: server.apiUrl.replace('https:', 'http:'),
        verify: ({ verdict }) => expect(verdict.diagnosis?.causeIds).toContain('http-to-https-port'),
        close: () => server.close(),
      };
    },
  },
  {
    name: 'plain HTTP to an HTTPS port that says so',
    behaviour: "an http:// address whose HTTPS server answers plain HTTP with Go's 400 text",
    diagnosisId: 'format.UNEXPECTED_STATUS',
    errorCode: 'UNEXPECTED_STATUS',
    httpStatus: 400,
    stage: async () => {
      const server = await startFaultServer({
        onRequest: (socket) => socket.end('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n'),
      });
      return one(server, { verify: ({ verdict }) => expect(verdict.message).toMatch(/plain-text answer/) });
    },
  },
  {
    name: 'HTTPS to a plain-HTTP port',
    behaviour: "an https:// address whose port speaks plain HTTP (Node's HTTP server answers the ClientHello with 400)",
    diagnosisId: 'network.EPROTO',
    errorCode: 'EPROTO',
    stage: async () => {
      const server = await startPlainHttpServer();
      return { apiUrl: server.apiUrl.replace('http:', 'https:'), close: () => server.close() };
    },
  },
  {
    name: 'answer that is not HTTP',
    behaviour: 'an http:// address where the server answers with a TLS alert record (bytes that are not HTTP)',
    diagnosisId: 'network.HPE_INVALID_CONSTANT',
    errorCode: 'HPE_INVALID_CONSTANT',
    stage: async () => {
      // TLS alert: content type 21, TLS 1.2, length 2, fatal (2), protocol_version (70).
      const server = await startFaultServer({ onRequest: (socket) => socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46])) });
      return one(server);
    },
  },
  {
    name: 'proxy wants a login (407)',
    behaviour: 'a loopback proxy answers CONNECT with 407 Proxy Authentication Required',
    diagnosisId: 'format.PROXY_AUTH_REQUIRED',
    errorCode: 'PROXY_AUTH_REQUIRED',
    stage: async () => {
      const proxy = await startRefusingProxy(407);
      return {
        apiUrl: 'https://arena-api.fault.invalid/v1',
        proxyUrl: proxy.url,
        verify: () => {
          expect(proxy.connects).toEqual([{ target: 'arena-api.fault.invalid:443', extraBytes: 0 }]);
          expect(proxy.forwarded).toHaveLength(0);
        },
        close: () => proxy.close(),
      };
    },
  },
  {
    name: 'proxy refuses CONNECT (403)',
    behaviour: 'a loopback proxy answers CONNECT with 403 Forbidden',
    diagnosisId: 'format.PROXY_REFUSED',
    errorCode: 'PROXY_REFUSED',
    stage: async () => {
      const proxy = await startRefusingProxy(403);
      return {
        apiUrl: 'https://arena-api.fault.invalid/v1',
        proxyUrl: proxy.url,
        verify: () => expect(proxy.connects).toEqual([{ target: 'arena-api.fault.invalid:443', extraBytes: 0 }]),
        close: () => proxy.close(),
      };
    },
  },
  {
    name: 'captive portal (HTML 200)',
    behaviour: '200 with a Wi-Fi sign-in page',
    diagnosisId: 'format.HTML_RESPONSE',
    errorCode: 'HTML_RESPONSE',
    httpStatus: 200,
    stage: async () =>
      one(
        await httpAnswer(
          200,
          'OK',
          '<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body>Accept the terms to continue</body></html>',
          {
            'content-type': 'text/html',
          },
        ),
      ),
  },
  {
    name: 'gateway error page (HTML 502)',
    behaviour: '502 with an HTML gateway error page, to every request',
    diagnosisId: 'format.HTML_RESPONSE',
    errorCode: 'HTML_RESPONSE',
    httpStatus: 502,
    stage: async () => {
      const server = await httpAnswer(502, 'Bad Gateway', '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', {
        'content-type': 'text/html',
      });
      return one(server, { verify: ({ verdict }) => expect(verdict.diagnosis?.causeIds[0]).toBe('maintenance-page') });
    },
  },
  {
    name: 'gateway error page echoing the login (HTML 502)',
    behaviour: 'answers the reach probe as Arena does, then 502 with an HTML page that echoes the login body (the WebToken)',
    diagnosisId: 'format.HTML_RESPONSE',
    errorCode: 'HTML_RESPONSE',
    httpStatus: 502,
    stagedAt: 'login',
    stage: async () => {
      const server = await arenaUntilLogin((socket, request) =>
        answer(socket, 502, 'Bad Gateway', `<html><body><h1>502 Bad Gateway</h1><pre>${request.body}</pre></body></html>`, {
          'content-type': 'text/html',
        }),
      );
      return one(server, {
        verify: ({ verdict }) => {
          expect(server.observed.received).toContain(SENTINEL_WEBTOKEN); // it was echoed back…
          expect(verdict.diagnosis?.causeIds[0]).toBe('maintenance-page'); // …and a 5xx page points to a gateway first
        },
      });
    },
  },
  {
    name: 'truncated JSON',
    behaviour: '200 application/json whose (complete, Content-Length-exact) body stops mid-object',
    diagnosisId: 'format.INVALID_JSON',
    errorCode: 'INVALID_JSON',
    httpStatus: 200,
    stage: async () => one(await httpAnswer(200, 'OK', '{"arenaSessionId":"abc', { 'content-type': 'application/json' })),
  },
  {
    name: 'JSON of the wrong shape',
    behaviour: 'the login answers 200 application/json with an array instead of an object',
    diagnosisId: 'format.WRONG_SHAPE',
    errorCode: 'WRONG_SHAPE',
    httpStatus: 200,
    stagedAt: 'login',
    stage: async () => one(await loginAnswer(200, 'OK', '[{"status":"ok"}]', { 'content-type': 'application/json' })),
  },
  {
    name: 'JSON without a session',
    behaviour: 'the login answers 200 application/json, an object without arenaSessionId',
    diagnosisId: 'format.NO_SESSION_ID',
    errorCode: 'NO_SESSION_ID',
    httpStatus: 200,
    stagedAt: 'login',
    stage: async () => one(await loginAnswer(200, 'OK', '{"status":"ok","message":"Welcome"}', { 'content-type': 'application/json' })),
  },
  {
    name: '50 MB body',
    behaviour: '200 application/json announcing and streaming 50 MB',
    diagnosisId: 'reach.BODY_TOO_LARGE',
    errorCode: 'BODY_TOO_LARGE',
    httpStatus: 200,
    stage: async () => {
      const total = 50 * 1024 * 1024;
      const server = await startFaultServer({ onRequest: (socket, _request, observed) => hugeBody(socket, total, observed) });
      return one(server, {
        verify: () => {
          // The client stops at its 1 MiB cap; what left the server is that plus socket buffers, far from 50 MB.
          expect(server.observed.clientLeftEarly).toBe(true);
          expect(server.observed.bytesWritten).toBeLessThan(total / 4);
        },
      });
    },
  },
  {
    name: 'redirect on the same host',
    behaviour: '301 to another path on the same host',
    diagnosisId: 'format.REDIRECT',
    errorCode: 'REDIRECT',
    httpStatus: 301,
    stage: async () => {
      const server = await startFaultServer({
        onRequest: (socket) => answer(socket, 301, 'Moved Permanently', '', { location: '/api/v2/login' }),
      });
      return one(server, { verify: atMostOneRequest(server) });
    },
  },
  {
    name: 'redirect to another host',
    behaviour: '307 to a second loopback host, which must receive nothing (no credentials forwarded)',
    diagnosisId: 'format.REDIRECT',
    errorCode: 'REDIRECT',
    httpStatus: 307,
    stage: async () => {
      const elsewhere = await startFaultServer({ onRequest: (socket) => answer(socket, 200, 'OK', '{"arenaSessionId":"stolen"}') });
      const server = await startFaultServer({
        onRequest: (socket) => answer(socket, 307, 'Temporary Redirect', '', { location: `${elsewhere.apiUrl}/login` }),
      });
      return {
        apiUrl: server.apiUrl,
        observed: server.observed,
        verify: ({ verdict }) => {
          expect(elsewhere.observed.connections).toBe(0);
          expect(elsewhere.observed.received).toBe('');
          expect(verdict.message).toContain(`127.0.0.1:${elsewhere.port}`);
        },
        close: async () => {
          await Promise.all([server.close(), elsewhere.close()]);
        },
      };
    },
  },
  {
    name: 'rate limited (429)',
    behaviour: "the login answers 429 with Arena's 4084 error and X-Arena-Next-Request-Limit-Reset",
    diagnosisId: 'api.4084',
    errorCode: 4084,
    httpStatus: 429,
    stagedAt: 'login',
    stage: async () =>
      one(
        await loginAnswer(429, 'Too Many Requests', JSON.stringify(LOGIN_ERROR_429), {
          'content-type': 'application/json',
          'x-arena-requests-remaining': 0,
          'x-arena-next-request-limit-reset': RESET_AT,
        }),
        {
          verify: ({ verdict }) => {
            expect(verdict.diagnosis?.facts.budgetResetsAt).toBe(RESET_AT);
            expect(verdict.diagnosis?.facts.budgetResetsAtUtc).toBe('2031-05-06T07:00:00.000Z');
          },
        },
      ),
  },
];
