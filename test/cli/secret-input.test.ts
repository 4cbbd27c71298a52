// The hidden prompt as a terminal feeds it: reads split anywhere, a bracketed paste, arrow keys. The
// terminal is the process boundary, so it is stood in for by a stream that says it is a TTY.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecret, type SecretSource } from '../../main/cli/secret-input.js';

function terminal(reads: (string | Buffer)[]): SecretSource & { prompted: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin }) as unknown as NodeJS.ReadStream;
  const stderr = new PassThrough();
  let prompted = '';
  stderr.on('data', (chunk: Buffer) => (prompted += chunk.toString('utf8')));
  // Each read arrives on its own turn of the event loop, as a terminal delivers them.
  let index = 0;
  const next = (): void => {
    const read = reads[index];
    index += 1;
    if (read === undefined) return;
    stdin.write(typeof read === 'string' ? Buffer.from(read, 'utf8') : read);
    setImmediate(next);
  };
  setImmediate(next);
  return { env: {}, stdin, stderr: stderr as unknown as NodeJS.WriteStream, prompted: () => prompted };
}

const password = { variable: 'ARENA_USER_PASSWORD', description: 'the password', kind: 'password' as const };
const webtoken = { variable: 'ARENA_WEBTOKEN', description: 'the WebToken', kind: 'WebToken' as const };

describe('the hidden prompt', () => {
  it('keeps a UTF-8 character split across two reads whole', async () => {
    const bytes = Buffer.from('pässwörd\r', 'utf8');
    const splitInsideÄ = bytes.indexOf(0xc3) + 1;
    const source = terminal([bytes.subarray(0, splitInsideÄ), bytes.subarray(splitInsideÄ)]);
    expect(await readSecret(password, source)).toEqual({ ok: true, value: 'pässwörd' });
  });

  it('drops the bracketed-paste markers around a pasted WebToken, also when a read splits them', async () => {
    const source = terminal(['\u001b[200~WT-pasted', '-token-0042\u001b[2', '01~', '\r']);
    expect(await readSecret(webtoken, source)).toEqual({ ok: true, value: 'WT-pasted-token-0042' });
  });

  it('drops arrow keys and other escape sequences instead of typing them', async () => {
    const source = terminal(['abc\u001b[D\u001bOA\u009b1;5Cdef\u0085\r']);
    expect(await readSecret(password, source)).toEqual({ ok: true, value: 'abcdef' });
  });

  it('refuses a pasted WebToken with a space around it, with the wizard’s words', async () => {
    const source = terminal(['\u001b[200~ WT-pasted-token \u001b[201~\r']);
    const result = await readSecret(webtoken, source);
    expect(result).toEqual({
      ok: false,
      error: 'The WebToken starts or ends with a space or line break; remove it (copying often adds one).',
    });
  });

  it('refuses a WebToken from the environment with spaces around it', async () => {
    const result = await readSecret(webtoken, { ...terminal([]), env: { ARENA_WEBTOKEN: ' tok ' } });
    expect(result).toEqual({
      ok: false,
      error: 'ARENA_WEBTOKEN: The WebToken starts or ends with a space or line break; remove it (copying often adds one).',
    });
  });
});
