// The reach step's evidence in every rendering a person reads: addresses, the connection used, the
// timeline, the certificate, the clock and the findings. Network text in it cannot reach a terminal raw.
import { describe, expect, it } from 'vitest';
import type { ReachNetwork } from '../../common/check-report.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderJson } from '../../main/report/json-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { checkReport, stepResult, TEST_API } from '../support/report-builders.js';

const network: ReachNetwork = {
  addresses: ['10.0.0.1', '2001:db8::1'],
  addressUsed: '10.0.0.1',
  proxy: null,
  route: { via: 'direct', reason: 'no-proxy-match' },
  phases: { dnsMs: 4, connectMs: 21, tlsMs: 35, firstByteMs: 60 },
  certificate: {
    subject: 'CN=api.arenasolutions.com\u001b[2J',
    issuer: 'CN=Zscaler Intermediate Root CA, O=Zscaler Inc.',
    issuerOrganization: 'Zscaler Inc.',
    issuerCommonName: 'Zscaler Intermediate Root CA',
    validFrom: '2026-11-01T00:00:00.000Z',
    validTo: '2027-11-01T00:00:00.000Z',
    nameMatches: true,
    chainLength: 3,
  },
  clockOffsetSeconds: 600,
  findings: [{ id: 'clock-offset', text: "This computer's clock is about 10 minutes ahead of Arena's." }],
};

const report = checkReport({
  steps: [stepResult({ step: 'reach', endpoint: 'PUT /logout', url: `${TEST_API}/logout`, httpStatus: 401, network }), stepResult()],
});

describe('the reach evidence', () => {
  it.each([
    ['text', renderText(report)],
    ['markdown', renderMarkdown(report)],
    ['html', renderHtml(report)],
  ])('is in the %s report: addresses, timeline, certificate issuer, clock, findings', (_name, rendered) => {
    expect(rendered).toContain('How this computer reached Arena');
    expect(rendered).toContain('10.0.0.1, 2001:db8::1');
    expect(rendered).toContain('DNS 4 ms · connect 21 ms · TLS 35 ms · first byte 60 ms');
    expect(rendered).toContain('Zscaler Intermediate Root CA');
    expect(rendered).toContain('chain of 3');
    expect(rendered).toContain('600 s ahead of');
    expect(rendered).toContain('about 10 minutes ahead');
    // The route and why it went direct (Markdown escapes the parentheses).
    expect(rendered.replace(/\\/g, '')).toContain('directly, without a proxy (NO_PROXY names Arena');
    expect(rendered).not.toContain('\u001b');
  });

  it("is the JSON contract's steps[0].network, as the step holds it", () => {
    const json = JSON.parse(renderJson(report)) as { steps: { step: string; network?: ReachNetwork }[] };
    expect(json.steps[0]?.step).toBe('reach');
    expect(json.steps[0]?.network).toMatchObject({
      addresses: ['10.0.0.1', '2001:db8::1'],
      addressUsed: '10.0.0.1',
      proxy: null,
      route: { via: 'direct', reason: 'no-proxy-match' },
      phases: { dnsMs: 4, connectMs: 21, tlsMs: 35, firstByteMs: 60 },
      certificate: { issuer: 'CN=Zscaler Intermediate Root CA, O=Zscaler Inc.', nameMatches: true, chainLength: 3 },
      clockOffsetSeconds: 600,
    });
  });
});
