// redact() over every string of a plain value (a report), keys included: the last sweep before a result is
// kept on disk, while the secrets of the check that produced it are still known.
import { redact, REDACTED } from './redact.js';

/** redact(), made total: a secret that cannot be URL-encoded (a lone surrogate) is still removed as typed. */
function redactText(text: string, secrets: readonly string[]): string {
  try {
    return redact(text, secrets);
  } catch {
    return secrets.reduce((result, secret) => (secret.length < 4 ? result : result.split(secret).join(REDACTED)), text);
  }
}

export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return sweep(value, secrets) as T;
}

function sweep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => sweep(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key, secrets), sweep(item, secrets)]));
  }
  return value;
}
