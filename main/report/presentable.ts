// What every rendering of a report starts from, and the last sweep it ends with: each string of the
// report through the one network-text sanitiser (no escape sequence, control or bidi character reaches a
// terminal, a file or the clipboard), and redacted of the secrets the caller still knows.
import type { CheckReport, ReachReport } from '../../common/check-report.js';
import { networkText } from '../privacy/network-text.js';
import { redact, redactValue } from '../privacy/redact.js';

export function presentable<T extends CheckReport | ReachReport>(report: T, secrets: readonly string[]): T {
  return redactValue(cleanStrings(report), secrets);
}

/** The rendered text, swept once more: a secret can only be here if a renderer put it together. */
export function swept(rendered: string, secrets: readonly string[]): string {
  return redact(rendered, secrets);
}

function cleanStrings<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return networkText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [networkText(key), clean(item)]));
  return value;
}
