// Fills "{name}" and "{name|fallback}" in knowledge-base text from a diagnosis's facts (or any named values).

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([^{}]*))?\}/g;

/** A placeholder with no fact and no fallback becomes "(unknown)", so no raw braces reach a reader. */
export function fillFacts(text: string, facts: Readonly<Partial<Record<string, string>>>): string {
  return text.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
    const value = Object.hasOwn(facts, name) ? facts[name] : undefined;
    return value ?? fallback ?? '(unknown)';
  });
}

/** The fact names a text refers to, and whether each has a fallback. For tests of the data. */
export function placeholdersIn(text: string): { name: string; hasFallback: boolean }[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1] ?? '', hasFallback: match[2] !== undefined }));
}
