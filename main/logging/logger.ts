// The support log: JSON lines (pino) in a size-rotated file (rotating-file-stream, in-process: no worker
// thread, so it works from inside the packaged asar). Redaction happens here, in the logger, for every
// caller: fields named like a secret are censored at any depth (pino's path redaction, and our own
// key rule below it), and the live secrets of the running check are cut out of every message, string
// field, error message and stack, and finally out of the written line itself. Logging never throws.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { REDACTED } from '../privacy/redact.js';
import { removeSecrets, scrubFields, scrubText, SENSITIVE_KEYS } from './scrub.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;
export type AddSecrets = (secrets: readonly string[]) => void;

export interface AppLogger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  /**
   * Runs work with these secrets known to the logger: they are removed from everything logged meanwhile,
   * and forgotten when work ends. work may add secrets it learns on the way (e.g. loaded from the keychain).
   */
  withSecrets<T>(secrets: readonly string[], work: (addSecrets: AddSecrets) => Promise<T>): Promise<T>;
  /** Resolves once every line logged so far is in the file (rotation included). */
  flush(): Promise<void>;
  /** Flushes and closes the file; later calls log nothing. */
  close(): Promise<void>;
  /** The current log file, or null when nothing is written (no directory, or it could not be written). */
  readonly filePath: string | null;
}

export interface LoggerOptions {
  directory: string;
  fileName?: string;
  level?: LogLevel;
  /** A file is rotated once it reaches this size. Default 1 MiB. */
  maxBytes?: number;
  /** Files kept, the current one included (at least 2). Default 5. */
  maxFiles?: number;
  /** Told once, in plain words, when the log cannot be written. Default: one line on stderr. */
  onProblem?: (message: string) => void;
}

export const LOG_FILE_NAME = 'arena-connect-doctor.log';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_FILES = 5;
const FLUSH_LIMIT_MS = 5_000;
const REDACT_DEPTH = 5;

/** pino paths for every sensitive key, at the top level and under up to REDACT_DEPTH - 1 wildcards. */
export const REDACT_PATHS: string[] = SENSITIVE_KEYS.flatMap((key) =>
  Array.from({ length: REDACT_DEPTH }, (_unused, depth) => [...Array<string>(depth).fill('*'), key].join('.')),
);

/** A logger that writes nothing: for tests and the command line (which prints instead). */
export const nullLogger: AppLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  withSecrets: (_secrets, work) => work(() => undefined),
  flush: async () => undefined,
  close: async () => undefined,
  filePath: null,
};

export function createLogger(options: LoggerOptions): AppLogger {
  const fileName = options.fileName ?? LOG_FILE_NAME;
  const filePath = join(options.directory, fileName);
  const maxBytes = Math.max(1024, Math.floor(options.maxBytes ?? DEFAULT_MAX_BYTES));
  const maxFiles = Math.max(2, Math.floor(options.maxFiles ?? DEFAULT_MAX_FILES));
  const onProblem = options.onProblem ?? ((message: string) => void process.stderr.write(`${message}\n`));

  const live = new Map<string, number>();
  const secrets = (): string[] => [...live.keys()];

  let problemTold = false;
  const tellProblem = (message: string): void => {
    if (problemTold) return;
    problemTold = true;
    try {
      onProblem(message);
    } catch {
      // Whoever listens must not break logging either.
    }
  };

  let stream: RotatingFileStream | null = openStream(options.directory, fileName, filePath, maxBytes, maxFiles, tellProblem);
  let lastWrite: Promise<void> = Promise.resolve();

  const stop = (error: unknown): void => {
    if (!stream) return;
    const broken = stream;
    stream = null;
    tellProblem(`Arena Connect Doctor stopped writing its log ${filePath} (${describe(error)}); it goes on without one.`);
    broken.destroy();
  };
  stream?.on('error', stop);

  const destination = {
    write(line: string): void {
      const current = stream;
      if (!current) return;
      // The last line of defence: a secret that reached the serialised line anyway is cut out of it.
      const clean = removeSecrets(line, secrets());
      lastWrite = new Promise<void>((resolve) => {
        try {
          current.write(clean, (error) => {
            if (error) stop(error);
            resolve();
          });
        } catch (error) {
          stop(error);
          resolve();
        }
      });
    },
  };

  const logger: Logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Errors arrive already turned into scrubbed plain objects; pino's own error serializer would reshape them.
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );

  const log = (level: LogLevel, fields: LogFields, message: string): void => {
    try {
      if (!stream || !logger.isLevelEnabled(level)) return;
      const known = secrets();
      logger[level](scrubFields(fields, known), scrubText(typeof message === 'string' ? message : String(message), known));
    } catch {
      // Logging never takes the app down.
    }
  };

  const flush = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, FLUSH_LIMIT_MS);
      timer.unref();
    });
    await Promise.race([lastWrite, limit]);
    clearTimeout(timer);
  };

  return {
    debug: (fields, message) => log('debug', fields, message),
    info: (fields, message) => log('info', fields, message),
    warn: (fields, message) => log('warn', fields, message),
    error: (fields, message) => log('error', fields, message),
    async withSecrets<T>(list: readonly string[], work: (addSecrets: AddSecrets) => Promise<T>): Promise<T> {
      const added: string[] = [];
      let open = true;
      const addSecrets: AddSecrets = (more) => {
        if (!open) return;
        for (const secret of more) {
          if (typeof secret !== 'string' || secret === '') continue;
          added.push(secret);
          live.set(secret, (live.get(secret) ?? 0) + 1);
        }
      };
      addSecrets(list);
      try {
        return await work(addSecrets);
      } finally {
        open = false;
        for (const secret of added) {
          const count = (live.get(secret) ?? 1) - 1;
          if (count <= 0) live.delete(secret);
          else live.set(secret, count);
        }
      }
    },
    flush,
    async close(): Promise<void> {
      await flush();
      const current = stream;
      stream = null;
      if (!current) return;
      await new Promise<void>((resolve) => {
        current.end(() => resolve());
        setTimeout(resolve, FLUSH_LIMIT_MS).unref();
      });
    },
    get filePath() {
      return stream ? filePath : null;
    },
  };
}

/** Opens the rotating file, after a synchronous probe so an unwritable place is known at once. */
function openStream(
  directory: string,
  fileName: string,
  filePath: string,
  maxBytes: number,
  maxFiles: number,
  tellProblem: (message: string) => void,
): RotatingFileStream | null {
  try {
    mkdirSync(directory, { recursive: true });
    closeSync(openSync(filePath, 'a', 0o600));
    // Classic rotation: the file, then fileName.1 … fileName.(maxFiles - 1); the oldest is dropped.
    return createStream(fileName, { path: directory, size: `${maxBytes}B`, rotate: maxFiles - 1, mode: 0o600 });
  } catch (error) {
    tellProblem(`Arena Connect Doctor cannot write its log in ${directory} (${describe(error)}); it goes on without one.`);
    return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
    return (code ?? error.message.split('\n')[0] ?? 'unknown error').slice(0, 200);
  }
  return 'unknown error';
}
