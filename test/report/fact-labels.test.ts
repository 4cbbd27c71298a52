// Facts reach readers by their labels (common/labels.ts), never by their keys: for every knowledge entry
// that reads facts, with every fact it can read present, no rendering shows a raw key.
import { describe, expect, it } from 'vitest';
import type { CheckReport, FactName } from '../../common/check-report.js';
import { FACT_LABELS, labelledFacts } from '../../common/labels.js';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { KNOWLEDGE_BASE, type KnowledgeEntry } from '../../main/knowledge/index.js';
import type { KnowledgeScope } from '../../main/knowledge/types.js';
import { renderHtml } from '../../main/report/html-report.js';
import { escapeInline, renderMarkdown } from '../../main/report/markdown-report.js';
import { renderText } from '../../main/report/text-report.js';
import { checkReport, stepResult } from '../support/report-builders.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');
const FACT_NAMES = Object.keys(FACT_LABELS) as FactName[];

/** Arena's documented message with its placeholders filled, so its captures become facts; a support-code message otherwise. */
function messageFor(entry: KnowledgeEntry): string {
  const documented = entry.documented?.message;
  if (!documented || !/\{\d+\}/.test(documented)) return 'Something went wrong, please contact Arena Technical Support 7F3A-91.';
  return documented.replace(/\{(\d+)\}/g, (_match, index: string) => `Sample${index}x`);
}

function reportFor(endpoint: KnowledgeScope, code: number | string, message: string): CheckReport {
  const diagnosis = diagnose(
    {
      endpoint,
      httpStatus: 418,
      errorCode: code,
      message,
      budget: { limit: 25000, remaining: 0, resetsAt: '2025-03-04T08:00:00Z' },
      serverDate: 'Tue, 04 Mar 2025 05:05:07 GMT',
      certificate: {
        subject: 'CN=api.arenasolutions.com',
        issuer: 'CN=Zscaler Intermediate Root CA, O=Zscaler Inc.',
        issuerOrganization: 'Zscaler Inc.',
        issuerCommonName: 'Zscaler Intermediate Root CA',
        validFrom: '2025-01-01T00:00:00Z',
        validTo: '2026-01-01T00:00:00Z',
        nameMatches: true,
        chainLength: 2,
      },
    },
    { now: NOW },
  );
  return checkReport({
    ok: false,
    // The step stands for wherever the answer came from; the diagnosis is the entry's own.
    steps: [stepResult({ outcome: 'failed', httpStatus: 418, errorCode: code, diagnosis })],
  });
}

describe('fact labels', () => {
  const reading = KNOWLEDGE_BASE.filter((entry) => (entry.extract ?? []).length > 0 || (entry.documented?.captures ?? []).length > 0);

  it.each(reading.map((entry) => [entry.id, entry] as const))('%s: its facts show by label in text, Markdown and HTML', (_id, entry) => {
    const endpoint: KnowledgeScope = entry.match.endpoints === 'any' ? 'POST /login' : (entry.match.endpoints[0] ?? 'POST /login');
    const code = entry.match.codes[0];
    if (code === undefined) throw new Error(`${entry.id} matches no code`);
    const report = reportFor(endpoint, code, messageFor(entry));
    const diagnosis = report.steps[0]?.diagnosis;
    expect(diagnosis?.id).toBe(entry.id);
    const facts = labelledFacts(diagnosis?.facts ?? {});
    expect(facts.length).toBeGreaterThan(0);
    const renderings = { text: renderText(report), markdown: renderMarkdown(report), html: renderHtml(report) };
    for (const [format, rendered] of Object.entries(renderings)) {
      // A camelCase key is never an English word; a one-word key shows as a label only in its row's place.
      for (const name of FACT_NAMES.filter((key) => /[A-Z]/.test(key)))
        expect(rendered, `${format} shows the key ${name}`).not.toContain(name);
      for (const name of Object.keys(diagnosis?.facts ?? {})) {
        expect(rendered, `${format} labels a row ${name}`).not.toMatch(new RegExp(`(^|[\\s>-])${name}(</th>|:)`, 'm'));
      }
      for (const fact of facts) {
        expect(rendered, `${format} labels ${fact.name}`).toContain(
          format === 'markdown' ? escapeInline(fact.label) : format === 'html' ? fact.label.replace(/'/g, '&#39;') : fact.label,
        );
      }
    }
  });

  it('every fact name has a label, and a value reads with its unit', () => {
    expect(labelledFacts({ budgetResetsInMinutes: '1', clockOffsetSeconds: '60', budgetRemaining: '0' })).toEqual([
      { name: 'budgetRemaining', label: 'Requests left today', value: '0 requests' },
      { name: 'budgetResetsInMinutes', label: 'Request budget resets in', value: '1 minute' },
      { name: 'clockOffsetSeconds', label: "This computer's clock", value: "60 s ahead of Arena's" },
    ]);
    for (const name of FACT_NAMES) expect(FACT_LABELS[name].label).not.toMatch(/[a-z][A-Z]/);
  });
});
