// Shared by the fuzz tests: what a "clear message" is, the secrets we plant, the seed and run counts.
import fc from 'fast-check';
import { expect } from 'vitest';

/** Reproducible by default; FUZZ_SEED=<n> replays another run (fast-check prints the seed on failure). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_250_304);
export const fuzzParameters = (numRuns: number): fc.Parameters<unknown> => ({ seed: FUZZ_SEED, numRuns });

/** Strings that look like the secrets this tool handles: they must never come back in a message. */
export const PLANTED_SECRETS = [
  'WT-planted-9f8e7d6c5b4a3928',
  'pw-planted-Xq81!zz-Lm2',
  'sess-planted-77aa01bb22cc',
  'planted"secret\\with\nbreaks',
] as const;

export const plantedSecret = fc.constantFrom(...PLANTED_SECRETS);

/** A message longer than this is not one plain sentence. */
export const MAX_MESSAGE_CHARS = 300;
/** An input at least this long must never be echoed whole. */
export const LONG_INPUT_CHARS = 61;

// C0 and C1 controls, DEL, and Unicode line and paragraph separators: any of them breaks "one line".
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export interface ClearMessageRules {
  /** Every string the input held (values and keys). */
  inputs?: readonly string[];
  /** The message must name this field (e.g. "details.workspaceId" or "--timeout"). */
  field?: string | undefined;
  /** The secrets that must not come back; default every planted one. */
  secrets?: readonly string[];
}

/** Asserts message is one plain, bounded line that echoes no planted secret and no long input. */
export function expectClearMessage(message: unknown, rules: ClearMessageRules = {}): void {
  expect(typeof message).toBe('string');
  const text = String(message);
  expect(text.trim()).not.toBe('');
  expect(text, 'one line, no control characters').not.toMatch(LINE_BREAKING);
  expect(text.length, text.slice(0, 400)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  for (const secret of rules.secrets ?? PLANTED_SECRETS) {
    for (const form of new Set([secret, secret.replace(/[\u0000-\u001f]/g, '?'), secret.slice(0, 12)])) {
      expect(text, 'a planted secret is echoed').not.toContain(form);
    }
  }
  for (const input of rules.inputs ?? []) {
    if (input.length >= LONG_INPUT_CHARS) expect(text, 'a long input is echoed whole').not.toContain(input);
  }
  if (rules.field !== undefined) expect(text, `names ${rules.field}`).toContain(rules.field);
}

/** Every string in a value, keys included (own keys, so "__proto__" counts). */
export function stringsIn(value: unknown, found: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') found.push(value);
  else if (typeof value === 'object' && value !== null && depth < 20) {
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') continue;
      found.push(key);
      stringsIn((value as Record<string, unknown>)[key], found, depth + 1);
    }
  }
  return found;
}

/** Strings that stress a parser: controls, astral and combining characters, bidi overrides, huge ones. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\n', '\r', '\t', '\u001b', '\u0085', '\u009b', '\u2028', '\u202e', '\ud800', '"', '\\', '=', '-', ' '),
  }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''),
  fc.integer({ min: 100, max: 40_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 1, max: 200 }).map((length) => `${'\u{1F600}'.repeat(length)}é\u0301`),
);

/** oddString, and planted secrets alone or inside other text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  oddString,
  plantedSecret,
  fc.tuple(fc.string(), plantedSecret, fc.string()).map(([before, secret, after]) => before + secret + after),
);

/** Sets an own property even for "__proto__", as JSON.parse and structured clone do. */
export function defineOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}
