// Finding a fixed piece of text in the admin's text: Knuth–Morris–Pratt, so every search is linear in
// the text whatever it holds (a run of 10 000 quotes included). No regular expression ever runs over
// pasted text. The step counter lets tests prove the bound by counting work, not by timing it.

/** Counts inner-loop steps across every search of one explanation. */
export interface StepCounter {
  steps: number;
}

export interface Needle {
  readonly text: string;
  /** failure[j]: length of the longest proper prefix of text[0..j] that is also its suffix. */
  readonly failure: Int32Array;
}

export function compileNeedle(text: string): Needle {
  const failure = new Int32Array(text.length);
  let k = 0;
  for (let j = 1; j < text.length; j += 1) {
    while (k > 0 && text[j] !== text[k]) k = failure[k - 1] ?? 0;
    if (text[j] === text[k]) k += 1;
    failure[j] = k;
  }
  return { text, failure };
}

/** The first index >= from where needle occurs in haystack, or -1. At most 2 × (haystack.length − from) steps. */
export function findNeedle(haystack: string, needle: Needle, from: number, counter: StepCounter): number {
  const { text, failure } = needle;
  if (text.length === 0) return from <= haystack.length ? from : -1;
  let j = 0;
  for (let i = from; i < haystack.length; i += 1) {
    counter.steps += 1;
    while (j > 0 && haystack[i] !== text[j]) {
      counter.steps += 1;
      j = failure[j - 1] ?? 0;
    }
    if (haystack[i] === text[j]) j += 1;
    if (j === text.length) return i - text.length + 1;
  }
  return -1;
}
