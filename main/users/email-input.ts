// Reads the list of Onshape users to check: pasted (one per line, or separated by commas, semicolons or
// spaces) or a CSV file such as an export of Onshape's users. A CSV whose header names an email column
// gives that column; anything else gives every cell that is an email. Emails are trimmed, case-folded and
// de-duplicated; lines that hold no valid email are reported by number. Pure: never throws.
import { parse } from 'csv-parse/sync';
import { emailProblem } from '../../common/fields.js';
import { MAX_USERS_EMAILS, MAX_USERS_INPUT_CHARS, type InvalidLine } from '../../common/users-report.js';

export const MAX_EMAILS = MAX_USERS_EMAILS;
export const MAX_INPUT_CHARS = MAX_USERS_INPUT_CHARS;
const INVALID_TEXT_CHARS = 80;

export interface EmailList {
  /** Distinct, lower-case, in the order first seen. */
  emails: string[];
  invalid: InvalidLine[];
  /** How many emails repeated one seen before (after case-folding). */
  duplicates: number;
  /** The CSV header of the column the emails came from; null when every cell was searched. */
  column: string | null;
}

export type EmailListResult = { ok: true; value: EmailList } | { ok: false; error: string };

/** A header cell that names an email column: "Email", "E-mail address", "user_email", "Email Address"… */
const EMAIL_HEADER = /(^|[^a-z])e-?mails?([^a-z]|$)/i;
const CSV_DELIMITERS = [',', ';', '\t'] as const;

export function parseEmailList(input: string): EmailListResult {
  if (input.length > MAX_INPUT_CHARS) {
    return { ok: false, error: `The list is larger than ${MAX_INPUT_CHARS / 1024 / 1024} MB; split it, or keep only the email column.` };
  }
  const text = input.replace(/^\uFEFF/, '');
  const collected = fromEmailColumn(text) ?? fromEveryCell(text);
  const seen = new Set<string>();
  let duplicates = 0;
  for (const email of collected.found) {
    if (seen.has(email)) duplicates += 1;
    else seen.add(email);
  }
  if (seen.size > MAX_EMAILS) {
    return { ok: false, error: `The list holds ${seen.size} different emails; at most ${MAX_EMAILS} can be checked at once. Split it.` };
  }
  return { ok: true, value: { emails: [...seen], invalid: collected.invalid, duplicates, column: collected.column } };
}

interface CsvRow {
  record: string[];
  info: { lines: number };
}

interface Collected {
  found: string[];
  invalid: InvalidLine[];
  column: string | null;
}

/** The CSV case: the first non-empty line is a header with an email column. Null when it is not. */
function fromEmailColumn(text: string): Collected | null {
  const lines = text.split(/\r\n|\r|\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  const headerLine = lines[headerIndex];
  if (headerLine === undefined) return null;
  if (!EMAIL_HEADER.test(headerLine)) return null;
  const delimiter = likelyDelimiter(headerLine) ?? ',';
  const options = { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, trim: true } as const;
  let rows: CsvRow[];
  let column: number;
  let name: string | undefined;
  try {
    // The header alone first: most pasted lists have none, and need no full parse.
    const header = (parse(headerLine, options) as string[][])[0] ?? [];
    // A header names columns; a first line that holds an email is data ("not-an-email; dana@…" is no header).
    if (header.some((cell) => isEmail(clean(cell)))) return null;
    column = header.findIndex((cell) => EMAIL_HEADER.test(cell));
    name = header[column];
    if (column === -1 || name === undefined) return null;
    rows = (parse(text, { ...options, info: true }) as unknown as CsvRow[]).slice(1);
  } catch {
    // Broken quoting and the like: every cell is still searched for emails, line by line.
    return null;
  }
  const found: string[] = [];
  const invalid: InvalidLine[] = [];
  for (const { record, info } of rows) {
    const cell = clean(record[column] ?? '');
    if (isEmail(cell)) found.push(cell.toLowerCase());
    // info.lines is the line a record ends on; a quoted cell may span lines, so name the line it ends on.
    else invalid.push({ line: info.lines, text: shorten(record.join(delimiter)) });
  }
  return { found, invalid, column: name };
}

/** The pasted case (and any CSV without an email header): every token of every line that is an email. */
function fromEveryCell(text: string): Collected {
  const found: string[] = [];
  const invalid: InvalidLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const tokens = line
      .split(/[\s,;]+/)
      .map(clean)
      .filter((token) => token !== '');
    const emails = tokens.filter(isEmail);
    found.push(...emails.map((email) => email.toLowerCase()));
    // A line with no email is reported whole; a token that tried to be one ("dana@", "a@b") by itself.
    const broken = tokens.filter((token) => token.includes('@') && !isEmail(token));
    if (emails.length === 0) invalid.push({ line: index + 1, text: shorten(line) });
    else for (const token of broken) invalid.push({ line: index + 1, text: shorten(token) });
  });
  return { found, invalid, column: null };
}

/** The delimiter the header line uses most, if any. */
function likelyDelimiter(line: string): (typeof CSV_DELIMITERS)[number] | null {
  let best: (typeof CSV_DELIMITERS)[number] | null = null;
  let most = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

/** Quotes, angle brackets ("Dana <dana@x.com>") and a mailto: prefix are not part of the address. */
function clean(token: string): string {
  return token
    .trim()
    .replace(/^["'<([]+|["'>)\]]+$/g, '')
    .replace(/^mailto:/i, '')
    .trim();
}

function isEmail(text: string): boolean {
  return emailProblem(text, 'Onshape user') === null && text.trim() === text;
}

/** Shown back to the admin: one line, no control characters, bounded. */
function shorten(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  return flat.length > INVALID_TEXT_CHARS ? `${flat.slice(0, INVALID_TEXT_CHARS)}…` : flat;
}
