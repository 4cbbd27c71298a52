// The support log on real files in a temp folder: what reaches the disk is read back after flush, every
// file of the folder, rotated ones included.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE_NAME, nullLogger, REDACT_PATHS, type AppLogger, type LoggerOptions } from '../../main/logging/index.js';

const WEBTOKEN = 'WT-sentinel-log-4f9a0c7e1b';
const PASSWORD = 'pw-sentinel-log-Zq81!x';
const SESSION = 'sess-sentinel-log-77aa01';
const USER_PASSWORD = 'upw-sentinel-log-"quoted"\\back';
const SENTINELS = [WEBTOKEN, PASSWORD, SESSION, USER_PASSWORD];

let folder: string;
let loggers: AppLogger[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-log-'));
});
afterEach(async () => {
  await Promise.all(loggers.map((logger) => logger.close()));
  loggers = [];
  await rm(folder, { recursive: true, force: true });
});

function open(options: Partial<LoggerOptions> = {}): AppLogger {
  const logger = createLogger({ directory: folder, onProblem: () => undefined, ...options });
  loggers.push(logger);
  return logger;
}

/** Every byte of every file in the folder. */
async function everythingOnDisk(directory = folder): Promise<string> {
  const names = await readdir(directory);
  const contents = await Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')));
  return names.join('\n') + '\n' + contents.join('\n');
}

async function lines(file = join(folder, LOG_FILE_NAME)): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The forms a secret can take in a JSON line or a URL. */
function leaks(text: string, secrets: readonly string[] = SENTINELS): string[] {
  return secrets.filter((secret) =>
    [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)].some((form) => text.includes(form)),
  );
}

describe('redaction at the logger', () => {
  it('censors fields named like secrets, at the top and nested deep, whatever their value', async () => {
    const logger = open();
    logger.info(
      {
        webtoken: WEBTOKEN,
        password: PASSWORD,
        arena_session_id: SESSION,
        request: { headers: { authorization: `Bearer ${WEBTOKEN}`, cookie: `arena_session_id=${SESSION}` } },
        a: { b: { c: { d: { e: { f: { arenaSessionId: SESSION, userPassword: USER_PASSWORD } } } } } },
        list: [{ token: WEBTOKEN }, { integrationSecret: { source: 'typed', value: PASSWORD } }],
        workspaceId: 898_123_456,
      },
      'login sent',
    );
    await logger.flush();
    const disk = await everythingOnDisk();
    expect(leaks(disk)).toEqual([]);
    const [line] = await lines();
    expect(line).toMatchObject({
      level: 'info',
      msg: 'login sent',
      workspaceId: 898_123_456,
      webtoken: '[redacted]',
      password: '[redacted]',
    });
    expect(line?.request).toEqual({ headers: { authorization: '[redacted]', cookie: '[redacted]' } });
  });

  it('configures pino path redaction for every sensitive key down to four levels', () => {
    for (const key of ['password', 'webtoken', 'secret', 'token', 'arena_session_id', 'arenaSessionId', 'authorization', 'cookie']) {
      expect(REDACT_PATHS).toEqual(expect.arrayContaining([key, `*.${key}`, `*.*.*.*.${key}`]));
    }
  });

  it('removes the live secrets of a check from messages, error messages and stacks, string fields and keys', async () => {
    const logger = open();
    await logger.withSecrets([WEBTOKEN, PASSWORD, SESSION, USER_PASSWORD], async () => {
      const error = new Error(`Arena said: token ${WEBTOKEN} is wrong`, { cause: new Error(`session ${SESSION}`) });
      logger.error(
        { err: error, note: `typed ${PASSWORD} by mistake`, [USER_PASSWORD]: 'as a key', deep: [[[{ text: `x${SESSION}y` }]]] },
        `failed with ${WEBTOKEN}`,
      );
      logger.warn(
        { echoed: JSON.stringify({ password: USER_PASSWORD }), url: `https://x.test/?t=${encodeURIComponent(USER_PASSWORD)}` },
        'echo',
      );
    });
    await logger.flush();
    const disk = await everythingOnDisk();
    expect(leaks(disk)).toEqual([]);
    const [errorLine, warnLine] = await lines();
    expect(errorLine?.msg).toBe('failed with [redacted]');
    expect(errorLine?.err).toMatchObject({
      type: 'Error',
      message: 'Arena said: token [redacted] is wrong',
      cause: { message: 'session [redacted]' },
    });
    expect(String((errorLine?.err as { stack: string }).stack)).toContain('[redacted]');
    expect(warnLine?.level).toBe('warn');
  });

  it('forgets the secrets when the check ends, also when it throws', async () => {
    const logger = open();
    await expect(logger.withSecrets([WEBTOKEN], async () => Promise.reject(new Error(`bad ${WEBTOKEN}`)))).rejects.toThrow();
    logger.info({ value: 'after-the-check-value' }, `no longer secret: ${WEBTOKEN}`);
    await logger.flush();
    expect((await lines())[0]?.msg).toBe(`no longer secret: ${WEBTOKEN}`);
  });

  it('keeps a secret known while any overlapping scope still holds it', async () => {
    const logger = open();
    await logger.withSecrets([WEBTOKEN], async () => {
      await logger.withSecrets([WEBTOKEN, PASSWORD], async () => undefined);
      logger.info({ text: WEBTOKEN }, 'outer scope still running');
    });
    await logger.flush();
    expect(leaks(await everythingOnDisk(), [WEBTOKEN])).toEqual([]);
  });

  it('planted secrets never reach the file, wherever they sit in arbitrary fields (property)', async () => {
    const logger = open({ maxBytes: 64 * 1024 });
    const secret = fc.constantFrom(...SENTINELS);
    const withSecret = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        secret,
        fc.tuple(fc.string(), secret, fc.string()).map(([before, planted, after]) => before + planted + after),
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), secret), tie('value'), { maxKeys: 4 }),
        secret.map((planted) => new Error(`wrapped ${planted}`)),
      ),
    })).value;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), withSecret, { maxKeys: 5 }), fc.string(), secret, async (fields, message, planted) => {
        await logger.withSecrets(SENTINELS, async () => logger.info(fields, `${message}${planted}`));
      }),
      { numRuns: 150, seed: 20_250_304 },
    );
    await logger.flush();
    const disk = await everythingOnDisk();
    expect(leaks(disk)).toEqual([]);
    expect((await lines()).length).toBeGreaterThan(0);
  });

  it('writes one valid JSON line per call even for circular, throwing, huge and odd values', async () => {
    const logger = open();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const throwing = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter failed');
      },
    });
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown;
    logger.info({ circular, throwing, big: 'x'.repeat(100_000), n: 10n, when: new Date(0), bytes: Buffer.from('abc'), polluted }, 'odd');
    logger.info(null as unknown as Record<string, unknown>, 'null fields');
    await logger.flush();
    const written = await lines();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({
      circular: { name: 'loop', self: '[circular]' },
      throwing: { boom: '[unreadable]' },
      n: '10',
      when: '1970-01-01T00:00:00.000Z',
      bytes: '[3 bytes]',
    });
    expect(String(written[0]?.big).length).toBeLessThan(9_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rotation', () => {
  it('rotates at the size limit and keeps at most maxFiles files', async () => {
    const maxBytes = 4096;
    const logger = open({ maxBytes, maxFiles: 3 });
    const filler = 'f'.repeat(200);
    for (let index = 0; index < 300; index += 1) logger.info({ index, filler }, 'line');
    await logger.flush();
    const names = (await readdir(folder)).sort();
    expect(names).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const name of names) {
      // A file is rotated after the write that reaches the limit: at most one line over.
      expect((await stat(join(folder, name))).size).toBeLessThan(maxBytes + 400);
    }
    const newest = await lines(join(folder, `${LOG_FILE_NAME}.1`));
    const current = await lines();
    const last = current.at(-1) ?? newest.at(-1);
    expect(last?.index).toBe(299);
    expect(Number(newest[0]?.index)).toBeLessThan(Number(newest.at(-1)?.index));
  });

  it('continues an existing file across restarts and rotates an oversized one', async () => {
    await writeFile(join(folder, LOG_FILE_NAME), `${JSON.stringify({ msg: 'old' })}\n`.repeat(200));
    const logger = open({ maxBytes: 2048, maxFiles: 2 });
    logger.info({}, 'new start');
    await logger.flush();
    expect((await readdir(folder)).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`]);
    expect((await lines()).map((line) => line.msg)).toContain('new start');
  });
});

describe('an unwritable place', () => {
  it('never throws, logs nothing, and says so once', async () => {
    const blocker = join(folder, 'not-a-folder');
    await writeFile(blocker, 'a file where the log folder should be');
    const told: string[] = [];
    const logger = open({ directory: join(blocker, 'logs'), onProblem: (message) => told.push(message) });
    for (let index = 0; index < 20; index += 1) logger.error({ err: new Error('x') }, 'still fine');
    await expect(logger.withSecrets([WEBTOKEN], async () => 42)).resolves.toBe(42);
    await logger.flush();
    expect(logger.filePath).toBeNull();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/cannot write its log .*ENOTDIR/);
  });

  it('a file that breaks later (rotation fails) stops the log once, says so once, and never throws', async () => {
    // A non-empty folder where the first rotated file should go: the rename at rotation fails.
    await mkdir(join(folder, `${LOG_FILE_NAME}.1`, 'blocker'), { recursive: true });
    const told: string[] = [];
    const logger = open({ maxBytes: 1024, maxFiles: 3, onProblem: (message) => told.push(message) });
    expect(logger.filePath).toBe(join(folder, LOG_FILE_NAME));
    for (let index = 0; index < 50; index += 1) {
      expect(() => logger.info({ index, filler: 'f'.repeat(100) }, 'line')).not.toThrow();
      await logger.flush();
    }
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/stopped writing its log/);
    expect(logger.filePath).toBeNull();
  });

  it('a listener that throws does not break logging', async () => {
    const told: string[] = [];
    const logger = open({
      directory: join(folder, 'missing', '\u0000bad'),
      onProblem: (message) => {
        told.push(message);
        throw new Error('listener failed');
      },
    });
    expect(() => logger.info({}, 'x')).not.toThrow();
    await logger.flush();
    // The listener was told (and threw), and the logger still takes lines afterwards.
    expect(told).toHaveLength(1);
    expect(() => logger.info({}, 'y')).not.toThrow();
    await expect(logger.flush()).resolves.toBeUndefined();
  });

  it('the null logger runs work and writes nothing', async () => {
    nullLogger.info({ webtoken: WEBTOKEN }, 'x');
    await expect(nullLogger.withSecrets([WEBTOKEN], async () => 'done')).resolves.toBe('done');
    await nullLogger.flush();
    expect(nullLogger.filePath).toBeNull();
  });
});
