import { describe, expect, it } from 'vitest';
import type { CheckReport, Diagnosis } from '../../common/check-report.js';
import { escapeHtml, renderHtml } from '../../main/report/html-report.js';
import { checkReport, stepResult, TEST_API } from '../support/report-builders.js';

// ---- full CheckReport objects: a passed check of all three steps unless a test says otherwise

const step = stepResult;

function report(overrides: Partial<CheckReport> = {}): CheckReport {
  return checkReport({
    workspaceName: 'Acme Hardware',
    budget: { limit: 25000, remaining: 24988, resetsAt: '2025-05-02T00:00:00-07:00' },
    steps: [
      step(),
      step({ step: 'authorize', endpoint: 'POST /login/authorizeuser', url: `${TEST_API}/login/authorizeuser` }),
      step({ step: 'logout', endpoint: 'PUT /logout', url: `${TEST_API}/logout` }),
    ],
    ok: true,
    ...overrides,
  });
}

const HOSTILE = '<script>alert(1)</script>';
const ATTR = '"onerror="alert(2)';

function hostileDiagnosis(): Diagnosis {
  return {
    id: 'authorize.4081',
    title: `Wrong user password ${HOSTILE}`,
    meaning: `Arena refused the Onshape user's credentials ${ATTR}`,
    causes: [
      {
        id: 'wrong-password',
        summary: 'The Onshape user typed a wrong Arena password',
        question: 'Did the user change their Arena password recently?',
        fixSteps: [
          { who: 'onshape-user', text: 'Re-enter the Arena password', uiPath: 'Onshape > Settings > Arena' },
          { who: 'arena-admin', text: 'Reset the password if forgotten', uiPath: 'Arena > Workspace > Settings > Employees' },
        ],
      },
      {
        id: 'not-employee',
        summary: 'The user is not an employee of this workspace',
        question: 'Is the user missing from the workspace employee list?',
        fixSteps: [{ who: 'arena-admin', text: `Add the user as an employee ${HOSTILE}` }],
      },
    ],
    recheck: 'after-change',
    facts: { supportCode: `AB-12 ${ATTR}`, serverDate: `Tue ${HOSTILE}` },
    arenaMessage: `Invalid email or password ${HOSTILE}`,
  };
}

function failedReport(): CheckReport {
  return report({
    ok: false,
    workspaceName: `Acme ${HOSTILE}`,
    supportTicket: `CASE-0042 ${ATTR}`,
    steps: [
      step({ message: null }),
      step({
        step: 'authorize',
        endpoint: 'POST /login/authorizeuser',
        url: 'https://api.arenasolutions.com/v1/login/authorizeuser',
        outcome: 'failed',
        httpStatus: 400,
        errorCode: 4081,
        message: `Invalid email or password ${HOSTILE}`,
        bodyExcerpt: `<html><img src=x onerror=alert(3)>${HOSTILE}</html>`,
        diagnosis: hostileDiagnosis(),
      }),
      step({
        step: 'logout',
        endpoint: 'PUT /logout',
        url: 'https://api.arenasolutions.com/v1/logout',
        outcome: 'skipped',
        httpStatus: null,
        timings: null,
        skippedReason: 'The session ends by itself.',
      }),
    ],
    diagnosisPath: [
      {
        step: 'authorize',
        diagnosisId: 'authorize.4081',
        answers: [
          { causeId: 'wrong-password', question: 'Did the user change their Arena password recently?', answer: 'no' },
          { causeId: 'not-employee', question: 'Is the user missing from the workspace employee list?', answer: 'yes' },
        ],
        concludedCauseId: 'not-employee',
      },
    ],
  });
}

/** Every tag's name and attributes (quoted values understood), so injected markup or attributes cannot hide. */
function tags(html: string): { name: string; attributes: { name: string; value: string }[] }[] {
  return [...html.replace(/<!doctype html>/i, '').matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((match) => {
    const rest = match[2] ?? '';
    const attributes = [...rest.matchAll(/\s+([a-zA-Z-]+)(?:="([^"]*)")?/g)];
    // Whatever the pattern did not consume would be a malformed or injected attribute.
    expect(rest.replace(/\s+([a-zA-Z-]+)(?:="([^"]*)")?/g, '')).toBe('');
    return {
      name: (match[1] ?? '').toLowerCase(),
      attributes: attributes.map((attribute) => ({ name: (attribute[1] ?? '').toLowerCase(), value: attribute[2] ?? '' })),
    };
  });
}

/** The page's visible text, entities decoded: what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('renderHtml', () => {
  it('escapes hostile text from the network everywhere', () => {
    const html = renderHtml(failedReport());
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html.toLowerCase()).not.toContain('<img');
    expect(html).not.toContain('"onerror');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;onerror=&quot;alert(2)');
    const allowedTags = new Set([
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'main',
      'header',
      'footer',
      'section',
      'h1',
      'h2',
      'h3',
      'p',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'ol',
      'ul',
      'li',
      'strong',
      'span',
      'code',
      'pre',
      'q',
      'div',
    ]);
    const allowedAttributes = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'scope']);
    for (const tag of tags(html)) {
      expect(allowedTags, tag.name).toContain(tag.name);
      for (const attribute of tag.attributes) expect(allowedAttributes, `${tag.name} ${attribute.name}`).toContain(attribute.name);
    }
  });

  it('is self-contained: CSP, charset, no scripts, no external resources', () => {
    const html = renderHtml(failedReport());
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|base|form|a)\b/i);
    // URLs appear only as text inside elements, never in markup: no src, no href, no address in any attribute.
    for (const tag of tags(html)) {
      for (const attribute of tag.attributes) {
        expect(['src', 'href', 'action', 'srcset', 'style']).not.toContain(attribute.name);
        expect(attribute.value).not.toMatch(/https?:|\/\//);
      }
    }
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).not.toMatch(/https?:|url\(|@import/i);
    expect(css).toContain('@media print');
    expect(css).toContain('break-inside: avoid');
    expect(css).toContain('prefers-color-scheme: dark');
  });

  it('holds the overview, the steps and the ticket', () => {
    const page = text(renderHtml(failedReport()));
    expect(page).toContain('Authorize the Onshape user: failed (4081).');
    expect(page).toContain('Arena Connect Doctor 0.1.0');
    expect(page).toContain('Node 20.19.0, Electron 45.4.1, win32 x64');
    expect(page).toContain('https://api.arenasolutions.com/v1 (data centre us)');
    expect(page).toContain('898765432');
    expect(page).toContain('integration@example.com (login by WebToken)');
    expect(page).toContain('designer@example.com');
    expect(page).toContain('24988 of 25000 requests left today');
    expect(page).toContain('CASE-0042 "onerror="alert(2)');
    expect(page).toContain('POST /login/authorizeuser');
    expect(page).toContain('FAILED');
    expect(page).toContain('DNS 12 · connect 40 · TLS 80 · first byte 170 · total 312 ms');
    expect(page).toContain('The session ends by itself.');
  });

  it('holds each diagnosis with its causes, questions, fix steps, who acts and where', () => {
    const page = text(renderHtml(failedReport()));
    const diagnosis = hostileDiagnosis();
    expect(page).toContain(diagnosis.title);
    expect(page).toContain(diagnosis.meaning);
    expect(page).toContain(`Arena said: ${diagnosis.arenaMessage ?? ''}`);
    expect(page).toContain('Code to quote to Arena Support AB-12');
    expect(page).not.toContain('supportCode');
    expect(page).toContain('<img src=x onerror=alert(3)>');
    for (const cause of diagnosis.causes) {
      expect(page).toContain(cause.summary);
      expect(page).toContain(`To tell: ${cause.question}`);
      for (const fix of cause.fixSteps) {
        expect(page).toContain(fix.text);
        if (fix.uiPath) expect(page).toContain(fix.uiPath);
      }
    }
    expect(page).toContain('The Onshape user: Re-enter the Arena password Onshape > Settings > Arena');
    expect(page).toContain('Arena administrator: Reset the password');
    expect(page).toContain('Check again only after the fix has been made');
  });

  it('holds the diagnosis path: questions, answers and the concluded cause', () => {
    const html = renderHtml(failedReport());
    const page = text(html);
    expect(page).toContain('Diagnosis path');
    expect(page).toContain('Did the user change their Arena password recently? No');
    expect(page).toContain('Is the user missing from the workspace employee list? Yes');
    expect(page).toContain('Concluded cause: The user is not an employee of this workspace');
    expect(page).toContain('The admin’s answers point here');
  });

  it('says when the answers settled nothing', () => {
    const base = failedReport();
    const page = text(
      renderHtml({
        ...base,
        diagnosisPath: [{ step: 'authorize', diagnosisId: 'authorize.4081', answers: [], concludedCauseId: null }],
      }),
    );
    expect(page).toContain('No questions were answered.');
    expect(page).toContain('the cause is not settled');
  });

  it('holds the facts Arena Support asks for, without secrets', () => {
    const page = text(renderHtml(failedReport()));
    const support = page.slice(page.indexOf('For Arena Support'));
    expect(support).toContain('POST /login/authorizeuser (https://api.arenasolutions.com/v1/login/authorizeuser)');
    expect(support).toContain('{"email":"designer@example.com","password":"[removed]"}');
    expect(support).toContain('"arena_session_id":"[removed]"');
    expect(support).toContain('HTTP status 400');
    expect(support).toContain('Code 4081');
    expect(support).toContain(`Message Invalid email or password ${HOSTILE}`);
    expect(support).toContain('Workspace ID 898765432');
    expect(support).toContain('User email designer@example.com');
    expect(support).toContain('Support ticket: CASE-0042');
  });

  it('says a passed check is OK and leaves out the failure sections', () => {
    const html = renderHtml(report());
    const page = text(html);
    expect(page).toContain('Connection OK: Onshape can connect to workspace "Acme Hardware".');
    expect(page).toContain('Next: in Onshape > Settings > Arena');
    expect(page).not.toContain('For Arena Support');
    expect(page).not.toContain('Diagnosis path');
    expect(page).toContain('Support ticket none');
  });

  it('marks a practice run as the simulator', () => {
    const page = text(renderHtml(report({ practiceScenario: 'locked-out' })));
    expect(page).toContain('Practice run against the built-in simulator (scenario locked-out), not against Arena.');
  });
});
