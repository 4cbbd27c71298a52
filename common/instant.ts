// Reading a time Arena sent: its reset header is documented only as "date", so an HTTP or ISO date and
// epoch seconds or milliseconds are all accepted. One rule for the diagnosis (main) and the screens.
export function parseInstant(raw: string): Date | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return new Date(n < 1e12 ? n * 1000 : n);
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms);
}
