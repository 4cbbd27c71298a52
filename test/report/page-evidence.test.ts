// A web page that came back in Arena's place, in every rendering: its title and its text, as text only
// (nothing of it becomes markup, a Markdown link or a terminal sequence), and never a secret.
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../common/check-report.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { checkReport, stepResult } from '../support/report-builders.js';

const SECRET = 'WT-page-sentinel-51Q';
const TITLE = 'Sign in [to](https://evil.example) <b>Wi-Fi</b>';

const diagnosis: Diagnosis = {
  id: 'login.HTML_RESPONSE',
  title: 'A web page came back instead of Arena',
  meaning: 'Something on the network answered in Arena’s place.',
  causes: [],
  recheck: 'after-change',
  facts: {},
  arenaMessage: null,
};

const report = checkReport({
  steps: [
    stepResult({
      outcome: 'failed',
      httpStatus: 200,
      errorCode: 'HTML_RESPONSE',
      message: "A web page came back instead of Arena's JSON (HTTP 200).",
      pageTitle: `${TITLE} \u001b[2J ${SECRET}`,
      bodyExcerpt: 'Accept the terms to use the guest network.',
      diagnosis,
    }),
  ],
});
const secrets = [SECRET];

describe("a page's title in the reports", () => {
  it('text: a line of its own before the page text, with no escape sequence', () => {
    const text = renderText(report, secrets);
    expect(text).toContain(
      `  The page that came back is titled: "${TITLE} [redacted]"\n  The page that came back reads: "Accept the terms`,
    );
    expect(text).not.toContain('\u001b');
  });

  it('Markdown: literal text, no link or tag can be made of it', () => {
    const markdown = renderMarkdown(report, secrets);
    expect(markdown).toContain(
      'The page that came back is titled: “Sign in \\[to\\]\\(https://evil.example\\) \\<b\\>Wi-Fi\\</b\\> \\[redacted\\]”',
    );
    expect(markdown).not.toContain('](');
  });

  it('HTML: escaped inside a quotation, never markup', () => {
    const html = renderHtml(report, secrets);
    expect(html).toContain(
      '<p>The page that came back is titled: <q class="verbatim">Sign in [to](https://evil.example) &lt;b&gt;Wi-Fi&lt;/b&gt; [redacted]</q></p>',
    );
    expect(html).not.toContain('<b>Wi-Fi');
  });

  it("JSON: the step's pageTitle, as the contract names it", () => {
    const json = JSON.parse(renderJson(report, secrets)) as { steps: { pageTitle: string | null; bodyExcerpt: string | null }[] };
    expect(json.steps[0]?.pageTitle).toBe(`${TITLE} [redacted]`);
    expect(json.steps[0]?.bodyExcerpt).toBe('Accept the terms to use the guest network.');
  });

  it('no rendering mentions a title when the answer was not a page', () => {
    const plain = checkReport({ steps: [stepResult({ ...report.steps[0], pageTitle: null })] });
    for (const rendered of [renderText(plain), renderMarkdown(plain), renderHtml(plain)]) expect(rendered).not.toContain('is titled');
  });
});
