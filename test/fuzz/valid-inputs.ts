// Generators of valid inputs, by the field rules in common/fields.ts: a valid input must be accepted with
// the same values. Shared by the payload, service, settings and command-line fuzz tests.
import fc from 'fast-check';
import { defineOwn, nastyString, plantedSecret } from './clear-message.js';
import type { DataCentreId, DiagnosisPathEntry } from '../../common/check-report.js';
import type { ConnectionDetails, DoctorMethod, PayloadOf, ProxySetting, SavedProfile, SecretInput } from '../../common/ipc/contract.js';
import { DATA_CENTRES } from '../../main/arena/data-centres.js';

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');

export const label = fc.string({ unit: alnum, minLength: 1, maxLength: 12 });
export const hostName = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.string({ unit: lower, minLength: 2, maxLength: 6 }))
  .map(([labels, tld]) => [...labels, tld].join('.'));

export const email = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._+-'), minLength: 1, maxLength: 20 }), hostName)
  .map(([local, host]) => `${local}@${host}`);

export const workspaceId = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

export const customApiUrl = fc.oneof(
  fc
    .tuple(hostName, fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }), fc.array(label, { maxLength: 2 }))
    .map(([host, port, segments]) => `https://${host}${port === null ? '' : `:${port}`}/${[...segments, 'v1'].join('/')}`),
  fc.integer({ min: 1, max: 65_535 }).map((port) => `http://127.0.0.1:${port}/v1`),
);

export const knownCentre = fc.constantFrom(...DATA_CENTRES);

export const connectionDetails: fc.Arbitrary<ConnectionDetails> = fc
  .record({
    centre: fc.oneof(
      knownCentre.map((centre) => ({ id: centre.id as DataCentreId | 'custom', apiUrl: centre.apiBase })),
      customApiUrl.map((apiUrl) => ({ id: 'custom' as const, apiUrl })),
    ),
    workspaceId,
    integrationEmail: email,
    loginType: fc.constantFrom('webtoken' as const, 'password' as const),
    userEmail: fc.option(email, { nil: null }),
  })
  .map(({ centre, ...rest }) => ({ dataCentre: centre.id, apiUrl: centre.apiUrl, ...rest }));

export const proxySetting: fc.Arbitrary<ProxySetting> = fc.oneof(
  fc.constant({ mode: 'system' as const }),
  fc.constant({ mode: 'direct' as const }),
  fc
    .tuple(fc.constantFrom('http', 'https'), hostName, fc.integer({ min: 1, max: 65_535 }))
    .map(([scheme, host, port]) => ({ mode: 'manual' as const, url: `${scheme}://${host}:${port}` })),
);

export const secretInput: fc.Arbitrary<SecretInput> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1024 }).map((value) => ({ source: 'typed' as const, value })),
  fc.constant({ source: 'remembered' as const }),
  fc.constant({ source: 'none' as const }),
);

const ticketUnit = fc.constantFrom(...'abcXYZ0189_ .#/-');
/** A ticket without surrounding spaces (the schema trims), or null. */
export const supportTicket = fc.option(
  fc.string({ unit: ticketUnit, minLength: 1, maxLength: 64 }).filter((ticket) => ticket.trim() === ticket && ticket !== ''),
  { nil: null },
);

export const diagnosisPath: fc.Arbitrary<DiagnosisPathEntry[]> = fc.array(
  fc.record({
    step: fc.constantFrom('login' as const, 'authorize' as const, 'logout' as const),
    diagnosisId: fc.string({ maxLength: 100 }),
    answers: fc.array(
      fc.record({
        causeId: fc.string({ maxLength: 100 }),
        question: fc.string({ maxLength: 1000 }),
        answer: fc.constantFrom('yes' as const, 'no' as const, 'not-sure' as const),
      }),
      { maxLength: 5 },
    ),
    concludedCauseId: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
  }),
  { maxLength: 4 },
);

export const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** The connect limit's range, 1–60 s, whole or not. */
export const connectTimeoutSeconds: fc.Arbitrary<number> = fc.double({ min: 1, max: 60, noNaN: true });

export const savedProfile: fc.Arbitrary<SavedProfile> = fc.record(
  {
    details: connectionDetails,
    remember: fc.boolean(),
    proxy: proxySetting,
    connectTimeoutSeconds,
    lastReport: fc.option(fc.record({ createdAt: isoDate, ok: fc.boolean(), headline: fc.string({ maxLength: 1000 }) }), { nil: null }),
  },
  { requiredKeys: ['details', 'remember', 'proxy', 'lastReport'] },
);

/** The history store's ids: random base64url. */
export const historyId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

/** Pasted text: anything with a non-blank character, up to the limit. */
const copyFormat = fc.constantFrom('text' as const, 'md' as const);

const explainText: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 10_000 }).filter((text) => text.trim() !== '');

const explainAnswers = fc.option(
  fc.record({
    diagnosisId: fc.string({ maxLength: 100 }),
    answers: fc.array(
      fc.record({
        causeId: fc.string({ maxLength: 100 }),
        question: fc.string({ maxLength: 1000 }),
        answer: fc.constantFrom('yes' as const, 'no' as const, 'not-sure' as const),
      }),
      { maxLength: 5 },
    ),
    concludedCauseId: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
  }),
  { nil: null },
);

/** A valid payload for each IPC method. */
type Valid = { [M in DoctorMethod]: fc.Arbitrary<PayloadOf<M>> };

export const VALID_PAYLOADS: Valid = {
  getStartup: fc.constant(undefined),
  listScenarios: fc.constant(undefined),
  cancelCheck: fc.constant(undefined),
  rememberedFor: connectionDetails,
  forgetSecrets: connectionDetails,
  runCheck: fc.record({
    details: connectionDetails,
    integrationSecret: secretInput,
    userPassword: secretInput,
    remember: fc.boolean(),
    confirmedChange: fc.boolean(),
    proxy: proxySetting,
    connectTimeoutSeconds: fc.option(connectTimeoutSeconds, { nil: undefined }),
  }),
  recheckUser: fc.record({
    details: fc.tuple(connectionDetails, email).map(([details, userEmail]) => ({ ...details, userEmail })),
    integrationSecret: secretInput,
    userPassword: secretInput,
    remember: fc.boolean(),
    proxy: proxySetting,
    userChangeConfirmed: fc.boolean(),
  }),
  gateFor: fc.record({ details: connectionDetails, integrationSecret: secretInput, userPassword: secretInput }),
  runReach: fc.record(
    {
      target: connectionDetails.map(({ dataCentre, apiUrl }) => ({ dataCentre, apiUrl })),
      proxy: proxySetting,
      connectTimeoutSeconds: connectTimeoutSeconds,
    },
    { requiredKeys: ['target', 'proxy'] },
  ),
  runPractice: fc.record({ scenario: fc.string({ minLength: 1, maxLength: 100 }) }),
  previewUsers: fc.string({ maxLength: 2000 }),
  runUsersCheck: fc.record({
    details: connectionDetails,
    integrationSecret: secretInput,
    remember: fc.boolean(),
    confirmedChange: fc.boolean(),
    proxy: proxySetting,
    connectTimeoutSeconds: fc.option(connectTimeoutSeconds, { nil: undefined }),
    emailsText: fc.string({ maxLength: 2000 }),
  }),
  exportReport: fc.record({
    format: fc.constantFrom('html' as const, 'json' as const, 'csv' as const, 'md' as const),
    supportTicket,
    diagnosisPath,
    historyId: fc.option(historyId, { nil: null }),
  }),
  copyReportSummary: fc.record({ format: copyFormat, supportTicket, diagnosisPath, historyId: fc.option(historyId, { nil: null }) }),
  listHistory: fc.constant(undefined),
  clearHistory: fc.constant(undefined),
  openHistory: historyId,
  deleteHistory: historyId,
  copyText: fc.string({ minLength: 1, maxLength: 20_000 }),
  openExternal: fc.string({ maxLength: 2048 }),
  explainMessage: fc.record({ text: explainText }),
  exportExplanation: fc.record({
    format: fc.constantFrom('html' as const, 'json' as const, 'md' as const),
    text: explainText,
    chosenId: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    answers: explainAnswers,
    historyId: fc.option(historyId, { nil: null }),
  }),
  copyExplanation: fc.record({
    format: copyFormat,
    text: explainText,
    chosenId: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    answers: explainAnswers,
    historyId: fc.option(historyId, { nil: null }),
  }),
};

// Breaking a valid value in one way: a wrong type, an extra or missing key, a huge, odd or secret-looking string.

type Path = readonly (string | number)[];
export type Mutation = { payload: unknown; field: string | null; mustFail: boolean; kind: string };

/** Every node of a JSON-like value with its path. */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const found: { path: Path; value: unknown }[] = [{ path, value }];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...nodes(item, [...path, index])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) found.push(...nodes(item, [...path, key]));
  return found;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** value with the node at path replaced by change(old node) (root included). */
function changeAt(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(clone(value));
  const copy = clone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  parent[last] = change(parent[last]);
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'password', 'webtoken', 'arenaSessionId'),
  plantedSecret,
  nastyString,
);
const fieldOf = (path: Path): string | null => (path.length === 0 ? null : path.join('.'));

/** A valid value broken in one way; says which field a message should name, and whether it must be refused. */
/** Methods whose whole payload is a file's text (megabytes allowed), so a 60 000-character one is not huge. */
export const LARGE_TEXT_METHODS: readonly string[] = ['previewUsers'];

/** Keys a payload or a settings file may leave out (the default applies): missing, they are still valid. */
const OPTIONAL_KEYS: readonly string[] = ['connectTimeoutSeconds'];

export function broken(validValues: fc.Arbitrary<unknown>, largeText = false): fc.Arbitrary<Mutation> {
  return validValues.chain((valid) => {
    const all = nodes(valid);
    const objects = all.filter((node) => isPlainObject(node.value));
    const strings = all.filter((node) => typeof node.value === 'string');
    const options: fc.Arbitrary<Mutation>[] = [
      // A wrong type: a string becomes a number, a null a number, anything else a string.
      fc.constantFrom(...all).map(({ path, value }) => ({
        payload: changeAt(valid, path, () => (typeof value === 'string' || value === null ? 42 : 'x')),
        field: fieldOf(path),
        mustFail: true,
        kind: 'wrong type',
      })),
    ];
    if (objects.length > 0) {
      options.push(
        fc
          .tuple(fc.constantFrom(...objects), extraKey, fc.jsonValue({ maxDepth: 1 }))
          .filter(([node, key]) => !Object.hasOwn(node.value as object, key))
          .map(([{ path }, key, extra]) => ({
            payload: changeAt(valid, path, (node) => defineOwn(node as object, key, extra)),
            field: fieldOf(path),
            mustFail: true,
            kind: 'extra key',
          })),
      );
      const withKeys = objects.filter((node) => Object.keys(node.value as object).length > 0);
      if (withKeys.length > 0) {
        options.push(
          fc.constantFrom(...withKeys).chain(({ path, value }) =>
            fc.constantFrom(...Object.keys(value as object)).map((key) => ({
              payload: changeAt(valid, path, (node) => {
                const copy = { ...(node as Record<string, unknown>) };
                delete copy[key];
                return copy;
              }),
              field: fieldOf([...path, key]),
              mustFail: !OPTIONAL_KEYS.includes(key),
              kind: 'missing key',
            })),
          ),
        );
      }
    }
    // A list of Onshape users may be a whole file's text (megabytes): 60 000 characters is not huge for it.
    const bounded = strings.filter(({ path }) => !(largeText && path.length === 0) && path.at(-1) !== 'emailsText');
    if (bounded.length > 0) {
      options.push(
        fc
          .tuple(fc.constantFrom(...bounded), fc.oneof(fc.constant('x'), plantedSecret), fc.integer({ min: 20_001, max: 60_000 }))
          .map(([{ path }, unit, length]) => ({
            payload: changeAt(valid, path, () => unit.repeat(Math.ceil(length / unit.length))),
            field: fieldOf(path),
            mustFail: true,
            kind: 'huge string',
          })),
      );
    }
    if (strings.length > 0) {
      options.push(
        fc
          .tuple(fc.constantFrom(...strings), nastyString)
          .map(([{ path }, text]) => ({ payload: changeAt(valid, path, () => text), field: null, mustFail: false, kind: 'odd string' })),
      );
    }
    return fc.oneof(...options);
  });
}
