// `doctor users`: checks a list of Onshape users against the workspace's Arena users with the integration
// user's session, without anyone's password. Exit 0 when every user is ready, 1 when one is not or a step
// failed, 2 for bad usage or input.
import { open } from 'node:fs/promises';
import { terminalText } from '../privacy/network-text.js';
import { redact } from '../privacy/redact.js';
import { renderUsersCsv, renderUsersJson, renderUsersText } from '../report/users-report.js';
import { MAX_INPUT_CHARS, parseEmailList } from '../users/email-input.js';
import { costBound } from '../users/plan.js';
import { runUsersCheck } from '../users/run-users.js';
import type { UsersOptions } from './arguments.js';
import { EXIT, integrationSecret, usageError, type CliIo } from './commands.js';

export async function users(options: UsersOptions, io: CliIo): Promise<number> {
  const text =
    options.emails.from === 'list' ? { ok: true as const, value: options.emails.text } : await readEmailsFile(options.emails.path);
  if (!text.ok) return usageError(io, text.error);
  const list = parseEmailList(text.value);
  if (!list.ok) return usageError(io, list.error);
  const { emails, invalid, duplicates } = list.value;
  if (emails.length === 0) {
    const where = invalid[0] ? ` (line ${invalid[0].line} reads "${invalid[0].text}")` : '';
    return usageError(io, `No valid email was found in the list${where}.`);
  }

  const secret = await integrationSecret(options, io);
  if (!secret.ok) return usageError(io, secret.error);

  const talk = options.output === 'text';
  if (talk) {
    const via = options.proxyUrl ? ` through the proxy ${options.proxyUrl} (from ${options.proxySource ?? '--proxy'})` : '';
    const repeated = duplicates > 0 ? ` (${duplicates} repeated, counted once)` : '';
    const bound = costBound(emails.length);
    io.stderr.write(
      `Checking ${emails.length} Onshape users${repeated} in workspace ${options.workspaceId} at ${options.apiUrl} as ${options.email}${via}.\n` +
        `Cost: one request per ${bound.perPage} workspace users, or one per email when that is fewer (at most ${bound.atMost} with the logout); the first page tells, and the run stops there if today's budget is too small.\n`,
    );
  }
  const report = await runUsersCheck(
    {
      apiUrl: options.apiUrl,
      dataCentre: options.dataCentre,
      workspaceId: options.workspaceId,
      integrationEmail: options.email,
      loginType: options.loginType,
      integrationSecret: secret.value,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      proxyUrl: options.proxyUrl,
      route: options.route,
      emails,
      invalid,
    },
    {
      onEvent: (event) => {
        if (talk && event.type === 'users-progress') {
          const what = event.strategy === 'list' ? 'page' : 'request';
          io.stderr.write(`  ${what} ${event.done} of ${event.total}\n`);
        }
      },
    },
  );
  const output =
    options.output === 'json' ? renderUsersJson(report) : options.output === 'csv' ? renderUsersCsv(report) : renderUsersText(report);
  // Arena's user names and the list's own lines reach the terminal: made safe, and swept for the secret.
  io.stdout.write(redact(terminalText(output), [secret.value]));
  const allReady = report.usersCheck.users.length > 0 && report.usersCheck.users.every((user) => user.status === 'ready');
  return report.ok && allReady ? EXIT.passed : EXIT.failed;
}

/** The file's text, read up to the input cap (a huge file is refused without reading it all). */
async function readEmailsFile(path: string): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size > MAX_INPUT_CHARS * 4)
        return { ok: false, error: `--emails-file: the file is ${size} bytes; keep only the email column, or split it.` };
      return { ok: true, value: (await file.readFile()).toString('utf8') };
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : 'it cannot be read';
    return { ok: false, error: `--emails-file: ${why}.` };
  }
}
