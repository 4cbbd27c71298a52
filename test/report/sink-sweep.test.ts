// Every rendering of a report (text, Markdown, HTML, JSON) as a sink: network text in it is one safe line
// (no escape sequence, C1, bidi or zero-width control reaches a terminal or a file), and the secrets the
// caller still knows are swept out even where an earlier step missed them.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../common/check-report.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { checkReport, stepResult } from '../support/report-builders.js';
import { sentinelHits } from '../support/sentinels.js';

const RENDERERS: [string, (report: CheckReport, secrets?: readonly string[]) => string][] = [
  ['text', renderText],
  ['Markdown', renderMarkdown],
  ['HTML', renderHtml],
  ['JSON', renderJson],
];

const HOSTILE = 'Acme\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eemca\u200b\u0085end';
const UNSAFE = /\u001b|\\u001b|[\u0080-\u009f]|\\u00[89][0-9a-f]|[\u200b\u202a-\u202e]/;
const SECRET = 'WT-missed-sentinel-5150';
const percentLower = [...SECRET].map((character) => `%${character.charCodeAt(0).toString(16)}`).join('');
const escaped = [...SECRET].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

function hostileReport(): CheckReport {
  const failed = stepResult({
    outcome: 'failed',
    httpStatus: 400,
    errorCode: 4089,
    message: `Invalid Token ${HOSTILE}`,
    serverDate: `Tue ${HOSTILE}`,
    budget: { limit: null, remaining: 3, resetsAt: `soon ${HOSTILE}` },
    bodyExcerpt: `page ${HOSTILE} ${escaped}`,
    diagnosis: {
      id: 'login.4089',
      title: 'The WebToken was refused',
      meaning: 'Arena did not accept the WebToken.',
      causes: [
        { id: 'c', summary: 'A wrong WebToken', question: 'Was it copied whole?', fixSteps: [{ text: 'Copy it again.', who: 'you' }] },
      ],
      recheck: 'after-change',
      facts: { supportCode: `${HOSTILE} ${SECRET.replace('sentinel', 'senti&#110;el')}` },
      arenaMessage: `Invalid Token ${HOSTILE} ${percentLower}`,
    },
  });
  return checkReport({ steps: [failed], workspaceName: `WS ${HOSTILE}`, budget: failed.budget, ok: false });
}

describe.each(RENDERERS)('the %s report', (_name, render) => {
  it('shows network text as one safe line: no escape sequence, C1, bidi or zero-width control', () => {
    const rendered = render(hostileReport());
    expect(rendered).not.toMatch(UNSAFE);
    expect(rendered).toContain('Invalid Token Acme');
  });

  it('sweeps out the secrets it is given, in any encoding', () => {
    expect(sentinelHits(render(hostileReport()), [SECRET])).toEqual([SECRET]);
    expect(sentinelHits(render(hostileReport(), [SECRET]), [SECRET])).toEqual([]);
  });
});
