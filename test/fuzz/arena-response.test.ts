// classifyResponse over whatever may come back from Arena or stand in its place: any status, any content
// type, any bytes. It must never throw, always return one known shape, keep its own words one bounded
// line, and stay fast on hostile bodies (it runs in the Electron main process).
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyResponse, excerptOf, type RawResponse } from '../../main/arena/response.js';
import { sentinelHits } from '../support/sentinels.js';
import { fuzzParameters, PLANTED_SECRETS } from './clear-message.js';

const FORMAT_CODES = [
  'BODY_TOO_LARGE',
  'PROXY_AUTH_REQUIRED',
  'REDIRECT',
  'UNEXPECTED_STATUS',
  'EMPTY_BODY',
  'HTML_RESPONSE',
  'INVALID_JSON',
  'WRONG_SHAPE',
];
const LINE_BREAKING = /[\u0000-\u001f\u007f]/;

const status = fc.integer({ min: 100, max: 599 });
const contentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/html; charset=UTF-8',
    'application/xhtml+xml',
    'text/plain',
    'TEXT/HTML',
  ),
  fc.string({ maxLength: 60 }),
);
const location = fc.oneof(fc.constant(null), fc.webUrl(), fc.string({ maxLength: 200 }));

const arenaErrorBody = fc
  .record({
    status: fc.integer({ min: 100, max: 599 }),
    errors: fc.array(
      fc.record(
        {
          code: fc.oneof(fc.integer(), fc.string({ maxLength: 12 }), fc.constant(null)),
          message: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 8 },
    ),
  })
  .map((value) => JSON.stringify(value));

const hugeErrors = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.string({ maxLength: 40 }))
  .map(([count, message]) =>
    JSON.stringify({ status: 400, errors: Array.from({ length: count }, (_unused, index) => ({ code: 4000 + (index % 100), message })) }),
  );

const deeplyNested = fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('[', '{"errors":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
});

const htmlish = fc
  .array(
    fc.constantFrom(
      '<',
      '>',
      '/',
      '<script>',
      '</script>',
      '<STYLE a="b">',
      '<title>',
      '</TITLE>',
      '</style>',
      '<p>',
      '&nbsp;',
      '&amp;lt;',
      '&#60;b',
      '<!-- x -->',
      'text',
      ' ',
      '\n',
      '\u0000',
      '<!doctype html>',
      '<html>',
      '"',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** A valid JSON text cut short at a random point. */
const jsonPrefix = fc.tuple(fc.jsonValue(), fc.nat()).map(([value, cut]) => {
  const text = JSON.stringify(value);
  return text.slice(0, cut % (text.length + 1));
});

const body = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))),
  jsonPrefix.map((text) => Buffer.from(text)),
  arenaErrorBody.map((text) => Buffer.from(text)),
  htmlish.map((text) => Buffer.from(text)),
  fc.string({ unit: 'binary' }).map((text) => Buffer.from(text)),
  fc.constant(Buffer.alloc(0)),
  fc
    .constantFrom('   ', '\n', 'null', '[]', '{}', '"x"', '{"errors":[]}', '{"errors":{}}', '{"__proto__":{"errors":[{"code":1}]}}')
    .map((text) => Buffer.from(text)),
);

const response = fc.record({ status, contentType, location, body, overCap: fc.boolean() });

function checkShape(raw: RawResponse): void {
  const result = classifyResponse(raw);
  switch (result.kind) {
    case 'ok':
      expect(raw.status).toBeGreaterThanOrEqual(200);
      expect(raw.status).toBeLessThan(300);
      expect(result.json === null || (typeof result.json === 'object' && !Array.isArray(result.json))).toBe(true);
      break;
    case 'arena-error':
      expect(result.code === null || Number.isInteger(result.code)).toBe(true);
      expect(typeof result.message).toBe('string');
      expect(result.message).not.toBe('');
      break;
    case 'format-error':
      expect(FORMAT_CODES).toContain(result.code);
      // The tool's own words: one line, bounded, whatever the body held.
      expect(result.message).not.toMatch(LINE_BREAKING);
      expect(result.message.length).toBeLessThanOrEqual(300);
      if (result.excerpt !== null) {
        expect(result.excerpt).not.toMatch(LINE_BREAKING);
        expect(result.excerpt.length).toBeLessThanOrEqual(301);
        expect(result.excerpt.trim()).not.toBe('');
      }
      // A page's title: one short line.
      if (result.pageTitle !== null) {
        expect(result.pageTitle).not.toMatch(LINE_BREAKING);
        expect(result.pageTitle.length).toBeLessThanOrEqual(151);
        expect(result.pageTitle.trim()).not.toBe('');
      }
      break;
    default:
      throw new Error(`unknown kind ${JSON.stringify(result)}`);
  }
}

/**
 * The excerpt as it was written before (quadratic on hostile input), with the title left out (it is shown
 * apart) and entities decoded once the tags are gone: the reference for small bodies.
 */
function referenceExcerpt(body: Buffer): string | null {
  const withoutTags = body
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  const text = decodeHTML(withoutTags)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return null;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

describe('classifyResponse under fuzzing', () => {
  it('never throws and always returns a known, bounded shape', () => {
    fc.assert(
      fc.property(response, (raw) => checkShape(raw)),
      fuzzParameters(1_500),
    );
  });

  it('handles huge arrays of errors and deeply nested JSON', () => {
    fc.assert(
      fc.property(status, fc.oneof(hugeErrors, deeplyNested), contentType, (code, text, type) => {
        checkShape({ status: code, contentType: type, location: null, body: Buffer.from(text), overCap: false });
      }),
      fuzzParameters(30),
    );
  });

  it('reads Arena error bodies: the first error code, every message', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }).filter((code) => code !== 407),
        fc.array(fc.record({ code: fc.integer({ min: 1000, max: 99_999 }), message: fc.string({ minLength: 1, maxLength: 80 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        (code, errors) => {
          const result = classifyResponse({
            status: code,
            contentType: 'application/json',
            location: null,
            body: Buffer.from(JSON.stringify({ status: code, errors })),
            overCap: false,
          });
          // Arena's words are kept, as one line: control characters and runs of spaces become one space.
          const oneLine = errors
            .map((error) => error.message)
            .join(' ')
            .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ')
            .trim();
          expect(result).toEqual({ kind: 'arena-error', code: errors[0]?.code, message: oneLine || 'Arena gave no message.' });
        },
      ),
      fuzzParameters(200),
    );
  });

  it('keeps a huge or many-line Arena message to one bounded line', () => {
    const errors = Array.from({ length: 5000 }, (_, index) => ({ code: 4001, message: `line ${index}\nnext` }));
    const result = classifyResponse({
      status: 400,
      contentType: 'application/json',
      location: null,
      body: Buffer.from(JSON.stringify({ status: 400, errors })),
      overCap: false,
    });
    expect(result.kind).toBe('arena-error');
    if (result.kind !== 'arena-error') return;
    expect(result.message).not.toMatch(/\n/);
    expect(result.message.length).toBeLessThanOrEqual(1001);
    expect(result.message.startsWith('line 0 next line 1 next')).toBe(true);
  });

  it('the excerpt matches the former regular-expression version on small bodies', () => {
    fc.assert(
      fc.property(
        fc.oneof(htmlish, fc.string({ unit: fc.constantFrom('<', '>', '/', 's', 'c', 'r', 'i', 'p', 't', 'S', 'y', 'l', 'e', ' ', 'x') })),
        (text) => {
          const bytes = Buffer.from(text);
          expect(excerptOf(bytes)).toBe(referenceExcerpt(bytes));
        },
      ),
      fuzzParameters(2_000),
    );
  });

  // How long these take is a benchmark (bench/scale.mjs: excerpt + page title, 2N vs N KiB), not a test.
  it('answers in shape on bodies that made the old excerpt quadratic (64 KiB of "<")', () => {
    for (const text of ['<'.repeat(64 * 1024), '<script'.repeat(9_400), '<style x'.repeat(8_000), '<script>'.repeat(8_000)]) {
      checkShape({ status: 502, contentType: 'text/html', location: null, body: Buffer.from(text), overCap: false });
    }
  });

  it('keeps no planted secret, however the body echoes it and wherever it is cut (property)', () => {
    const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');
    const encodings: ((secret: string) => string)[] = [
      (secret) => JSON.stringify(secret).slice(1, -1),
      (secret) => [...secret].map((character) => `\\u${hex(character.charCodeAt(0), 4)}`).join(''),
      (secret) => [...secret].map((character) => `&#${character.charCodeAt(0)};`).join(''),
      (secret) => [...secret].map((character) => `%${hex(character.charCodeAt(0), 2)}`).join(''),
      (secret) =>
        `${secret.slice(0, 5)}<i></i>${secret.slice(5)}`.replace(/["\\\n]/g, (character) => JSON.stringify(character).slice(1, -1)),
      // Split the ways a page's title can be and still read as one word.
      (secret) => `${secret.slice(0, 5)}<!-- x -->${secret.slice(5)}`,
      (secret) => `${secret.slice(0, 5)}<![CDATA[${secret.slice(5)}]]>`,
    ];
    const shapes: ((echo: string) => { type: string; text: string })[] = [
      (echo) => ({ type: 'application/json', text: `{"status":400,"errors":[{"code":4089,"message":"Invalid ${echo}"}]}` }),
      (echo) => ({ type: 'application/json', text: `{"arena_session_id":"S","workspaceName":"W ${echo}"}` }),
      (echo) => ({ type: 'text/html', text: `<html><body><p>${echo}</p></body></html>` }),
      (echo) => ({ type: 'text/html', text: `<html><head><title>${echo}</title></head><body><p>Blocked</p></body></html>` }),
      (echo) => ({ type: 'text/plain', text: `upstream: ${echo}` }),
      (echo) => ({ type: 'application/json', text: `{"cut":"${echo}` }),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...PLANTED_SECRETS),
        fc.nat({ max: encodings.length - 1 }),
        fc.nat({ max: shapes.length - 1 }),
        fc.constantFrom(200, 400, 500, 502),
        fc.nat({ max: 1_200 }),
        (secret, encoding, shape, code, padding) => {
          const encode = encodings[encoding] ?? ((raw: string) => raw);
          const { type, text } = (shapes[shape] ?? shapes[0])!(`${'x'.repeat(padding)}${encode(secret)}`);
          const result = classifyResponse({ status: code, contentType: type, location: null, body: Buffer.from(text), overCap: false }, [
            secret,
          ]);
          expect(sentinelHits(JSON.stringify(result), [secret])).toEqual([]);
          // Not even a cut-off start of it survives where a message or an excerpt is cut.
          expect(JSON.stringify(result)).not.toContain(secret.slice(0, 8));
        },
      ),
      fuzzParameters(300),
    );
  });
});
