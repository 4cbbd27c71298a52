// The service's last sweep at every sink: every answer and progress message to the window, the clipboard,
// saved reports, the settings file and the history are redacted of the secrets the service knows: those of the request
// being handled and those of the checks before it (so a report exported or copied later is swept too).
// They are held in memory only, the most recent few.
import { redact, redactValue } from '../privacy/redact.js';
import type { ServiceHost } from './host.js';

/** A check has up to three secrets (a WebToken or password, a user's password); a few checks' worth. */
const MAX_KNOWN = 12;

export interface SinkSweep {
  /** Secrets to sweep for from now on. */
  remember(secrets: readonly string[]): void;
  known(): string[];
  text(text: string): string;
  value<T>(value: T): T;
  /** The host, with every sink it offers swept. */
  sinks(host: ServiceHost): ServiceHost;
}

export function createSinkSweep(): SinkSweep {
  const secrets = new Set<string>();
  const sweep: SinkSweep = {
    remember(more) {
      for (const secret of more) {
        if (secret === '') continue;
        // Most recent last: a secret seen again moves to the end.
        secrets.delete(secret);
        secrets.add(secret);
      }
      for (const oldest of [...secrets].slice(0, Math.max(0, secrets.size - MAX_KNOWN))) secrets.delete(oldest);
    },
    known: () => [...secrets],
    text: (text) => redact(text, [...secrets]),
    value: (value) => redactValue(value, [...secrets]),
    sinks(host) {
      const { settings, history } = host;
      return {
        ...host,
        // A WebToken typed for a check and later pasted into a message to explain is swept from the history too.
        history: history && { ...history, add: (record) => history.add(sweep.value(record)) },
        writeClipboard: (text) => host.writeClipboard(sweep.text(text)),
        saveFile: (request) => host.saveFile({ ...request, content: sweep.text(request.content) }),
        settings: {
          read: () => settings.read(),
          write: (next) => settings.write(sweep.value(next)),
          update: (change) => settings.update((current) => sweep.value(change(current))),
        },
      };
    },
  };
  return sweep;
}
