// An independent detector for echoed secrets, written apart from main/privacy/redact.ts so the tests do
// not grade the redactor with itself: whole-text decodings (entities, %xx, \u and \x escapes, controls,
// escape sequences, Markdown backslash escapes, tags and spaces removed), stacked up to three times, each searched for every
// sentinel, case-folded.
import { decodeHTML } from 'entities';

const STRIPPERS: ((text: string) => string)[] = [
  (text) =>
    text.replace(
      /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[ -/]*[0-~]?|\u009b[0-?]*[ -/]*[@-~]?/g,
      '',
    ),
  (text) => text.replace(/<[A-Za-z/!?][^>]{0,511}>/g, ''),
  (text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ''),
  // A control shown as a space (a one-line message) leaves the secret readable with a gap.
  (text) => text.replace(/\s+/g, ''),
];

const DECODERS: ((text: string) => string)[] = [
  (text) => decodeHTML(text),
  (text) =>
    text.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9a-fA-F]{2})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      }
    }),
  (text) => text.replace(/\\u([0-9a-fA-F]{4})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  (text) => text.replace(/\\x([0-9a-fA-F]{2})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  (text) => text.replace(/\\(["\\/])/g, '$1'),
  // Markdown's backslash escapes of punctuation ("PW.echo\!sentinel" reads as the password).
  (text) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
];

/** The text after each stage of three rounds of "decode everything, then strip": every stage is searched. */
function views(text: string): string[] {
  const all = [text];
  let current = text;
  for (let round = 0; round < 3; round += 1) {
    for (const stage of [...DECODERS, ...STRIPPERS]) {
      current = stage(current);
      all.push(current);
    }
  }
  // Stripping before decoding too: a tag inside an entity-encoded secret.
  let stripped = text;
  for (const strip of STRIPPERS) stripped = strip(stripped);
  for (const decode of DECODERS) all.push(decode(stripped));
  return all;
}

/** The sentinels that show in text in any of its views: empty means no hit. */
export function sentinelHits(text: string, sentinels: readonly string[]): string[] {
  // Case-folded: a lower-cased WebToken is still the WebToken to whoever reads it.
  const all = views(text).map((view) => view.toLowerCase());
  return sentinels.filter((sentinel) => all.some((view) => view.includes(sentinel.toLowerCase())));
}
