// The Arena client against real servers on loopback that answer the way real networks do.
import { gzipSync } from 'node:zlib';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ArenaClient } from '../../main/arena/client.js';
import { testCertificates } from '../support/certificates.js';
import { closedPort, sendJson, startLoopbackServer, type Handler, type LoopbackServer } from '../support/loopback-server.js';

const credentials = {
  email: 'integration@example.com',
  workspaceId: 123456789,
  loginType: 'webtoken' as const,
  secret: 'WT-sentinel-1234567890',
};

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(handler: Handler): Promise<ArenaClient> {
  server = await startLoopbackServer(handler);
  return new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000 });
}

describe('login', () => {
  it('sends the WebToken login body with the workspace ID as an integer, once', async () => {
    const client = await serve((_request, response) =>
      sendJson(response, 200, {
        arena_session_id: 'S1',
        workspaceId: 123456789,
        workspaceName: 'EveryRoad GPS',
        workspaceRequestLimit: 1000,
      }),
    );
    const { call, session } = await client.login(credentials);
    expect(call.ok).toBe(true);
    expect(session?.workspaceName).toBe('EveryRoad GPS');
    expect(server?.requests).toHaveLength(1);
    const sent = JSON.parse(server?.requests[0]?.body ?? '{}') as Record<string, unknown>;
    expect(sent).toEqual({ email: credentials.email, webtoken: credentials.secret, loginType: 'WEBTOKEN', workspaceId: 123456789 });
    expect(server?.requests[0]?.headers['content-type']).toMatch(/application\/json/);
  });

  it('accepts the arenaSessionId spelling and carries the session on the next request', async () => {
    const client = await serve((request, response) => {
      if (request.url === '/v1/login') return sendJson(response, 200, { arenaSessionId: 'SESSION-XYZ', workspaceId: 1 });
      sendJson(response, 200, {});
    });
    const { session } = await client.login(credentials);
    expect(session).not.toBeNull();
    if (!session) return;
    await client.logout(session);
    expect(server?.requests[1]?.method).toBe('PUT');
    expect(server?.requests[1]?.headers.arena_session_id).toBe('SESSION-XYZ');
  });

  it('never exposes the session id through serialisation or inspection', async () => {
    const client = await serve((_request, response) => sendJson(response, 200, { arena_session_id: 'SECRET-SESSION-42' }));
    const { session } = await client.login(credentials);
    expect(JSON.stringify(session)).not.toContain('SECRET-SESSION-42');
    expect(inspect(session, { showHidden: true, depth: 5 })).not.toContain('SECRET-SESSION-42');
  });

  it('reports a 200 without a session id as NO_SESSION_ID', async () => {
    const client = await serve((_request, response) => sendJson(response, 200, { workspaceId: 1 }));
    const { call, session } = await client.login(credentials);
    expect(session).toBeNull();
    expect(call).toMatchObject({ ok: false, httpStatus: 200, errorCode: 'NO_SESSION_ID' });
  });

  it('reads Arena error bodies, gzip-encoded, with budget headers', async () => {
    const client = await serve((_request, response) => {
      const body = gzipSync(JSON.stringify({ status: 400, errors: [{ code: 4089, message: 'Invalid Token.' }] }));
      response.writeHead(400, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'X-Arena-Requests-Remaining': '17',
        'X-Arena-Next-Request-Limit-Reset': '2026-11-23T08:00:00Z',
      });
      response.end(body);
    });
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ ok: false, httpStatus: 400, errorCode: 4089, message: 'Invalid Token.' });
    expect(call.budget).toEqual({ limit: null, remaining: 17, resetsAt: '2026-11-23T08:00:00Z' });
  });

  it('keeps an unknown code and its message', async () => {
    const client = await serve((_request, response) =>
      sendJson(response, 400, { status: 400, errors: [{ code: 99999, message: 'Brand new failure.' }] }),
    );
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ errorCode: 99999, message: 'Brand new failure.' });
  });
});

describe('what networks return instead of Arena', () => {
  it('recognises an HTML page even with status 200 and keeps readable text of it', async () => {
    const client = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        '<html><head><title>Sign in to the guest Wi-Fi</title><style>p{}</style></head><body><p>Accept the terms</p></body></html>',
      );
    });
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ ok: false, httpStatus: 200, errorCode: 'HTML_RESPONSE' });
    // The title is shown apart from the page's text; neither holds markup, a style or a script.
    expect(call.pageTitle).toBe('Sign in to the guest Wi-Fi');
    expect(call.bodyExcerpt).toBe('Accept the terms');
  });

  it('reports an empty error body and a truncated JSON body', async () => {
    const empty = await serve((_request, response) => {
      response.writeHead(502);
      response.end();
    });
    expect((await empty.login(credentials)).call).toMatchObject({ httpStatus: 502, errorCode: 'UNEXPECTED_STATUS' });
    await server?.close();
    const truncated = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"arena_session_id": "abc", "workspaceId": 12');
    });
    expect((await truncated.login(credentials)).call).toMatchObject({ httpStatus: 200, errorCode: 'INVALID_JSON' });
  });

  it('stops reading a body over the cap', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"pad":"${'x'.repeat(200_000)}"}`);
    });
    const client = new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000, maxBodyBytes: 10_000 });
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ ok: false, errorCode: 'BODY_TOO_LARGE' });
  });

  it('does not follow a redirect, so credentials never go to another host', async () => {
    const client = await serve((_request, response) => {
      response.writeHead(307, { location: 'https://collector.example.invalid/v1/login' });
      response.end();
    });
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ ok: false, httpStatus: 307, errorCode: 'REDIRECT' });
    expect(call.message).toContain('collector.example.invalid');
    expect(server?.requests).toHaveLength(1);
  });

  it('scrubs the secret from an error message that echoes it', async () => {
    const client = await serve((_request, response, body) =>
      sendJson(response, 400, { status: 400, errors: [{ code: 20014, message: `Bad data: ${body}` }] }),
    );
    const { call } = await client.login(credentials);
    expect(call.errorCode).toBe(20014);
    expect(call.message).not.toContain(credentials.secret);
    expect(call.message).toContain('[redacted]');
  });
});

describe('transport failures keep Node codes', () => {
  it('ECONNREFUSED on a closed port, after one attempt', async () => {
    const port = await closedPort();
    const client = new ArenaClient({ apiUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 2000 });
    const { call } = await client.login(credentials);
    expect(call).toMatchObject({ ok: false, httpStatus: null, errorCode: 'ECONNREFUSED' });
  });

  it('gives up at the timeout when the server never answers', async () => {
    server = await startLoopbackServer(() => undefined);
    const client = new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 400 });
    const started = Date.now();
    const { call } = await client.login(credentials);
    expect(call.errorCode).toBe('ETIMEDOUT');
    expect(call.message).toMatch(/0\.4 s/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a self-signed certificate and accepts a server signed by a CA it is given', async () => {
    const certificates = testCertificates();
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { arena_session_id: 'S' }), certificates.selfSigned);
    const refused = await new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000 }).login(credentials);
    expect(refused.call.errorCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.requests).toHaveLength(0);
    await server.close();

    server = await startLoopbackServer((_request, response) => sendJson(response, 200, { arena_session_id: 'S' }), certificates.leaf);
    const untrusted = await new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000 }).login(credentials);
    expect(untrusted.call.errorCode).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    const trusted = await new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000, extraCa: certificates.ca.cert }).login(credentials);
    expect(trusted.call.ok).toBe(true);
    expect(trusted.call.timings?.tlsMs).not.toBeNull();
  });

  it('reports a certificate for another host name', async () => {
    const certificates = testCertificates();
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}), certificates.wrongHost);
    const { call } = await new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 2000, extraCa: certificates.ca.cert }).login(credentials);
    expect(call.errorCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});

describe('secrets echoed by a server', () => {
  it('are scrubbed from the whole page before the excerpt is cut, so no fragment survives', async () => {
    const client = await serve((_request, response, body) => {
      const { webtoken } = JSON.parse(body) as { webtoken: string };
      response.writeHead(502, { 'content-type': 'text/html' });
      // The secret straddles the 300th character of the page's text, where the excerpt is cut.
      response.end(`<html><body><p>${'x'.repeat(289)} ${webtoken} and more</p></body></html>`);
    });
    const { call } = await client.login(credentials);
    expect(call.errorCode).toBe('HTML_RESPONSE');
    expect(call.bodyExcerpt).not.toContain(credentials.secret.slice(0, 8));
  });
});
