// Where the CLI's secrets come from: an environment variable, else a hidden prompt on a terminal.
// Never the command line, which other users of the machine can read in the process list.
import type { Parsed } from './arguments.js';

export interface SecretSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

export async function readSecret(variable: string, description: string, source: SecretSource): Promise<Parsed<string>> {
  const fromEnvironment = source.env[variable];
  if (fromEnvironment !== undefined) {
    if (fromEnvironment === '') return { ok: false, error: `${variable} is set but empty: it should hold ${description}.` };
    return { ok: true, value: fromEnvironment };
  }
  if (!source.stdin.isTTY) {
    return { ok: false, error: `Set ${variable} to ${description}: there is no terminal to ask for it.` };
  }
  const typed = await hiddenPrompt(`${capitalise(description)} (${variable}; typing is hidden): `, source);
  if (typed === null) return { ok: false, error: 'Cancelled.' };
  if (typed === '') return { ok: false, error: `Nothing was typed for ${description}.` };
  return { ok: true, value: typed };
}

/** Reads one line from the terminal in raw mode without echoing it. Null when cancelled (Ctrl-C, Ctrl-D). */
function hiddenPrompt(question: string, { stdin, stderr }: SecretSource): Promise<string | null> {
  return new Promise((resolve) => {
    stderr.write(question);
    let typed = '';
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(typed);
        if (character === '\u0003' || character === '\u0004') return finish(null);
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else if (character >= ' ') typed += character;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
