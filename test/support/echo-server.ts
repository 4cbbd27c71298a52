// A hostile Arena on 127.0.0.1 that echoes every secret it was sent (the WebToken or password from the
// login body, the Onshape user's password from the authorize body, the session id it issued) back in
// every place and encoding a real server, proxy or error page might: inside JSON with \u escapes, HTML
// entities (named, decimal, hex), percent-encoding in both cases, split by control characters, escape
// sequences and tags, in headers (Location, the budget reset, Date, others), in the workspace name, and
// in LATER steps' answers (the authorize and logout answers repeat the login's WebToken).
import type { ServerResponse } from 'node:http';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/** Sentinel secrets: distinctive, holding the characters encoders treat specially. */
export const ECHO_SECRETS = {
  webtoken: 'WT-echo-sentinel-7Q2Z9K4X',
  userPassword: 'PW.echo!sentinel@5521/ok',
  sessionId: 'SID-echo-sentinel-3C8D1E',
} as const;
export const ECHO_SENTINELS: readonly string[] = Object.values(ECHO_SECRETS);

export const ECHO_CHECK = { email: 'integration@example.com', workspaceId: 424242, userEmail: 'designer@example.com' } as const;

/** Where the login's answer carries the echo: a session (then authorize and logout echo too), or a failure. */
export type EchoLogin = 'session' | 'arena-error' | 'html-page' | 'redirect' | 'plain-text' | 'invalid-json';
export const ECHO_LOGINS: readonly EchoLogin[] = ['session', 'arena-error', 'html-page', 'redirect', 'plain-text', 'invalid-json'];

const ESCAPE_NOISE = '\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e';

const hex2 = (code: number): string => code.toString(16).padStart(2, '0');
const NAMED: Readonly<Record<string, string>> = { '.': '&period;', '!': '&excl;', '@': '&commat;', '/': '&sol;', '-': '&#x2D;' };

/** Forms that survive as text (a page, a header): entities, percent in both cases, \u text, splits. */
function textForms(secret: string, forHeader: boolean): string[] {
  const characters = [...secret];
  const half = Math.floor(secret.length / 2);
  const forms = [
    secret,
    characters.map((character) => `&#${character.charCodeAt(0)};`).join(''),
    characters.map((character) => `&#x${hex2(character.charCodeAt(0))};`).join(''),
    characters.map((character) => NAMED[character] ?? character).join(''),
    characters.map((character) => `%${hex2(character.charCodeAt(0))}`).join(''),
    encodeURIComponent(secret).toLowerCase(),
    encodeURIComponent(encodeURIComponent(secret)),
    characters.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    `${secret.slice(0, half)}<b></b>${secret.slice(half)}`,
  ];
  // Header values cannot carry C0 controls; a body can.
  if (!forHeader)
    forms.push(
      `${secret.slice(0, half)}\u0000${secret.slice(half)}`,
      `${secret.slice(0, half)}\u001b[0m${secret.slice(half)}`,
      `${secret.slice(0, 3)}\u200b${secret.slice(3)}`,
    );
  return forms;
}

/** JSON source text for a string holding every form, plus the whole secret as \u escapes (raw once parsed). */
function jsonStringSource(prefix: string, secrets: readonly string[]): string {
  const parts = secrets.flatMap((secret) => [
    ...textForms(secret, false).map((form) => JSON.stringify(form).slice(1, -1)),
    [...secret].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  ]);
  return `"${JSON.stringify(prefix).slice(1, -1)} ${parts.join(' | ')} ${JSON.stringify(ESCAPE_NOISE).slice(1, -1)}"`;
}

function echoHeaders(secrets: readonly string[]): Record<string, string> {
  const forms = secrets.flatMap((secret) => textForms(secret, true));
  const joined = forms.join(' ');
  return {
    location: `https://evil.example/next/${forms.map((form) => encodeURIComponent(form).toLowerCase()).join('/')}?t=${encodeURIComponent(joined)}`,
    'x-arena-next-request-limit-reset': `2026-12-01T08:00:00Z ${joined} \u009b2J`,
    'x-arena-requests-remaining': '17',
    date: `Tue, 01 Dec 2026 15:00:00 GMT ${joined}`,
    'x-echo': joined,
    'set-cookie': `echo=${encodeURIComponent(joined)}`,
  };
}

function htmlPage(secrets: readonly string[]): string {
  const forms = secrets.flatMap((secret) => textForms(secret, false));
  // The title holds the secrets too, in every form (the client shows a page's title apart from its text).
  return `<!doctype html><html><head><title>Gateway ${forms.join(' ')}</title><script>var t="${forms[1] ?? ''}"</script></head><body><h1>Gateway error</h1><p>${forms.join('</p><p>')}</p><p>${ESCAPE_NOISE}</p></body></html>`;
}

function sendRaw(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-type': type });
  response.end(body);
}

function readBody(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The hostile server; `heard` is every secret it was sent (for the test's own sanity checks). */
export async function startEchoServer(login: EchoLogin): Promise<LoopbackServer & { heard: Set<string> }> {
  const heard = new Set<string>();
  const server = await startLoopbackServer((request, response, body) => {
    const sent = readBody(body);
    for (const key of ['webtoken', 'password']) {
      const value = sent[key];
      if (typeof value === 'string') heard.add(value);
    }
    const session = request.headers.arena_session_id;
    if (typeof session === 'string') heard.add(session);
    const echoed = [...heard];
    const headers = echoHeaders(echoed);
    const path = request.url ?? '';
    // The reach probe (a logout without a session) gets Arena's own answer, so the check goes on to log in.
    if (path.endsWith('/logout') && typeof session !== 'string') {
      return sendRaw(
        response,
        401,
        'application/json',
        '{"status":401,"errors":[{"code":401,"message":"There is no access token associated with this request or the access token is not valid."}]}',
        headers,
      );
    }
    if (path.endsWith('/login') && request.method === 'POST') {
      switch (login) {
        case 'session': {
          const json = `{"arena_session_id":"${ECHO_SECRETS.sessionId}","workspaceId":${ECHO_CHECK.workspaceId},"workspaceRequestLimit":1000,"workspaceName":${jsonStringSource('EveryRoad', [...echoed, ECHO_SECRETS.sessionId])},"echo":${jsonStringSource('x', echoed)}}`;
          return sendRaw(response, 200, 'application/json', json, headers);
        }
        case 'arena-error':
          return sendRaw(
            response,
            400,
            'application/json',
            `{"status":400,"errors":[{"code":4089,"message":${jsonStringSource('Invalid Token.', echoed)}}]}`,
            headers,
          );
        case 'html-page':
          return sendRaw(response, 502, 'text/html; charset=utf-8', htmlPage(echoed), headers);
        case 'redirect':
          return sendRaw(response, 302, 'text/html', htmlPage(echoed), headers);
        case 'plain-text':
          return sendRaw(
            response,
            500,
            'text/plain',
            `Upstream said: ${textForms(echoed[0] ?? '', false).join(' ')} ${ESCAPE_NOISE}`,
            headers,
          );
        case 'invalid-json':
          return sendRaw(
            response,
            200,
            'application/json',
            `{"arena_session_id":${jsonStringSource('cut', echoed)}, "workspaceName": "`,
            headers,
          );
      }
    }
    if (path.endsWith('/login/authorizeuser')) {
      return sendRaw(
        response,
        400,
        'application/json',
        `{"status":400,"errors":[{"code":4081,"message":${jsonStringSource('Not authorized:', echoed)}},{"code":1,"message":${jsonStringSource('also', echoed)}}]}`,
        headers,
      );
    }
    if (path.endsWith('/logout')) {
      return sendRaw(
        response,
        400,
        'application/json',
        `{"status":400,"errors":[{"code":4001,"message":${jsonStringSource('Logout refused:', echoed)}}]}`,
        headers,
      );
    }
    return sendRaw(response, 404, 'text/html', htmlPage(echoed), headers);
  });
  return Object.assign(server, { heard });
}
