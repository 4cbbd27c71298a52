// @ts-check
// The baseline client: the same three requests a check makes (login, authorize, logout), with bare
// node:http, the same bodies and headers the core sends, and the same keep-alive choice: Node's default
// global agent (keepAlive: true since Node 19), exactly what got uses when no agent is given. Gzip answers
// are decompressed, as the core does. CommonJS so `node -e "require('./bench/bare-check.cjs').main()"`
// is the whole baseline process for the CLI start figure.
'use strict';
const http = require('node:http');
const zlib = require('node:zlib');

const SESSION_HEADER = 'arena_session_id';
const USER_AGENT = 'ArenaConnectDoctor/0.1.0';

function send(apiUrl, method, path, json, sessionId) {
  return new Promise((resolve, reject) => {
    const body = json === undefined ? '' : JSON.stringify(json);
    const headers = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...(sessionId ? { [SESSION_HEADER]: sessionId } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
      'content-length': String(Buffer.byteLength(body)),
      'accept-encoding': 'gzip, deflate, br',
    };
    const request = http.request(`${apiUrl}${path}`, { method, headers }, (response) => {
      const encoding = response.headers['content-encoding'];
      const stream = encoding === 'gzip' ? response.pipe(zlib.createGunzip()) : response;
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** login (WebToken), authorize, logout; returns the three statuses. */
async function bareCheck(apiUrl, check) {
  const login = await send(apiUrl, 'POST', '/login', {
    email: check.email,
    webtoken: check.secret,
    loginType: 'WEBTOKEN',
    workspaceId: check.workspaceId,
  });
  const json = JSON.parse(login.body);
  const sessionId = json.arenaSessionId ?? json.arena_session_id ?? json.sessionId;
  if (login.status !== 200 || typeof sessionId !== 'string') throw new Error(`bare login failed: ${login.status} ${login.body}`);
  const authorize = await send(apiUrl, 'POST', '/login/authorizeuser', { email: check.userEmail, password: check.userPassword }, sessionId);
  const logout = await send(apiUrl, 'PUT', '/logout', undefined, sessionId);
  return [login.status, authorize.status, logout.status];
}

/** As a process: reads the target from the environment and prints the statuses as JSON. */
function main() {
  const { BENCH_CHECK, BENCH_API_URL } = process.env;
  if (!BENCH_CHECK || !BENCH_API_URL) throw new Error('bench: BENCH_CHECK and BENCH_API_URL must be set');
  bareCheck(BENCH_API_URL, JSON.parse(BENCH_CHECK)).then(
    (statuses) => process.stdout.write(`${JSON.stringify({ statuses })}\n`),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { bareCheck, main };
