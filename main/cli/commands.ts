// The doctor commands: check, reach, users, practice, scenarios, explain. Output and exit codes are a contract (see USAGE).
import type { CheckReport } from '../../common/check-report.js';
import { reachReport, runCheck } from '../check/runner.js';
import { terminalText } from '../privacy/network-text.js';
import { renderJson, renderReachJson } from '../report/json-report.js';
import { renderMarkdown } from '../report/markdown-report.js';
import { renderReachText, renderText } from '../report/text-report.js';
import { toolInfo } from '../version.js';
import { parseCommandLine, USAGE, type CheckOptions, type ConnectionOptions, type ReachOptions } from './arguments.js';
import { readSecret, type SecretSource } from './secret-input.js';

export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const;

export interface CliIo extends SecretSource {
  stdout: NodeJS.WriteStream;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, io.env);
  if (!parsed.ok) return usageError(io, parsed.error);
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      io.stdout.write(`${USAGE}\n`);
      return EXIT.passed;
    case 'version':
      io.stdout.write(`${toolInfo().version}\n`);
      return EXIT.passed;
    case 'scenarios': {
      // Loaded on demand: practice pulls in the simulator and its scenarios, which `check` never needs.
      const { listScenarios } = await import('./practice.js');
      io.stdout.write(listScenarios(command.json));
      return EXIT.passed;
    }
    case 'practice': {
      const { runPractice } = await import('./practice.js');
      const result = await runPractice(command.scenario, command.json);
      if (!result.ok) return usageError(io, result.error);
      io.stdout.write(result.value.output);
      return result.value.allAsExpected ? EXIT.passed : EXIT.failed;
    }
    case 'check':
      return check(command.options, io);
    case 'reach':
      return reach(command.options, io);
    case 'explain': {
      // Loaded on demand, like practice: the knowledge base and the matcher are not needed by check.
      const { runExplain } = await import('./explain.js');
      const result = await runExplain(command.text, command.json, io.stdin);
      if (!result.ok) return usageError(io, result.error);
      // The pasted message is text from the network too, quoted back: made safe for the terminal.
      io.stdout.write(terminalText(result.value.output));
      return result.value.recognized ? EXIT.passed : EXIT.failed;
    }
    case 'explain-list': {
      const { listCatalogue } = await import('./explain.js');
      io.stdout.write(listCatalogue(command.json));
      return EXIT.passed;
    }
    case 'users': {
      // Loaded on demand: the CSV parser and the users code are not needed by `check`.
      const { users } = await import('./users.js');
      return users(command.options, io);
    }
  }
}

/** The integration user's WebToken or password, from its variable or a hidden prompt. */
export async function integrationSecret(
  options: ConnectionOptions,
  io: CliIo,
): Promise<{ ok: true; value: string } | { ok: false; error: string }> {
  const wanted =
    options.loginType === 'webtoken'
      ? { variable: 'ARENA_WEBTOKEN', description: "the integration user's WebToken", kind: 'WebToken' as const }
      : { variable: 'ARENA_PASSWORD', description: "the integration user's password", kind: 'password' as const };
  return readSecret(wanted, io);
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const secret = await integrationSecret(options, io);
  if (!secret.ok) return usageError(io, secret.error);

  let user: { email: string; password: string } | null = null;
  if (options.userEmail) {
    const password = await readSecret(
      { variable: 'ARENA_USER_PASSWORD', description: `the Arena password of ${options.userEmail}`, kind: 'password' },
      io,
    );
    if (!password.ok) return usageError(io, password.error);
    user = { email: options.userEmail, password: password.value };
  }

  if (!options.json) {
    const via = options.proxyUrl ? ` through the proxy ${options.proxyUrl} (from ${options.proxySource ?? '--proxy'})` : '';
    io.stderr.write(`Checking ${options.apiUrl} as ${options.email}${via}…\n`);
  }
  const report: CheckReport = await runCheck({
    apiUrl: options.apiUrl,
    dataCentre: options.dataCentre,
    workspaceId: options.workspaceId,
    integrationEmail: options.email,
    loginType: options.loginType,
    integrationSecret: secret.value,
    user,
    timeoutMs: options.timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    proxyUrl: options.proxyUrl,
    route: options.route,
  });
  // The renderers sanitise network text for the terminal and sweep the output for this run's secrets.
  const secrets = [secret.value, ...(user ? [user.password] : [])];
  io.stdout.write(
    options.json ? renderJson(report, secrets) : options.markdown ? renderMarkdown(report, secrets) : renderText(report, secrets),
  );
  return report.ok ? EXIT.passed : EXIT.failed;
}

/** Only the reach step: no workspace, no email, no secret is read or sent, so any admin can run it. */
async function reach(options: ReachOptions & { json: boolean }, io: CliIo): Promise<number> {
  if (!options.json) {
    const via = options.proxyUrl ? ` through the proxy ${options.proxyUrl} (from ${options.proxySource ?? '--proxy'})` : '';
    io.stderr.write(`Reaching ${options.apiUrl}${via}, with no credential…\n`);
  }
  const report = await reachReport({
    apiUrl: options.apiUrl,
    dataCentre: options.dataCentre,
    timeoutMs: options.timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    proxyUrl: options.proxyUrl,
    route: options.route,
  });
  io.stdout.write(options.json ? renderReachJson(report) : renderReachText(report));
  return report.ok ? EXIT.passed : EXIT.failed;
}

export function usageError(io: CliIo, message: string): number {
  io.stderr.write(`doctor: ${terminalText(message)}\n`);
  return EXIT.usage;
}
