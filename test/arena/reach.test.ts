// The reach probe over real HTTP(S) on loopback: what it sends (nothing secret), when it counts as reached,
// and the evidence it keeps (addresses, phases, certificate, clock). DNS answers come from an injected
// resolver; no test connects anywhere but 127.0.0.1.
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeReach } from '../../main/arena/reach.js';
import { reachStep } from '../../main/check/runner.js';
import { startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';
import { testCertificates } from '../support/certificates.js';
import { closedPort, sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

const NO_ACCESS_TOKEN = {
  status: 401,
  errors: [{ code: 401, message: 'There is no access token associated with this request or the access token is not valid.' }],
};

let simulator: SimulatorHandle | undefined;
let server: LoopbackServer | undefined;
afterEach(async () => {
  await simulator?.close();
  await server?.close();
  simulator = undefined;
  server = undefined;
});

/** A resolver that answers every name with these addresses, and remembers what it was asked. */
function answering(addresses: { address: string; family: 4 | 6 }[]): { lookup: LookupFunction; asked: { host: string; all: boolean }[] } {
  const asked: { host: string; all: boolean }[] = [];
  const lookup: LookupFunction = (host, options, callback) => {
    asked.push({ host, all: options.all === true });
    process.nextTick(() =>
      options.all ? callback(null, addresses) : callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4),
    );
  };
  return { lookup, asked };
}

describe('the reach probe', () => {
  it('reaches the simulator with a logout that carries no session, no credential and no body', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    const { call, network } = await probeReach({ apiUrl: simulator.apiUrl });
    expect(call).toMatchObject({ ok: true, httpStatus: 401, errorCode: null });
    expect(simulator.requests).toHaveLength(1);
    expect(simulator.requests[0]).toMatchObject({ method: 'PUT', path: '/v1/logout', sessionFingerprint: null, code: 401 });
    expect(network.addresses).toEqual(['127.0.0.1']);
    expect(network.addressUsed).toBe('127.0.0.1');
    expect(network.proxy).toBeNull();
    expect(network.certificate).toBeNull();
    expect(typeof network.phases.connectMs).toBe('number');
    expect(typeof network.phases.firstByteMs).toBe('number');
    expect(Math.abs(network.clockOffsetSeconds ?? 99)).toBeLessThanOrEqual(2);
  });

  it('sends exactly PUT /v1/logout with no body and no session header to whatever answers', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 401, NO_ACCESS_TOKEN));
    const { call } = await probeReach({ apiUrl: server.apiUrl });
    expect(call.ok).toBe(true);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'PUT', url: '/v1/logout', body: '' });
    expect(request?.headers).not.toHaveProperty('arena_session_id');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("counts only Arena's 401 with code 401 as reached: a page, a yes or another code is something else", async () => {
    const answers: [string, (response: import('node:http').ServerResponse) => void, string | number][] = [
      [
        'an HTML page',
        (response) => {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<html><body>Sign in to the guest Wi-Fi</body></html>');
        },
        'HTML_RESPONSE',
      ],
      ['a 200 JSON object', (response) => sendJson(response, 200, { ok: true }), 'UNEXPECTED_STATUS'],
      ['a 401 with another code', (response) => sendJson(response, 401, { status: 401, errors: [{ code: 4001, message: 'Nope.' }] }), 4001],
      [
        'a bare 401 from a proxy',
        (response) => {
          response.writeHead(401);
          response.end();
        },
        'UNEXPECTED_STATUS',
      ],
    ];
    for (const [what, reply, code] of answers) {
      const local = await startLoopbackServer((_request, response) => reply(response));
      try {
        const { call } = await probeReach({ apiUrl: local.apiUrl });
        expect(call.ok, what).toBe(false);
        expect(call.errorCode, what).toBe(code);
      } finally {
        await local.close();
      }
    }
  });

  it('lists every address the name resolved to and connects to the first of each family only', async () => {
    const port = await closedPort();
    // 10.0.0.1 is listed, never contacted: only the first IPv4 address (a refused loopback port) is tried.
    const resolver = answering([
      { address: '127.0.0.1', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ]);
    const step = await reachStep(
      { apiUrl: `https://api.arenasolutions.com:${port}/v1`, connectTimeoutMs: 2000 },
      { network: { lookup: resolver.lookup } },
    );
    expect(resolver.asked).toEqual([{ host: 'api.arenasolutions.com', all: true }]);
    expect(step.outcome).toBe('failed');
    expect(step.errorCode).toBe('ECONNREFUSED');
    expect(step.message).toContain(`127.0.0.1:${port}`);
    expect(step.message).not.toContain('10.0.0.1');
    expect(step.network?.addresses).toEqual(['127.0.0.1', '10.0.0.1']);
    expect(step.network?.addressUsed).toBe('127.0.0.1');
    expect(step.diagnosis?.id).toBe('network.ECONNREFUSED');
  });

  it('flags a public Arena host that resolves to a private or loopback address (split DNS, hosts file)', async () => {
    const port = await closedPort();
    const resolver = answering([
      { address: '127.0.0.1', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ]);
    const step = await reachStep({ apiUrl: `https://api.arenasolutions.com:${port}/v1` }, { network: { lookup: resolver.lookup } });
    const finding = step.network?.findings.find((candidate) => candidate.id === 'private-address');
    expect(finding?.text).toContain('api.arenasolutions.com');
    expect(finding?.text).toContain('10.0.0.1 (private)');
    expect(finding?.text).toContain('127.0.0.1 (loopback)');
  });

  it('does not flag a private address for a custom host (a simulator, an internal test server)', async () => {
    const port = await closedPort();
    const resolver = answering([{ address: '127.0.0.1', family: 4 }]);
    const step = await reachStep({ apiUrl: `https://arena.test.internal:${port}/v1` }, { network: { lookup: resolver.lookup } });
    expect(step.network?.findings).toEqual([]);
  });

  it('names a DNS failure before any connection', async () => {
    const lookup: LookupFunction = (host, _options, callback) =>
      process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '', 4));
    const step = await reachStep({ apiUrl: 'https://arena-api.fault.invalid/v1' }, { network: { lookup } });
    expect(step).toMatchObject({ step: 'reach', outcome: 'failed', errorCode: 'ENOTFOUND' });
    expect(step.network?.addresses).toEqual([]);
    expect(step.network?.addressUsed).toBeNull();
    expect(typeof step.network?.phases.dnsMs).toBe('number');
    expect(step.network?.phases.connectMs).toBeNull();
  });
});

describe('the reach probe over TLS', () => {
  it('records the certificate presented: subject, issuer, validity, name match and chain', async () => {
    const certificates = testCertificates();
    server = await startLoopbackServer((_request, response) => sendJson(response, 401, NO_ACCESS_TOKEN), certificates.leaf);
    const { call, network } = await probeReach({ apiUrl: server.apiUrl, extraCa: certificates.ca.cert });
    expect(call.ok).toBe(true);
    expect(network.certificate).toMatchObject({
      subject: 'CN=leaf',
      issuer: 'CN=Doctor Test CA',
      issuerCommonName: 'Doctor Test CA',
      nameMatches: true,
      chainLength: 2,
    });
    expect(Date.parse(network.certificate?.validTo ?? '')).toBeGreaterThan(Date.now());
    expect(typeof network.phases.tlsMs).toBe('number');
  });

  it('still names the certificate when verification fails, and sends no request', async () => {
    const certificates = testCertificates();
    server = await startLoopbackServer((_request, response) => sendJson(response, 401, NO_ACCESS_TOKEN), certificates.wrongHost);
    const { call, network } = await probeReach({ apiUrl: server.apiUrl, extraCa: certificates.ca.cert });
    expect(call.errorCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(network.certificate).toMatchObject({ subject: 'CN=other', issuer: 'CN=Doctor Test CA', nameMatches: false });
    expect(server.requests).toHaveLength(0);
  });
});

describe('the clock', () => {
  it("measures the offset to the server's Date header and flags more than two minutes", async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toUTCString();
    server = await startLoopbackServer((_request, response) => sendJson(response, 401, NO_ACCESS_TOKEN, { date: tenMinutesAgo }));
    const step = await reachStep({ apiUrl: server.apiUrl });
    expect(step.outcome).toBe('passed');
    expect(step.network?.clockOffsetSeconds).toBeGreaterThanOrEqual(598);
    expect(step.network?.clockOffsetSeconds).toBeLessThanOrEqual(602);
    const finding = step.network?.findings.find((candidate) => candidate.id === 'clock-offset');
    expect(finding?.text).toMatch(/about 10 minutes ahead of Arena's/);
  });

  it('says nothing about a clock within two minutes', async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 401, NO_ACCESS_TOKEN, { date: new Date(Date.now() - 60_000).toUTCString() }),
    );
    const step = await reachStep({ apiUrl: server.apiUrl });
    expect(step.network?.clockOffsetSeconds).toBeGreaterThan(55);
    expect(step.network?.findings).toEqual([]);
  });
});
