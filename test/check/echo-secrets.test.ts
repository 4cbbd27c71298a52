// The check against a hostile server that echoes every secret it was sent, in every encoding and place
// (test/support/echo-server.ts): nothing the check returns or emits, in any rendering, holds one.
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck, type CheckEvent } from '../../main/check/runner.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { ECHO_CHECK, ECHO_LOGINS, ECHO_SECRETS, ECHO_SENTINELS, startEchoServer, type EchoLogin } from '../support/echo-server.js';
import type { LoopbackServer } from '../support/loopback-server.js';
import { sentinelHits } from '../support/sentinels.js';

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function echoCheck(login: EchoLogin, loginType: 'webtoken' | 'password' = 'webtoken') {
  const echo = await startEchoServer(login);
  server = echo;
  const events: CheckEvent[] = [];
  const report = await runCheck(
    {
      apiUrl: echo.apiUrl,
      workspaceId: ECHO_CHECK.workspaceId,
      integrationEmail: ECHO_CHECK.email,
      loginType,
      integrationSecret: ECHO_SECRETS.webtoken,
      user: { email: ECHO_CHECK.userEmail, password: ECHO_SECRETS.userPassword },
      timeoutMs: 3000,
    },
    { onEvent: (event) => events.push(event) },
  );
  return { report, events, echo };
}

describe.each(ECHO_LOGINS.map((login) => [login] as const))('a server echoing secrets (login answer: %s)', (login) => {
  it('leaves no secret in the report, its renderings or the progress events', async () => {
    const { report, events, echo } = await echoCheck(login);
    // The server did hear the secrets (else the test proves nothing), and echoed them.
    expect(echo.heard.has(ECHO_SECRETS.webtoken)).toBe(true);
    const renderings = {
      report: JSON.stringify(report),
      json: renderJson(report),
      text: renderText(report),
      markdown: renderMarkdown(report),
      html: renderHtml(report),
      events: JSON.stringify(events),
    };
    for (const [name, rendering] of Object.entries(renderings)) expect(sentinelHits(rendering, ECHO_SENTINELS), name).toEqual([]);
  });
});

describe('what a session answer echoes', () => {
  it('every step is redacted of every secret of the check: the WebToken echoed in the authorize and logout answers too', async () => {
    const { report, echo } = await echoCheck('session');
    expect(echo.requests.map((request) => request.url)).toEqual(['/v1/logout', '/v1/login', '/v1/login/authorizeuser', '/v1/logout']);
    expect(report.steps.map((step) => step.outcome)).toEqual(['passed', 'passed', 'failed', 'failed']);
    for (const step of report.steps) {
      for (const field of [
        step.message,
        step.serverDate,
        step.budget?.resetsAt ?? null,
        step.bodyExcerpt,
        step.pageTitle,
        step.diagnosis?.arenaMessage ?? null,
      ]) {
        expect(sentinelHits(field ?? '', ECHO_SENTINELS), `${step.step}: ${field}`).toEqual([]);
      }
    }
    // Arena's own words around the echoes are kept.
    expect(report.steps[2]?.message).toMatch(/^Not authorized: \[redacted\]/);
    expect(report.workspaceName).toMatch(/^EveryRoad \[redacted\]/);
    expect(sentinelHits(report.workspaceName ?? '', ECHO_SENTINELS)).toEqual([]);
    // Network text reaches nothing raw: no escape, C1 or bidi control.
    expect(JSON.stringify(report)).not.toMatch(/\\u001b|\\u009b|\u009b|\u202e/);
  });

  it('a password login is redacted the same way', async () => {
    const { report } = await echoCheck('arena-error', 'password');
    expect(report.steps[1]?.errorCode).toBe(4089);
    expect(sentinelHits(renderText(report) + renderJson(report), ECHO_SENTINELS)).toEqual([]);
  });
});
