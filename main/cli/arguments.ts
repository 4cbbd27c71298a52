// Reads the doctor command line into a typed command, or one clear message. Pure: never throws.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataCentreId, LoginType } from '../../common/check-report.js';
import { apiUrlProblem, emailProblem, timeoutProblem, workspaceIdProblem } from '../../common/fields.js';
import { DATA_CENTRE_IDS, dataCentreById } from '../arena/data-centres.js';
import { DEFAULT_TIMEOUT_MS } from '../arena/client.js';

export interface CheckOptions {
  apiUrl: string;
  dataCentre: DataCentreId | 'custom';
  workspaceId: number;
  email: string;
  loginType: LoginType;
  userEmail: string | null;
  timeoutMs: number;
  json: boolean;
}

export type CliCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'practice'; scenario: string | null; json: boolean }
  | { command: 'scenarios'; json: boolean }
  | { command: 'help' }
  | { command: 'version' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const USAGE = `Usage: doctor <command> [options]

Commands:
  check       Run the check Onshape runs against Arena, from this computer
  practice    Run checks against the built-in Arena simulator: [SCENARIO], or every scenario
  scenarios   List the simulator's scenarios
  help        Show this help

check options:
  --api-url URL              Arena API base ending in /v1 (instead of --data-centre)
  --data-centre ID           ${DATA_CENTRE_IDS.join('|')} (default us)
  --workspace-id N           Arena workspace ID, a number (required)
  --email EMAIL              integration user's email (required)
  --login-type TYPE          webtoken|password (default webtoken)
  --user-email EMAIL         an Onshape user's Arena email: adds the authorize step
  --timeout SECONDS          per request (default ${DEFAULT_TIMEOUT_MS / 1000})
  --json                     print one JSON document

Secrets are never taken on the command line. They come from ARENA_WEBTOKEN or ARENA_PASSWORD (by
login type) and ARENA_USER_PASSWORD, or from a hidden prompt when this is a terminal.

Exit codes: 0 every step passed, 1 a step failed (diagnosed), 2 bad usage or input, 3 internal error.`;

const CHECK_OPTIONS = {
  'api-url': { type: 'string' },
  'data-centre': { type: 'string' },
  'data-center': { type: 'string' },
  'workspace-id': { type: 'string' },
  email: { type: 'string' },
  'login-type': { type: 'string' },
  'user-email': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SECRET_LIKE_OPTIONS = ['--webtoken', '--password', '--user-password', '--token', '--secret'];

export function parseCommandLine(argv: readonly string[]): Parsed<CliCommand> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return ok({ command: 'help' });
    case '--version':
    case 'version':
      return ok({ command: 'version' });
    case 'check':
      return parseCheck(rest);
    case 'practice':
      return parsePractice(rest);
    case 'scenarios': {
      const listing = parseListing(rest, false);
      return listing.ok ? ok({ command: 'scenarios', json: listing.value.json }) : listing;
    }
    default:
      return fail(`Unknown command "${printable(command)}". Commands: check, practice, scenarios, help.`);
  }
}

function parsePractice(rest: readonly string[]): Parsed<CliCommand> {
  const listing = parseListing(rest, true);
  if (!listing.ok) return listing;
  return ok({ command: 'practice', scenario: listing.value.scenario, json: listing.value.json });
}

function parseListing(rest: readonly string[], allowScenario: boolean): Parsed<{ scenario: string | null; json: boolean }> {
  const parsed = safeParse(rest, { json: { type: 'boolean' } }, allowScenario);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length > (allowScenario ? 1 : 0)) return fail(`Unexpected argument "${printable(positionals.at(-1) ?? '')}".`);
  return ok({ scenario: positionals[0] ?? null, json: values.json === true });
}

function parseCheck(rest: readonly string[]): Parsed<CliCommand> {
  const secretOption = rest.find((argument) => SECRET_LIKE_OPTIONS.some((name) => argument === name || argument.startsWith(`${name}=`)));
  if (secretOption) {
    return fail('Secrets are not accepted on the command line (other users can read it); set ARENA_WEBTOKEN, ARENA_PASSWORD or ARENA_USER_PASSWORD, or answer the prompt.');
  }
  const parsed = safeParse(rest, CHECK_OPTIONS, false);
  if (!parsed.ok) return parsed;
  const values = parsed.value.values;
  if (values.help) return ok({ command: 'help' });

  const centreText = values['data-centre'] ?? values['data-center'];
  if (values['api-url'] !== undefined && centreText !== undefined) return fail('Give either --api-url or --data-centre, not both.');
  let apiUrl: string;
  let dataCentre: DataCentreId | 'custom';
  if (values['api-url'] !== undefined) {
    const problem = apiUrlProblem(values['api-url']);
    if (problem) return fail(`--api-url: ${problem}`);
    apiUrl = values['api-url'].trim().replace(/\/+$/, '');
    dataCentre = 'custom';
  } else {
    const id = (centreText ?? 'us').trim().toLowerCase();
    if (!isDataCentreId(id)) return fail(`--data-centre must be one of ${DATA_CENTRE_IDS.join(', ')} (got "${printable(id)}").`);
    apiUrl = dataCentreById(id).apiBase;
    dataCentre = id;
  }

  if (values['workspace-id'] === undefined) return fail('--workspace-id is required: the number of the Arena workspace Onshape connects to.');
  const workspaceProblem = workspaceIdProblem(values['workspace-id']);
  if (workspaceProblem) return fail(`--workspace-id: ${workspaceProblem}`);

  if (values.email === undefined) return fail("--email is required: the integration user's email (the user the WebToken belongs to).");
  const emailIssue = emailProblem(values.email, 'integration user');
  if (emailIssue) return fail(`--email: ${emailIssue}`);

  const loginType = (values['login-type'] ?? 'webtoken').trim().toLowerCase();
  if (loginType !== 'webtoken' && loginType !== 'password') return fail('--login-type must be webtoken or password.');

  let userEmail: string | null = null;
  if (values['user-email'] !== undefined) {
    const problem = emailProblem(values['user-email'], 'Onshape user');
    if (problem) return fail(`--user-email: ${problem}`);
    userEmail = values['user-email'].trim();
  }

  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = /^\s*\d+(\.\d+)?\s*$/.test(values.timeout) ? Number(values.timeout) : Number.NaN;
    const problem = timeoutProblem(seconds);
    if (problem) return fail(`--timeout: ${problem}`);
    timeoutMs = Math.round(seconds * 1000);
  }

  return ok({
    command: 'check',
    options: {
      apiUrl,
      dataCentre,
      workspaceId: Number(values['workspace-id'].trim()),
      email: values.email.trim(),
      loginType,
      userEmail,
      timeoutMs,
      json: values.json === true,
    },
  });
}

/** node:util parseArgs, with its thrown errors turned into a one-line message. */
function safeParse<T extends ParseArgsConfig['options']>(
  args: readonly string[],
  options: T,
  allowPositionals: boolean,
): Parsed<ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: boolean }>>> {
  try {
    return ok(parseArgs({ args: [...args], options, strict: true, allowPositionals }));
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first line only.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'Invalid arguments.';
    return fail(printable(message));
  }
}

function isDataCentreId(value: string): value is DataCentreId {
  return (DATA_CENTRE_IDS as readonly string[]).includes(value);
}

/** Echoed input is shortened and stripped of control characters, so a message stays one clean line. */
function printable(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return cleaned.length > 60 ? `${cleaned.slice(0, 60)}…` : cleaned;
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(error: string): Parsed<T> {
  return { ok: false, error };
}
