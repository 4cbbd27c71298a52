// @ts-check
// One users-check run in its own process, for bench/users.mjs: prints {ms, maxRssBytes, requestsUsed, users}.
// Modes: check (the real run), bare (node:http fetching the same pages), idle (modules loaded, nothing run).
import http from 'node:http';
import { generatedUser, WORKSPACE_ID } from '../../out/main/simulator/index.js';
import { WEBTOKEN, INTEGRATION_EMAIL } from '../../out/main/simulator/scenarios.js';
import { runUsersCheck } from '../../out/main/users/run-users.js';

const [mode, apiUrl = '', emailCount = '0'] = process.argv.slice(2);
const emails = Array.from({ length: Number(emailCount) }, (_, i) => generatedUser(i * 2).email.toLowerCase());

/** @returns {Promise<{status: number, json: any}>} */
function send(method, path, body, session) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = {
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...(session ? { arena_session_id: session } : {}),
    };
    const request = http.request(`${apiUrl}${path}`, { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, json: raw ? JSON.parse(raw) : null });
      });
    });
    request.on('error', reject);
    request.end(text);
  });
}

/** The same requests the check makes when it lists: login, every page of 400, logout; matched by email. */
async function bare() {
  const login = await send('POST', '/login', {
    email: INTEGRATION_EMAIL,
    webtoken: WEBTOKEN,
    loginType: 'WEBTOKEN',
    workspaceId: WORKSPACE_ID,
  });
  const session = login.json.arena_session_id;
  const found = new Map();
  let count = Infinity;
  let requests = 0;
  for (let offset = 0; offset < count; offset += 400) {
    const page = await send('GET', `/settings/users?offset=${offset}&limit=400`, undefined, session);
    requests += 1;
    count = page.json.count;
    for (const user of page.json.results) found.set(String(user.email).toLowerCase(), user);
  }
  await send('PUT', '/logout', undefined, session);
  return { requestsUsed: requests + 1, users: emails.filter((email) => found.has(email)).length };
}

const started = performance.now();
let result = { requestsUsed: 0, users: 0 };
if (mode === 'check') {
  const report = await runUsersCheck({
    apiUrl,
    workspaceId: WORKSPACE_ID,
    integrationEmail: INTEGRATION_EMAIL,
    loginType: 'webtoken',
    integrationSecret: WEBTOKEN,
    timeoutMs: 20_000,
    emails,
    invalid: [],
  });
  result = { requestsUsed: report.usersCheck.requestsUsed, users: report.usersCheck.users.length };
} else if (mode === 'bare') {
  result = await bare();
}
const elapsed = performance.now() - started;
process.stdout.write(JSON.stringify({ ms: elapsed, maxRssBytes: process.resourceUsage().maxRSS * 1024, ...result }));
