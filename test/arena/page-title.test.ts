// A web page in Arena's place (a captive portal, a proxy's block page, a single sign-on page): the client
// reads its title as one short line of text, from a real server on loopback, whatever the page does to
// hide or spell it, and never lets a secret of the check through in it.
import { afterEach, describe, expect, it } from 'vitest';
import { ArenaClient, type CallOutcome } from '../../main/arena/client.js';
import { runCheck } from '../../main/check/runner.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { sentinelHits } from '../support/sentinels.js';

const SECRET = 'WT.title!sentinel-8R3M';
const credentials = { email: 'integration@example.com', workspaceId: 4242, loginType: 'webtoken' as const, secret: SECRET };

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The login's outcome when the server answers every request with this page. */
async function loginAgainst(page: string, status = 200, type = 'text/html; charset=utf-8'): Promise<CallOutcome> {
  server = await startLoopbackServer((_request, response) => {
    response.writeHead(status, { 'content-type': type });
    response.end(page);
  });
  const client = new ArenaClient({ apiUrl: server.apiUrl, timeoutMs: 5000, secrets: [SECRET] });
  const { call } = await client.login(credentials);
  await server.close();
  server = null;
  return call;
}

describe('the title of a page that came back instead of Arena', () => {
  it('is the text of the title: entities decoded, spaces and line breaks collapsed', async () => {
    const call = await loginAgainst(
      '<!doctype html><html><head>\n<title>\n  Access &amp; Identity &ndash;\tSign&nbsp;in &#x263A; &lt;corp&gt;\n</title></head><body>x</body></html>',
    );
    expect(call.errorCode).toBe('HTML_RESPONSE');
    expect(call.pageTitle).toBe('Access & Identity – Sign in ☺ <corp>');
  });

  it('reads a title split by tags, comments and CDATA as one line, and skips titles in comments and scripts', async () => {
    const call = await loginAgainst(
      '<html><head><!-- <title>not this</title> --><script>var t = "<title>nor this</title>";</script>' +
        '<TITLE lang="en">Zscaler <!-- policy 7 -->Block<b>ed</b> <![CDATA[Page & more]]></TITLE></head><body>x</body></html>',
    );
    expect(call.pageTitle).toBe('Zscaler Blocked Page & more');
  });

  it('keeps no terminal escape, control or bidi character an entity could smuggle in', async () => {
    const call = await loginAgainst('<title>Sign in&#27;[2J&#x1b;]0;owned&#7; here&#x202e;now</title>');
    expect(call.pageTitle).toBe('Sign in herenow');
  });

  it('is null for a page without a title, a title never closed, and a JSON answer that mentions one', async () => {
    expect((await loginAgainst('<html><body><h1>Gateway error</h1></body></html>', 502)).pageTitle).toBeNull();
    expect((await loginAgainst('<html><head><title>Cut off here', 502)).pageTitle).toBeNull();
    expect((await loginAgainst('<title></title><p>empty</p>', 502)).pageTitle).toBeNull();
    const json = await loginAgainst('{"status":500,"note":"<title>x</title>"}', 500, 'application/json');
    expect(json.errorCode).toBe('UNEXPECTED_STATUS');
    expect(json.pageTitle).toBeNull();
  });

  it("is read from a proxy's own login page (HTTP 407) too", async () => {
    const call = await loginAgainst('<html><head><title>Proxy Authentication Required</title></head></html>', 407);
    expect(call).toMatchObject({ errorCode: 'PROXY_AUTH_REQUIRED', pageTitle: 'Proxy Authentication Required' });
  });

  it('from a huge page: the title at its start is read, a huge title is cut to one short line, and the excerpt stays short', async () => {
    const filler = '<p>terms and conditions</p>'.repeat(30_000);
    const huge = await loginAgainst(`<html><head><title>Guest Wi-Fi</title></head><body>${filler}</body></html>`);
    expect(huge.pageTitle).toBe('Guest Wi-Fi');
    expect(huge.bodyExcerpt?.length).toBeLessThanOrEqual(301);
    expect(huge.bodyExcerpt).not.toContain('<');

    const long = await loginAgainst(`<title>${'Welcome '.repeat(5_000)}</title>`);
    expect(long.pageTitle?.length).toBeLessThanOrEqual(151);
    expect(long.pageTitle?.endsWith('…')).toBe(true);

    // A title that only closes after the part of the page the client reads is not shown at all.
    const late = await loginAgainst(`<title>${'x'.repeat(70 * 1024)}</title>`);
    expect(late.pageTitle).toBeNull();
  });
});

describe('a title that echoes a secret of the check', () => {
  const hex = (code: number): string => code.toString(16).padStart(2, '0');
  const characters = [...SECRET];
  const half = SECRET.length / 2;
  const forms: Record<string, string> = {
    plain: SECRET,
    'upper case': SECRET.toUpperCase(),
    decimal: characters.map((character) => `&#${character.charCodeAt(0)};`).join(''),
    hex: characters.map((character) => `&#x${hex(character.charCodeAt(0))};`).join(''),
    'named entities': SECRET.replace('.', '&period;').replace('!', '&excl;'),
    'double entity': characters.map((character) => `&amp;#${character.charCodeAt(0)};`).join(''),
    percent: characters.map((character) => `%${hex(character.charCodeAt(0))}`).join(''),
    'percent, upper case': characters.map((character) => `%${hex(character.charCodeAt(0)).toUpperCase()}`).join(''),
    'percent twice': encodeURIComponent(characters.map((character) => `%${hex(character.charCodeAt(0))}`).join('')),
    'split by a tag': `${SECRET.slice(0, half)}<b></b>${SECRET.slice(half)}`,
    'split by a comment': `${SECRET.slice(0, half)}<!-- -->${SECRET.slice(half)}`,
    'split by CDATA': `${SECRET.slice(0, half)}<![CDATA[${SECRET.slice(half)}]]>`,
    'split by an entity line break': `${SECRET.slice(0, half)}&#10;${SECRET.slice(half)}`,
  };

  for (const [name, form] of Object.entries(forms)) {
    it(`is redacted (${name})`, async () => {
      const call = await loginAgainst(`<html><head><title>Blocked for ${form} by policy</title></head><body>x</body></html>`, 403);
      expect(call.pageTitle, name).toMatch(/^Blocked for .*\[redacted\]/);
      expect(sentinelHits(JSON.stringify(call), [SECRET]), name).toEqual([]);
    });
  }

  it('reaches no report: JSON, text, Markdown and HTML show the title with the secret removed', async () => {
    server = await startLoopbackServer((request, response) => {
      // The reach probe gets Arena's own answer, so the check goes on to send the WebToken.
      if (request.url?.endsWith('/logout'))
        return sendJson(response, 401, { status: 401, errors: [{ code: 401, message: 'No session.' }] });
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<title>Sign in again, ${forms.decimal ?? ''} / ${forms.percent ?? ''}</title><p>${SECRET}</p>`);
    });
    const report = await runCheck({
      apiUrl: server.apiUrl,
      workspaceId: 4242,
      integrationEmail: credentials.email,
      loginType: 'webtoken',
      integrationSecret: SECRET,
      timeoutMs: 5000,
    });
    const login = report.steps.find((step) => step.step === 'login');
    const json = JSON.parse(renderJson(report)) as { steps: { step: string; pageTitle: string | null }[] };
    expect(json.steps.map((step) => [step.step, step.pageTitle])).toEqual([
      ['reach', null],
      ['login', 'Sign in again, [redacted] / [redacted]'],
      ['authorize', null],
      ['logout', null],
    ]);
    expect(login?.pageTitle).toBe('Sign in again, [redacted] / [redacted]');
    const renderings = {
      json: renderJson(report),
      text: renderText(report),
      markdown: renderMarkdown(report),
      html: renderHtml(report),
    };
    for (const [format, rendering] of Object.entries(renderings)) {
      // Markdown escapes the brackets, so that no link can be made of network text.
      if (format !== 'json') expect(rendering, format).toContain('The page that came back is titled');
      expect(rendering.replace(/\\/g, ''), format).toContain('Sign in again, [redacted] / [redacted]');
      expect(sentinelHits(rendering, [SECRET]), format).toEqual([]);
    }
  });
});
