// What a renderer does to markup once secrets are gone: every tag becomes a space.
export function removeTags(text: string): string {
  return text.replace(/<[^>]*>/g, ' ');
}
