// Where the CLI's secrets come from: an environment variable, else a hidden prompt on a terminal.
// Never the command line, which other users of the machine can read in the process list. Either way the
// value must pass the wizard's rule for it (common/fields.ts), with the same words.
import { StringDecoder } from 'node:string_decoder';
import { secretProblem } from '../../common/fields.js';
import type { Parsed } from './arguments.js';

export interface SecretSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

export interface SecretWanted {
  variable: string;
  /** For messages: "the integration user's WebToken". */
  description: string;
  /** The rule it must pass: a WebToken may not start or end with a space, a password may. */
  kind: 'WebToken' | 'password';
}

export async function readSecret({ variable, description, kind }: SecretWanted, source: SecretSource): Promise<Parsed<string>> {
  const fromEnvironment = source.env[variable];
  if (fromEnvironment !== undefined) {
    if (fromEnvironment === '') return { ok: false, error: `${variable} is set but empty: it should hold ${description}.` };
    const problem = secretProblem(fromEnvironment, kind);
    return problem ? { ok: false, error: `${variable}: ${problem}` } : { ok: true, value: fromEnvironment };
  }
  if (!source.stdin.isTTY) {
    return { ok: false, error: `Set ${variable} to ${description}: there is no terminal to ask for it.` };
  }
  const typed = await hiddenPrompt(`${capitalise(description)} (${variable}; typing is hidden): `, source);
  if (typed === null) return { ok: false, error: 'Cancelled.' };
  if (typed === '') return { ok: false, error: `Nothing was typed for ${description}.` };
  const problem = secretProblem(typed, kind);
  return problem ? { ok: false, error: problem } : { ok: true, value: typed };
}

/**
 * What the terminal sends besides typed characters: escape sequences (a bracketed paste's ESC[200~ and
 * ESC[201~ markers, arrow keys) are dropped, also when a read splits one.
 */
type KeyState = 'text' | 'escape' | 'sequence' | 'shifted';

/** Reads one line from the terminal in raw mode without echoing it. Null when cancelled (Ctrl-C, Ctrl-D). */
function hiddenPrompt(question: string, { stdin, stderr }: SecretSource): Promise<string | null> {
  return new Promise((resolve) => {
    // Echo goes off before the question shows: whatever is typed (or pasted) the moment it appears is
    // already read in raw mode, never echoed by the terminal.
    stdin.setRawMode(true);
    stderr.write(question);
    // A multi-byte UTF-8 character split across two reads is put back together, not broken into U+FFFD.
    const decoder = new StringDecoder('utf8');
    let typed = '';
    let state: KeyState = 'text';
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const character of decoder.write(chunk)) {
        const code = character.charCodeAt(0);
        if (state === 'escape') {
          // ESC [ starts a control sequence, ESC O one more character (an arrow key in application
          // mode); ESC and one other character (Alt+key) is a key, not text.
          state = character === '[' ? 'sequence' : character === 'O' || character === 'N' ? 'shifted' : 'text';
          if (code >= 0x20) continue;
        } else if (state === 'shifted') {
          state = 'text';
          if (code >= 0x20) continue;
        } else if (state === 'sequence') {
          // Parameters and intermediates (0x20–0x3f) until the final character (0x40–0x7e).
          if (code >= 0x20 && code <= 0x7e) {
            if (code >= 0x40) state = 'text';
            continue;
          }
          state = 'text';
        }
        // A control character ends a sequence cut short and counts as itself (Enter still ends the line).
        if (character === '\u001b') state = 'escape';
        else if (character === '\u009b') state = 'sequence';
        else if (character === '\r' || character === '\n') return finish(typed);
        else if (character === '\u0003' || character === '\u0004') return finish(null);
        else if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else if (code >= 0x20 && !(code >= 0x7f && code <= 0x9f)) typed += character;
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
