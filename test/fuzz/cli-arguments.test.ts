// parseCommandLine under fuzzing: arbitrary argv (control characters, --x= forms, very long values),
// secrets put where they do not belong, and valid command lines that must come back as the same options.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../../main/arena/client.js';
import { parseCommandLine, type CheckOptions } from '../../main/cli/arguments.js';
import { expectClearMessage, fuzzParameters, oddString, plantedSecret, PLANTED_SECRETS } from './clear-message.js';
import { customApiUrl, email, knownCentre, workspaceId } from './valid-inputs.js';

const COMMANDS = ['check', 'practice', 'scenarios', 'help', 'version', '--help', '-h', '--version'];
const OPTIONS = [
  'api-url',
  'data-centre',
  'data-center',
  'workspace-id',
  'email',
  'login-type',
  'user-email',
  'timeout',
  'json',
  'help',
  'proxy',
];
const SECRET_OPTIONS = ['webtoken', 'password', 'user-password', 'token', 'secret'];

const optionName = fc.oneof(fc.constantFrom(...OPTIONS, ...SECRET_OPTIONS), fc.string({ maxLength: 12 }));
const argument = fc.oneof(
  fc.constantFrom(...COMMANDS),
  optionName.map((name) => `--${name}`),
  fc.tuple(optionName, oddString).map(([name, value]) => `--${name}=${value}`),
  fc.tuple(fc.constantFrom('-', '--', '-x', '-h', '-j'), oddString).map(([prefix, value]) => prefix + value),
  oddString,
);
const argv = fc.oneof(
  fc.array(argument, { maxLength: 10 }),
  fc
    .tuple(fc.constantFrom('check', 'practice', 'scenarios'), fc.array(argument, { maxLength: 10 }))
    .map(([command, rest]) => [command, ...rest]),
);

function outcome(args: readonly string[]): ReturnType<typeof parseCommandLine> {
  let result: ReturnType<typeof parseCommandLine> | undefined;
  expect(() => (result = parseCommandLine(args)), 'parseCommandLine threw').not.toThrow();
  return result as ReturnType<typeof parseCommandLine>;
}

/** One option as argv words, in either form; a value starting with "-" needs the = form. */
function option(name: string, value: string, joined: boolean): string[] {
  return joined || value.startsWith('-') ? [`--${name}=${value}`] : [`--${name}`, value];
}

const padding = fc.constantFrom('', ' ', '  ', '\t');
const pad = (text: string) => fc.tuple(padding, padding).map(([before, after]) => `${before}${text}${after}`);

interface ValidCheck {
  argv: string[];
  /** argv after the command, one entry per option. */
  groups: string[][];
  expected: CheckOptions;
}

/** A valid `check` command line in random order and forms, and the options it must give. */
const validCheck: fc.Arbitrary<ValidCheck> = fc
  .record({
    target: fc.oneof(
      fc.record({
        kind: fc.constant('centre' as const),
        centre: knownCentre,
        alias: fc.boolean(),
        text: fc.constantFrom('lower', 'upper'),
        given: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('url' as const), url: customApiUrl, slash: fc.boolean() }),
    ),
    workspaceId,
    email,
    loginType: fc.option(fc.tuple(fc.constantFrom('webtoken', 'password'), fc.boolean()), { nil: null }),
    userEmail: fc.option(email, { nil: null }),
    timeout: fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: 300 }).map(String),
        fc.tuple(fc.integer({ min: 1, max: 299 }), fc.integer({ min: 0, max: 999 })).map(([whole, part]) => `${whole}.${part}`),
      ),
      { nil: null },
    ),
    json: fc.boolean(),
    joined: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    spaced: fc.tuple(pad('x'), pad('x'), pad('x'), pad('x')),
  })
  .chain((draw) => {
    const [wsPad, emailPad, userPad, centrePad] = draw.spaced.map((padded) => padded.split('x'));
    const around = (text: string, pair: string[] | undefined) => `${pair?.[0] ?? ''}${text}${pair?.[1] ?? ''}`;
    const words: string[][] = [];
    let apiUrl: string;
    let dataCentre: CheckOptions['dataCentre'];
    if (draw.target.kind === 'centre') {
      apiUrl = draw.target.centre.apiBase;
      dataCentre = draw.target.centre.id;
      const id = draw.target.text === 'upper' ? draw.target.centre.id.toUpperCase() : draw.target.centre.id;
      if (draw.target.given || dataCentre !== 'us')
        words.push(option(draw.target.alias ? 'data-center' : 'data-centre', around(id, centrePad), draw.joined[0] ?? false));
    } else {
      apiUrl = draw.target.url;
      dataCentre = 'custom';
      words.push(option('api-url', draw.target.slash ? `${draw.target.url}/` : draw.target.url, draw.joined[0] ?? false));
    }
    words.push(option('workspace-id', around(String(draw.workspaceId), wsPad), draw.joined[1] ?? false));
    words.push(option('email', around(draw.email, emailPad), draw.joined[2] ?? false));
    if (draw.loginType)
      words.push(option('login-type', draw.loginType[1] ? draw.loginType[0].toUpperCase() : draw.loginType[0], draw.joined[3] ?? false));
    if (draw.userEmail) words.push(option('user-email', around(draw.userEmail, userPad), draw.joined[4] ?? false));
    if (draw.timeout) words.push(option('timeout', draw.timeout, draw.joined[5] ?? false));
    if (draw.json) words.push(['--json']);
    const expected: CheckOptions = {
      apiUrl,
      dataCentre,
      workspaceId: draw.workspaceId,
      email: draw.email,
      loginType: (draw.loginType?.[0] ?? 'webtoken') as CheckOptions['loginType'],
      userEmail: draw.userEmail,
      timeoutMs: draw.timeout ? Math.round(Number(draw.timeout) * 1000) : DEFAULT_TIMEOUT_MS,
      json: draw.json,
    } as CheckOptions;
    return fc
      .shuffledSubarray(words, { minLength: words.length, maxLength: words.length })
      .map((groups) => ({ argv: ['check', ...groups.flat()], groups, expected }));
  });

describe('parseCommandLine under fuzzing', () => {
  it('never throws; every refusal is one clear line that does not echo a long argument whole', () => {
    fc.assert(
      fc.property(argv, (args) => {
        const result = outcome(args);
        if (!result.ok) expectClearMessage(result.error, { inputs: args, secrets: [] });
        else expect(['check', 'practice', 'scenarios', 'help', 'version']).toContain(result.value.command);
      }),
      fuzzParameters(1_000),
    );
  });

  it('refuses a secret given as an option, in any form and any command, and never repeats it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('check', 'practice', 'scenarios'),
        fc.constantFrom(...SECRET_OPTIONS),
        plantedSecret,
        fc.boolean(),
        fc.array(fc.constantFrom('--json', '--workspace-id=5', '--email=a@b.co'), { maxLength: 2 }),
        (command, name, secret, joined, others) => {
          const result = outcome([command, ...others, ...(joined ? [`--${name}=${secret}`] : [`--${name}`, secret])]);
          expect(result.ok).toBe(false);
          if (!result.ok) expectClearMessage(result.error, { secrets: PLANTED_SECRETS });
        },
      ),
      fuzzParameters(200),
    );
  });

  it('accepts a valid check command line, in any order and form, with the same values', () => {
    fc.assert(
      fc.property(validCheck, ({ argv: args, expected }) => {
        const result = outcome(args);
        expect(result.ok ? null : result.error).toBeNull();
        expect(result).toMatchObject({ ok: true, value: { command: 'check', options: expected } });
      }),
      fuzzParameters(300),
    );
  });

  it('refuses a bad value for one option with a clear line that names the option', () => {
    const targets = ['workspace-id', 'email', 'user-email', 'timeout', 'login-type', 'data-centre', 'api-url'] as const;
    fc.assert(
      fc.property(validCheck, fc.constantFrom(...targets), oddString, fc.boolean(), ({ groups }, target, value, joined) => {
        // The target replaces its own option, and --data-centre and --api-url replace each other.
        const clashing =
          target === 'data-centre' || target === 'api-url' ? ['--data-centre', '--data-center', '--api-url'] : [`--${target}`];
        const kept = groups.filter((words) => !clashing.some((name) => words[0]?.startsWith(name)));
        const broken = ['check', ...kept.flat(), ...option(target, value, joined)];
        const result = outcome(broken);
        if (result.ok) return;
        expectClearMessage(result.error, { inputs: broken, secrets: [], field: `--${target}` });
      }),
      fuzzParameters(1_000),
    );
  });

  it('practice and scenarios keep their own small grammar', () => {
    expect(outcome(['practice'])).toEqual({ ok: true, value: { command: 'practice', scenario: null, json: false } });
    expect(outcome(['practice', 'healthy', '--json'])).toEqual({
      ok: true,
      value: { command: 'practice', scenario: 'healthy', json: true },
    });
    expect(outcome(['scenarios', '--json'])).toEqual({ ok: true, value: { command: 'scenarios', json: true } });
  });
});
