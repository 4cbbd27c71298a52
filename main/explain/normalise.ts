// Puts pasted text and Arena's templates into one comparable form, in a single linear pass:
// any run of quotes (straight, curly, doubled, JSON-escaped) together with the spaces around it becomes
// one ", any other run of white space or control characters one space, and letters are compared
// without case. Onshape shows whatever quotes Arena sent, and the admin's copy may add line breaks.

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\uFF02', '\u00AB', '\u00BB']);

export function isQuote(char: string | undefined): boolean {
  return char !== undefined && QUOTES.has(char);
}

/** White space, and every control character: binary noise separates words like a space does. */
function isSpace(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export interface NormalisedText {
  /** The normalised text in its own case: captured values are cut from here. */
  readonly display: string;
  /** The same, lower-cased character by character, so indexes match display's. */
  readonly folded: string;
}

function lower(char: string): string {
  const folded = char.toLowerCase();
  // Some characters lower-case to two (İ); keep those as they are so indexes stay aligned.
  return folded.length === 1 ? folded : char;
}

/** Punctuation that follows a quoted value directly ("name".), so a dropped quote leaves no space before it. */
const NO_SPACE_BEFORE = new Set(['.', ',', ')', ':', ';']);

/**
 * `trim` drops white space at both ends (for whole inputs; template pieces keep theirs). `quotes`:
 * 'mark' turns each quote run into one " (the normal form); 'drop' into a space, or nothing before
 * punctuation or after "(", for text that was retyped without its quotes.
 */
export function normalise(text: string, options: { trim: boolean; quotes?: 'mark' | 'drop' }): NormalisedText {
  const drop = options.quotes === 'drop';
  const display: string[] = [];
  const folded: string[] = [];
  const escapedQuote = (at: number) => text[at] === '\\' && isQuote(text[at + 1]);
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (isQuote(char) || isSpace(char) || escapedQuote(i)) {
      let sawQuote = false;
      while (i < text.length && (isQuote(text[i]) || isSpace(text[i]) || escapedQuote(i))) {
        if (isQuote(text[i])) sawQuote = true;
        i += 1;
      }
      let mark = sawQuote ? '"' : ' ';
      if (sawQuote && drop) mark = NO_SPACE_BEFORE.has(text[i] ?? '') || display[display.length - 1] === '(' ? '' : ' ';
      if (mark !== '') {
        display.push(mark);
        folded.push(mark);
      }
      continue;
    }
    display.push(char);
    folded.push(lower(char));
    i += 1;
  }
  if (options.trim) {
    if (display[0] === ' ') {
      display.shift();
      folded.shift();
    }
    if (display[display.length - 1] === ' ') {
      display.pop();
      folded.pop();
    }
  }
  return { display: display.join(''), folded: folded.join('') };
}
