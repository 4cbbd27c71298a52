// What the logger does to every value before it is written: known secrets are cut out of every string
// (messages, nested fields, error messages and stacks, even object keys), fields whose name says
// "secret" are replaced whatever their value, and anything odd (cycles, getters that throw, huge or
// deeply nested values, class instances) becomes plain, bounded data. Pure, and never throws.
import { REDACTED, redact } from '../privacy/redact.js';

/** Field names whose value is never written, at any depth (compared lower-case, without _ and -). */
export const SENSITIVE_KEYS = [
  'password',
  'webtoken',
  'secret',
  'token',
  'arena_session_id',
  'arenaSessionId',
  'authorization',
  'proxyAuthorization',
  'cookie',
  'setCookie',
] as const;

const SENSITIVE = new Set(SENSITIVE_KEYS.map(normaliseKey));
/** Any name ending in one of these is sensitive too: userPassword, integrationSecret, accessToken. */
const SENSITIVE_ENDINGS = ['password', 'secret', 'token', 'sessionid'];

const MAX_DEPTH = 8;
const MAX_ARRAY_ITEMS = 100;
const MAX_KEYS = 100;
export const MAX_STRING_CHARS = 8_000;

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

export function isSensitiveKey(key: string): boolean {
  const normalised = normaliseKey(key);
  return SENSITIVE.has(normalised) || SENSITIVE_ENDINGS.some((ending) => normalised.endsWith(ending));
}

/** redact() from privacy, made total: a secret that cannot be URL-encoded (a lone surrogate) must not make logging throw. */
export function removeSecrets(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  try {
    return redact(text, secrets);
  } catch {
    let result = text;
    for (const secret of secrets) {
      if (secret.length < 4) continue;
      result = result.split(secret).join(REDACTED);
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret) result = result.split(escaped).join(REDACTED);
    }
    return result;
  }
}

/** removeSecrets, then bounded in length so one huge value cannot flood the log. */
export function scrubText(text: string, secrets: readonly string[]): string {
  const result = removeSecrets(text, secrets);
  return result.length > MAX_STRING_CHARS
    ? `${result.slice(0, MAX_STRING_CHARS)}… [${result.length - MAX_STRING_CHARS} more characters]`
    : result;
}

/** A plain, JSON-safe copy of value with every secret removed. */
export function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  return scrub(value, secrets, 0, new Set());
}

/** The fields of one log call: always a plain object (a non-object becomes { value }). */
export function scrubFields(fields: unknown, secrets: readonly string[]): Record<string, unknown> {
  const scrubbed = scrubValue(fields, secrets);
  if (typeof scrubbed === 'object' && scrubbed !== null && !Array.isArray(scrubbed)) return scrubbed as Record<string, unknown>;
  return scrubbed === undefined ? {} : { value: scrubbed };
}

function scrubPrimitive(value: unknown, secrets: readonly string[]): unknown {
  switch (typeof value) {
    case 'string':
      return scrubText(value, secrets);
    case 'bigint':
      return value.toString();
    case 'symbol':
      return scrubText(value.toString(), secrets);
    case 'function':
      return '[function]';
    default:
      return value;
  }
}

function scrub(value: unknown, secrets: readonly string[], depth: number, seen: Set<object>): unknown {
  try {
    if (typeof value !== 'object' || value === null) return scrubPrimitive(value, secrets);
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    try {
      if (value instanceof Error) return scrubError(value, secrets, depth, seen);
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
      if (Array.isArray(value)) {
        const items = value.slice(0, MAX_ARRAY_ITEMS).map((item: unknown) => scrub(item, secrets, depth + 1, seen));
        if (value.length > MAX_ARRAY_ITEMS) items.push(`[${value.length - MAX_ARRAY_ITEMS} more items]`);
        return items;
      }
      if (value instanceof Map)
        return scrub(Object.fromEntries([...value.entries()].map(([key, item]) => [String(key), item])), secrets, depth, seen);
      if (value instanceof Set) return scrub([...value], secrets, depth, seen);
      return scrubObject(value, secrets, depth, seen);
    } finally {
      seen.delete(value);
    }
  } catch {
    return '[unreadable]';
  }
}

function scrubObject(value: object, secrets: readonly string[], depth: number, seen: Set<object>): Record<string, unknown> {
  const keys = Object.keys(value);
  const entries: [string, unknown][] = [];
  for (const key of keys.slice(0, MAX_KEYS)) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      item = '[unreadable]';
    }
    entries.push([scrubText(key, secrets), isSensitiveKey(key) ? REDACTED : scrub(item, secrets, depth + 1, seen)]);
  }
  if (keys.length > MAX_KEYS) entries.push(['…', `${keys.length - MAX_KEYS} more fields`]);
  // fromEntries defines own properties, so a "__proto__" key stays data instead of changing the prototype.
  return Object.fromEntries(entries);
}

function scrubError(error: Error, secrets: readonly string[], depth: number, seen: Set<object>): Record<string, unknown> {
  const out: [string, unknown][] = [
    ['type', scrubText(safeString(() => error.name) ?? 'Error', secrets)],
    ['message', scrubText(safeString(() => error.message) ?? '', secrets)],
  ];
  const stack = safeString(() => error.stack);
  if (stack !== null) out.push(['stack', scrubText(stack, secrets)]);
  const code = safeRead(() => (error as { code?: unknown }).code);
  if (typeof code === 'string' || typeof code === 'number') out.push(['code', scrub(code, secrets, depth + 1, seen)]);
  const cause = safeRead(() => error.cause);
  if (cause !== undefined) out.push(['cause', scrub(cause, secrets, depth + 1, seen)]);
  return Object.fromEntries(out);
}

function safeRead(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function safeString(read: () => unknown): string | null {
  const value = safeRead(read);
  return typeof value === 'string' ? value : null;
}
