// Every rendering says who produced a failed step's message, as the result screen does: "Arena said"
// only for Arena's own words; a failure on this side is "This computer got"; an answer that was not
// Arena's (a web filter's page) says so. Each case is diagnosed by the real knowledge base.
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import type { StepResult } from '../../common/check-report.js';
import { diagnose, type DiagnosisInput } from '../../main/diagnosis/diagnose.js';
import { renderHtml } from '../../main/report/html-report.js';
import { renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { removeTags } from '../support/html-text.js';
import { checkReport, stepResult } from '../support/report-builders.js';

const NOW = new Date('2026-03-04T05:06:07.000Z');

function failed(input: Omit<DiagnosisInput, 'budget' | 'serverDate'>): StepResult {
  const failure: DiagnosisInput = { ...input, budget: null, serverDate: null };
  return stepResult({
    outcome: 'failed',
    httpStatus: input.httpStatus,
    errorCode: input.errorCode,
    message: input.message,
    diagnosis: diagnose(failure, { now: NOW }),
  });
}

const renderings: [string, (steps: StepResult[]) => string][] = [
  ['text', (steps) => renderText(checkReport({ steps }))],
  ['Markdown', (steps) => renderMarkdown(checkReport({ steps }))],
  ['HTML', (steps) => decodeHTML(removeTags(renderHtml(checkReport({ steps }))))],
];

const cases: [string, StepResult, string][] = [
  [
    'Arena rejected the WebToken',
    failed({ endpoint: 'POST /login', httpStatus: 400, errorCode: 4089, message: 'Invalid Token.' }),
    'Arena said',
  ],
  [
    'the connection was refused',
    failed({ endpoint: 'POST /login', httpStatus: null, errorCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }),
    'This computer got',
  ],
  [
    "a web filter's page came back",
    failed({
      endpoint: 'POST /login',
      httpStatus: 403,
      errorCode: 'HTML_RESPONSE',
      message: "A web page came back instead of Arena's JSON (HTTP 403).",
    }),
    "The answer (HTTP 403) was not Arena's",
  ],
];

describe.each(renderings)('the %s report', (_name, render) => {
  it.each(cases)('when %s, names who produced the message', (_what, step, lead) => {
    const report = render([step]);
    expect(report).toContain(`${lead}: `);
    if (lead !== 'Arena said') expect(report).not.toContain('Arena said');
  });
});
