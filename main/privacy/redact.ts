// Removes known secrets from text that came from the network (an error message or a web page may echo
// what it was sent). The last line of defence: secrets should never reach text in the first place.
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REDACTED);
    // Also the forms a server might echo: URL- and JSON-encoded.
    for (const variant of [urlEncoded(secret), JSON.stringify(secret).slice(1, -1)]) {
      if (variant !== null && variant !== secret) result = result.split(variant).join(REDACTED);
    }
  }
  return result;
}

/** encodeURIComponent throws on a lone surrogate; such a secret has no URL-encoded form to look for. */
function urlEncoded(secret: string): string | null {
  try {
    return encodeURIComponent(secret);
  } catch {
    return null;
  }
}

export function redactNullable(text: string | null, secrets: readonly string[]): string | null {
  return text === null ? null : redact(text, secrets);
}
