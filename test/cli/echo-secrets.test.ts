// The CLI as a process against a hostile server that echoes every secret it was sent, in every encoding
// and place (test/support/echo-server.ts): stdout and stderr, text and --json, hold no sentinel, and no
// escape sequence, C1 or bidi control from the network reaches the terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { ECHO_CHECK, ECHO_LOGINS, ECHO_SECRETS, ECHO_SENTINELS, startEchoServer } from '../support/echo-server.js';
import type { LoopbackServer } from '../support/loopback-server.js';
import { runDoctor } from '../support/doctor-process.js';
import { sentinelHits } from '../support/sentinels.js';

const TERMINAL_UNSAFE = /[\u001b\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe.each(ECHO_LOGINS.flatMap((login) => [[login, 'text'] as const, [login, 'json'] as const]))(
  'doctor check, echoing server (%s), %s output',
  (login, output) => {
    it('prints no secret and nothing raw from the network', async () => {
      const echo = await startEchoServer(login);
      server = echo;
      const args = [
        'check',
        '--api-url',
        echo.apiUrl,
        '--workspace-id',
        String(ECHO_CHECK.workspaceId),
        '--email',
        ECHO_CHECK.email,
        '--user-email',
        ECHO_CHECK.userEmail,
        '--timeout',
        '3',
      ];
      const run = await runDoctor(output === 'json' ? [...args, '--json'] : args, {
        ARENA_WEBTOKEN: ECHO_SECRETS.webtoken,
        ARENA_USER_PASSWORD: ECHO_SECRETS.userPassword,
      });
      expect(run.code).toBe(1);
      expect(echo.heard.has(ECHO_SECRETS.webtoken)).toBe(true);
      expect(sentinelHits(run.stdout, ECHO_SENTINELS)).toEqual([]);
      expect(sentinelHits(run.stderr, ECHO_SENTINELS)).toEqual([]);
      expect(run.stdout).not.toMatch(TERMINAL_UNSAFE);
      expect(run.stderr).not.toMatch(TERMINAL_UNSAFE);
      if (output === 'json') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    });
  },
);
