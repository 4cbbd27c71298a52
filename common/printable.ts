// Echoing what someone typed back in a message (a scenario name, a command-line argument): one clean,
// short line, so a message never carries a control character, a line break or a terminal escape.

const ECHO_MAX_CHARS = 60;

/** C0 and C1 controls (U+0085 is a line break, U+009B a terminal escape) and Unicode line separators become "?". */
export function printable(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return cleaned.length > ECHO_MAX_CHARS ? `${cleaned.slice(0, ECHO_MAX_CHARS)}…` : cleaned;
}
