// Reads the doctor command line into a typed command, or one clear message. Pure: never throws.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataCentreId, LoginType } from '../../common/check-report.js';
import {
  apiUrlProblem,
  connectTimeoutProblem,
  emailProblem,
  proxyUrlProblem,
  timeoutProblem,
  workspaceIdProblem,
} from '../../common/fields.js';
import { DATA_CENTRE_IDS, dataCentreById } from '../arena/data-centres.js';
import { normaliseProxyUrl, proxyFromEnvironment, proxyUrlOf, type ProxyRoute } from '../network/proxy.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from '../arena/client.js';
import { MAX_EXPLAIN_INPUT_CHARS } from '../../common/explanation.js';
import { printable } from '../../common/printable.js';

/** How to reach Arena, with no credential: all the reach command needs. */
export interface ReachOptions {
  apiUrl: string;
  dataCentre: DataCentreId | 'custom';
  /** The answer limit per request. */
  timeoutMs: number;
  /** The connect limit: DNS, TCP connect and TLS handshake each. */
  connectTimeoutMs: number;
  /** The HTTP(S) proxy to go through, or null for a direct connection. */
  proxyUrl: string | null;
  /** Where proxyUrl came from, for the admin: '--proxy', 'HTTPS_PROXY' or 'https_proxy'; null when direct. */
  proxySource: string | null;
  /** How the check reaches Arena and why (proxyUrl is its proxy): the report says why a check went direct. */
  route: ProxyRoute;
}

/** How to reach Arena and log in: shared by check and users. */
export interface ConnectionOptions extends ReachOptions {
  workspaceId: number;
  email: string;
  loginType: LoginType;
}

export interface CheckOptions extends ConnectionOptions {
  userEmail: string | null;
  json: boolean;
  /** Print the report as Markdown, to paste into a support ticket. */
  markdown: boolean;
}

/** The users check: which emails (a file, or a list on the command line) and how to print the result. */
export interface UsersOptions extends ConnectionOptions {
  emails: { from: 'file'; path: string } | { from: 'list'; text: string };
  output: 'text' | 'json' | 'csv';
}

/** The environment variables the CLI reads besides secrets (proxy settings). */
export type CliEnvironment = Readonly<Record<string, string | undefined>>;

export type CliCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'users'; options: UsersOptions }
  | { command: 'reach'; options: ReachOptions & { json: boolean } }
  | { command: 'practice'; scenario: string | null; json: boolean }
  | { command: 'scenarios'; json: boolean }
  /** text null: read it from standard input ("-"). */
  | { command: 'explain'; text: string | null; json: boolean }
  | { command: 'explain-list'; json: boolean }
  | { command: 'help' }
  | { command: 'version' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const USAGE = `Usage: doctor <command> [options]

Commands:
  check       Run the check Onshape runs against Arena, from this computer
  reach       Only test that this computer reaches Arena's API (no workspace, email or secret needed)
  users       Check a list of Onshape users against the workspace's Arena users, without their passwords
  practice    Run checks against the built-in Arena simulator: [SCENARIO], or every scenario
  scenarios   List the simulator's scenarios
  explain     Explain an error Onshape shows, from its text alone (no login, no network):
              explain TEXT... (the words joined by spaces; "-" reads standard input) [--json]
              explain --list [--json] prints every error Arena publishes: endpoint, code, title
  help        Show this help

check options:
  --api-url URL              Arena API base ending in /v1 (instead of --data-centre)
  --data-centre ID           ${DATA_CENTRE_IDS.join('|')} (default us)
  --workspace-id N           Arena workspace ID, a number (required)
  --email EMAIL              integration user's email (required)
  --login-type TYPE          webtoken|password (default webtoken)
  --user-email EMAIL         an Onshape user's Arena email: adds the authorize step
  --timeout SECONDS          per request (default ${DEFAULT_TIMEOUT_MS / 1000})
  --connect-timeout SECONDS  for DNS, connecting and the TLS handshake each, 1-60 (default ${DEFAULT_CONNECT_TIMEOUT_MS / 1000})
  --proxy URL|direct         go through this HTTP(S) proxy, e.g. http://proxy.company.com:8080 (no user
                             name or password in it); "direct" ignores HTTPS_PROXY
  --json                     print one JSON document
  --markdown                 print the report as Markdown (to paste into a support ticket)

reach options: --api-url, --data-centre, --proxy, --timeout, --connect-timeout and --json, as for check.
  Sends no credential: PUT /logout without a session, which Arena answers 401.
  Exit codes: 0 Arena was reached, 1 it was not (diagnosed), 2 bad usage.

users options (and the check's connection options above, except --user-email):
  --emails-file FILE         the Onshape users: one email a line, or a CSV such as an export of
                             Onshape's users (its email column is used)
  --emails LIST              the same, on the command line, separated by commas, semicolons or spaces
  --json                     print one JSON document: the check's, plus users, invalid and requestsUsed
  --csv                      print the per-user table as CSV
  Exit codes: 0 every user is ready, 1 a user is not (or a step failed), 2 bad usage or input.

Proxy: without --proxy, the proxy in HTTPS_PROXY (or https_proxy) is used unless NO_PROXY (or no_proxy)
names the API host ("*", a host, or a domain suffix such as .company.com). HTTP_PROXY is not read: the
check only speaks HTTPS to Arena.

Secrets are never taken on the command line. They come from ARENA_WEBTOKEN or ARENA_PASSWORD (by
login type) and ARENA_USER_PASSWORD, or from a hidden prompt when this is a terminal.

Exit codes: 0 every step passed, 1 a step failed (diagnosed), 2 bad usage or input, 3 internal error.
explain: 0 the message or code was recognised, 1 it was not (general guidance printed), 2 bad usage
(no text, or more than ${MAX_EXPLAIN_INPUT_CHARS} characters).`;

const CHECK_OPTIONS = {
  'api-url': { type: 'string' },
  'data-centre': { type: 'string' },
  'data-center': { type: 'string' },
  'workspace-id': { type: 'string' },
  email: { type: 'string' },
  'login-type': { type: 'string' },
  'user-email': { type: 'string' },
  timeout: { type: 'string' },
  'connect-timeout': { type: 'string' },
  proxy: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USERS_OPTIONS = {
  'api-url': CHECK_OPTIONS['api-url'],
  'data-centre': CHECK_OPTIONS['data-centre'],
  'data-center': CHECK_OPTIONS['data-center'],
  'workspace-id': CHECK_OPTIONS['workspace-id'],
  email: CHECK_OPTIONS.email,
  'login-type': CHECK_OPTIONS['login-type'],
  timeout: CHECK_OPTIONS.timeout,
  'connect-timeout': CHECK_OPTIONS['connect-timeout'],
  proxy: CHECK_OPTIONS.proxy,
  json: CHECK_OPTIONS.json,
  help: CHECK_OPTIONS.help,
  'emails-file': { type: 'string' },
  emails: { type: 'string' },
  csv: { type: 'boolean' },
} as const;

const SECRET_LIKE_OPTIONS = ['--webtoken', '--password', '--user-password', '--token', '--secret'];

export function parseCommandLine(argv: readonly string[], env: CliEnvironment = {}): Parsed<CliCommand> {
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
      return parseCheck(rest, env);
    case 'users':
      return parseUsers(rest, env);
    case 'reach':
      return parseReach(rest, env);
    case 'practice':
      return parsePractice(rest);
    case 'explain':
      return parseExplain(rest);
    case 'scenarios': {
      const listing = parseListing(rest, false);
      return listing.ok ? ok({ command: 'scenarios', json: listing.value.json }) : listing;
    }
    default:
      return fail(`Unknown command "${printable(command)}". Commands: check, reach, users, practice, scenarios, explain, help.`);
  }
}

/**
 * explain's words are the admin's pasted text, so they are not run through parseArgs: a word such as
 * "-1" or "--" inside a message is text. Only --json, --list and --help are options; "--" ends them.
 */
function parseExplain(rest: readonly string[]): Parsed<CliCommand> {
  let json = false;
  let list = false;
  const words: string[] = [];
  let optionsEnded = false;
  for (const word of rest) {
    if (!optionsEnded && word === '--') optionsEnded = true;
    else if (!optionsEnded && word === '--json') json = true;
    else if (!optionsEnded && word === '--list') list = true;
    else if (!optionsEnded && (word === '--help' || word === '-h')) return ok({ command: 'help' });
    else words.push(word);
  }
  if (list) return words.length > 0 ? fail('explain --list takes no text.') : ok({ command: 'explain-list', json });
  if (words.length === 1 && words[0] === '-') return ok({ command: 'explain', text: null, json });
  const text = words.join(' ');
  if (text.trim() === '') return fail('explain needs the error text: doctor explain TEXT... (or "-" to read it from standard input).');
  if (text.length > MAX_EXPLAIN_INPUT_CHARS) return fail(tooLongForExplain(text.length));
  return ok({ command: 'explain', text, json });
}

export function tooLongForExplain(length: number): string {
  return `The text is ${length} characters; explain takes at most ${MAX_EXPLAIN_INPUT_CHARS}. Paste only the error message.`;
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

function refuseSecretOptions(rest: readonly string[]): Parsed<null> {
  const secretOption = rest.find((argument) => SECRET_LIKE_OPTIONS.some((name) => argument === name || argument.startsWith(`${name}=`)));
  if (secretOption) {
    return fail(
      'Secrets are not accepted on the command line (other users can read it); set ARENA_WEBTOKEN, ARENA_PASSWORD or ARENA_USER_PASSWORD, or answer the prompt.',
    );
  }
  return ok(null);
}

function parseCheck(rest: readonly string[], env: CliEnvironment): Parsed<CliCommand> {
  const refused = refuseSecretOptions(rest);
  if (!refused.ok) return refused;
  const parsed = safeParse(rest, CHECK_OPTIONS, false);
  if (!parsed.ok) return parsed;
  const values = parsed.value.values;
  if (values.help) return ok({ command: 'help' });
  const connection = parseConnection(values, env);
  if (!connection.ok) return connection;

  let userEmail: string | null = null;
  if (values['user-email'] !== undefined) {
    const problem = emailProblem(values['user-email'], 'Onshape user');
    if (problem) return fail(`--user-email: ${problem}`);
    userEmail = values['user-email'].trim();
  }
  if (values.json === true && values.markdown === true) return fail('--json and --markdown: choose one output.');
  return ok({
    command: 'check',
    options: { ...connection.value, userEmail, json: values.json === true, markdown: values.markdown === true },
  });
}

/** reach takes where Arena is and how to get there, nothing that identifies a workspace or a user. */
const REACH_OPTIONS = {
  'api-url': CHECK_OPTIONS['api-url'],
  'data-centre': CHECK_OPTIONS['data-centre'],
  'data-center': CHECK_OPTIONS['data-center'],
  timeout: CHECK_OPTIONS.timeout,
  'connect-timeout': CHECK_OPTIONS['connect-timeout'],
  proxy: CHECK_OPTIONS.proxy,
  json: CHECK_OPTIONS.json,
  help: CHECK_OPTIONS.help,
} as const;

function parseReach(rest: readonly string[], env: CliEnvironment): Parsed<CliCommand> {
  const refused = refuseSecretOptions(rest);
  if (!refused.ok) return refused;
  const parsed = safeParse(rest, REACH_OPTIONS, false);
  if (!parsed.ok) return parsed;
  const values = parsed.value.values;
  if (values.help) return ok({ command: 'help' });
  const target = parseReachTarget(values, env);
  if (!target.ok) return target;
  return ok({ command: 'reach', options: { ...target.value, json: values.json === true } });
}

function parseUsers(rest: readonly string[], env: CliEnvironment): Parsed<CliCommand> {
  const refused = refuseSecretOptions(rest);
  if (!refused.ok) return refused;
  const parsed = safeParse(rest, USERS_OPTIONS, false);
  if (!parsed.ok) return parsed;
  const values = parsed.value.values;
  if (values.help) return ok({ command: 'help' });
  const file = values['emails-file'];
  const list = values.emails;
  if ((file === undefined) === (list === undefined)) {
    return fail('Give the Onshape users with either --emails-file FILE or --emails LIST (one of them).');
  }
  if (values.json && values.csv) return fail('Give either --json or --csv, not both.');
  const connection = parseConnection(values, env);
  if (!connection.ok) return connection;
  if (file !== undefined && file.trim() === '') return fail('--emails-file: give the path of the file that lists the Onshape users.');
  return ok({
    command: 'users',
    options: {
      ...connection.value,
      emails: file !== undefined ? { from: 'file', path: file } : { from: 'list', text: list ?? '' },
      output: values.json ? 'json' : values.csv ? 'csv' : 'text',
    },
  });
}

/** The option values both check and users read. */
interface ConnectionValues {
  'api-url'?: string;
  'data-centre'?: string;
  'data-center'?: string;
  'workspace-id'?: string;
  email?: string;
  'login-type'?: string;
  timeout?: string;
  'connect-timeout'?: string;
  proxy?: string;
}

function parseConnection(values: ConnectionValues, env: CliEnvironment): Parsed<ConnectionOptions> {
  const target = parseReachTarget(values, env);
  if (!target.ok) return target;

  if (values['workspace-id'] === undefined)
    return fail('--workspace-id is required: the number of the Arena workspace Onshape connects to.');
  const workspaceProblem = workspaceIdProblem(values['workspace-id']);
  if (workspaceProblem) return fail(`--workspace-id: ${workspaceProblem}`);

  if (values.email === undefined) return fail("--email is required: the integration user's email (the user the WebToken belongs to).");
  const emailIssue = emailProblem(values.email, 'integration user');
  if (emailIssue) return fail(`--email: ${emailIssue}`);

  const loginType = (values['login-type'] ?? 'webtoken').trim().toLowerCase();
  if (loginType !== 'webtoken' && loginType !== 'password') return fail('--login-type must be webtoken or password.');

  return ok({ ...target.value, workspaceId: Number(values['workspace-id'].trim()), email: values.email.trim(), loginType });
}

/** Where Arena is (--api-url or --data-centre), the proxy and the two time limits: no credential. */
function parseReachTarget(values: ConnectionValues, env: CliEnvironment): Parsed<ReachOptions> {
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

  const limits = parseLimits(values.timeout, values['connect-timeout']);
  if (!limits.ok) return limits;

  const proxy = chooseProxy(values.proxy, apiUrl, env);
  if (!proxy.ok) return proxy;

  const { route, source } = proxy.value;
  return ok({ apiUrl, dataCentre, ...limits.value, proxyUrl: proxyUrlOf(route), proxySource: source, route });
}

/** --timeout (the answer limit) and --connect-timeout (DNS, TCP, TLS), in seconds, as milliseconds. */
function parseLimits(
  timeout: string | undefined,
  connectTimeout: string | undefined,
): Parsed<{ timeoutMs: number; connectTimeoutMs: number }> {
  const seconds = (text: string): number => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN);
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (timeout !== undefined) {
    const problem = timeoutProblem(seconds(timeout));
    if (problem) return fail(`--timeout: ${problem}`);
    timeoutMs = Math.round(seconds(timeout) * 1000);
  }
  let connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  if (connectTimeout !== undefined) {
    const problem = connectTimeoutProblem(seconds(connectTimeout));
    if (problem) return fail(`--connect-timeout: ${problem}`);
    connectTimeoutMs = Math.round(seconds(connectTimeout) * 1000);
  }
  return ok({ timeoutMs, connectTimeoutMs });
}

/**
 * --proxy wins; "direct" means none; otherwise HTTPS_PROXY / https_proxy unless NO_PROXY names the host.
 * The route says which, so the report can say why a check went direct.
 */
function chooseProxy(
  option: string | undefined,
  apiUrl: string,
  env: CliEnvironment,
): Parsed<{ route: ProxyRoute; source: string | null }> {
  if (option !== undefined) {
    if (option.trim().toLowerCase() === 'direct') return ok({ route: { via: 'direct', chosenBy: 'setting' }, source: null });
    const problem = proxyUrlProblem(option);
    if (problem) return fail(`--proxy: ${problem}`);
    return ok({ route: { via: 'proxy', proxyUrl: normaliseProxyUrl(option), chosenBy: 'setting' }, source: '--proxy' });
  }
  const named = proxyFromEnvironment(apiUrl, env);
  if (named.kind === 'direct') return ok({ route: { via: 'direct', chosenBy: named.because }, source: null });
  const problem = proxyUrlProblem(named.value);
  if (problem) return fail(`${named.variable}: ${problem} Use --proxy URL or --proxy direct instead.`);
  return ok({ route: { via: 'proxy', proxyUrl: normaliseProxyUrl(named.value), chosenBy: 'environment' }, source: named.variable });
}

const MAX_ARGUMENT_LENGTH = 4096;

/** node:util parseArgs, with its thrown errors turned into a one-line message. */
function safeParse<T extends ParseArgsConfig['options']>(
  args: readonly string[],
  options: T,
  allowPositionals: boolean,
): Parsed<ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: boolean }>>> {
  // parseArgs takes quadratic time on a long "-abc…" group (40,000 characters: over half a second).
  const long = args.findIndex((argument) => argument.length > MAX_ARGUMENT_LENGTH);
  if (long !== -1) {
    const joined = /^--([\w-]{1,40})=/.exec(args[long] ?? '')?.[1];
    const before = /^--([\w-]{1,40})$/.exec(args[long - 1] ?? '')?.[1];
    const name = joined ?? (before !== undefined && options?.[before]?.type === 'string' ? before : undefined);
    return fail(
      `${name ? `--${name}: the value` : 'An argument'} is longer than ${MAX_ARGUMENT_LENGTH} characters; check what was pasted.`,
    );
  }
  const joined = joinDashValues(args, options);
  if (!joined.ok) return joined;
  try {
    return ok(parseArgs({ args: joined.value, options, strict: true, allowPositionals }));
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first line only.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'Invalid arguments.';
    return fail(printable(message));
  }
}

/**
 * parseArgs refuses "--workspace-id -5" as ambiguous (the value starts with a dash). A value that is not
 * one of our options is taken as the value ("--workspace-id=-5"), so the field's own rule explains what is
 * wrong with it; an option where a value belongs is named as such.
 */
function joinDashValues(args: readonly string[], options: ParseArgsConfig['options']): Parsed<string[]> {
  const result: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index] ?? '';
    const name = /^--([\w-]+)$/.exec(argument)?.[1];
    const next = args[index + 1];
    if (name === undefined || options?.[name]?.type !== 'string' || next === undefined || !next.startsWith('-') || next === '-') {
      result.push(argument);
      continue;
    }
    if (isOptionName(next, options)) return fail(`--${name} needs a value, but the next argument is the option "${printable(next)}".`);
    result.push(`--${name}=${next}`);
    index += 1;
  }
  return ok(result);
}

function isOptionName(argument: string, options: ParseArgsConfig['options']): boolean {
  const long = /^--([\w-]+)(=|$)/.exec(argument)?.[1];
  if (long !== undefined) return Object.hasOwn(options ?? {}, long);
  const short = /^-([A-Za-z])$/.exec(argument)?.[1];
  return short !== undefined && Object.values(options ?? {}).some((option) => option.short === short);
}

function isDataCentreId(value: string): value is DataCentreId {
  return (DATA_CENTRE_IDS as readonly string[]).includes(value);
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(error: string): Parsed<T> {
  return { ok: false, error };
}
