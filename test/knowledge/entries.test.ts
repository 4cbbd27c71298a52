// Shape rules every knowledge-base entry must keep, checked over the whole list.
import { ENDPOINT_PATHS } from '../../main/arena/request-shapes.js';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../common/check-report.js';
import { ACTOR_LABELS } from '../../common/labels.js';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { extractFacts } from '../../main/diagnosis/facts.js';
import { placeholdersIn } from '../../main/diagnosis/fill-facts.js';
import { KNOWLEDGE_BASE, findEntry } from '../../main/knowledge/index.js';
import type { KnowledgeEntry } from '../../main/knowledge/types.js';

const ENDPOINTS: Endpoint[] = Object.values(ENDPOINT_PATHS).map((entry) => entry.endpoint);
const NOW = new Date('2025-03-04T05:06:07.000Z');

function allText(entry: KnowledgeEntry): string[] {
  return [
    entry.title,
    entry.meaning,
    ...entry.causes.flatMap((cause) => [
      cause.summary,
      cause.question,
      ...cause.fixSteps.flatMap((step) => [step.text, step.uiPath ?? '']),
    ]),
  ];
}

/** Words that often join two conditions into one question. */
const JOINING_WORDS = / or | and has /;

describe('knowledge base entries', () => {
  it('has unique ids', () => {
    const ids = KNOWLEDGE_BASE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names ids by scope and code', () => {
    for (const entry of KNOWLEDGE_BASE) {
      expect(entry.id).toMatch(
        /^(login|authorize|logout|reserve|create-item|item|add-file|remove-file|bom|remove-bom)\.\d+$|^users\.(\d+|[A-Z_]+)$|^api\.\d+$|^network\.[A-Z_]+$|^format\.[A-Z_]+$|^reach\.[A-Z_]+$|^unknown$/,
      );
      if (entry.id !== 'unknown') expect(entry.id.split('.')[1]).toBe(String(entry.match.codes[0]));
    }
  });

  for (const entry of KNOWLEDGE_BASE) {
    describe(entry.id, () => {
      it('has a title, a meaning and causes', () => {
        expect(entry.title.trim()).not.toBe('');
        expect(entry.meaning.trim().length).toBeGreaterThan(20);
        expect(entry.causes.length).toBeGreaterThan(0);
        if (entry.id !== 'unknown') expect(entry.match.codes.length).toBeGreaterThan(0);
      });

      it('has causes with unique ids, a yes/no question and fix steps by a known actor', () => {
        const ids = entry.causes.map((cause) => cause.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const cause of entry.causes) {
          expect(cause.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(cause.summary.trim()).not.toBe('');
          expect(cause.question.trim()).toMatch(/\?$/);
          expect(cause.fixSteps.length).toBeGreaterThan(0);
          for (const step of cause.fixSteps) {
            expect(Object.keys(ACTOR_LABELS)).toContain(step.who);
            expect(step.text.trim()).not.toBe('');
            if (step.uiPath !== undefined) expect(step.uiPath).toMatch(/^(Arena|Onshape) > \S/);
          }
        }
      });

      it('asks a different question for each cause', () => {
        const questions = entry.causes.map((cause) => cause.question);
        expect(new Set(questions).size).toBe(questions.length);
      });

      // "Was it typed by hand, or could it have lost characters?" cannot be answered with one yes or no.
      it('asks one thing per question: " or " and " and has " only where a person marked the question reviewed', () => {
        for (const cause of entry.causes) {
          const joins = JOINING_WORDS.test(cause.question);
          expect({ cause: cause.id, question: cause.question, joins }).toEqual({
            cause: cause.id,
            question: cause.question,
            joins: cause.questionReviewed === 'one-condition',
          });
        }
      });

      it('only quotes facts its extractors can give, with a fallback unless always given', () => {
        const possible = extractFacts(
          entry.extract ?? [],
          {
            httpStatus: 404,
            message: 'Unknown errors encountered. Please contact Arena Technical Support 123.',
            budget: { limit: 1, remaining: 0, resetsAt: '2025-03-05T08:00:00Z' },
            serverDate: 'Tue, 04 Mar 2025 05:06:07 GMT',
            certificate: {
              subject: 'CN=api.arenasolutions.com',
              issuer: 'CN=Zscaler Intermediate Root CA, O=Zscaler Inc.',
              issuerOrganization: 'Zscaler Inc.',
              issuerCommonName: 'Zscaler Intermediate Root CA',
              validFrom: null,
              validTo: null,
              nameMatches: true,
              chainLength: 3,
            },
          },
          NOW,
        );
        const always = extractFacts(entry.extract ?? [], { httpStatus: null, message: null, budget: null, serverDate: null }, NOW);
        // A documented message's placeholders are facts too, but only when a message was matched.
        const captured = entry.documented?.captures ?? [];
        for (const placeholder of allText(entry).flatMap(placeholdersIn)) {
          expect([...Object.keys(possible), ...captured], `${entry.id} quotes {${placeholder.name}}`).toContain(placeholder.name);
          if (!placeholder.hasFallback) expect(Object.keys(always)).toContain(placeholder.name);
        }
      });

      it('leaves no unfilled placeholder when diagnosed with no facts at all', () => {
        const code = entry.match.codes[0] ?? 'NO-SUCH-CODE';
        const endpoint =
          entry.match.endpoints === 'any' ? ENDPOINTS.find((e) => findEntry(e, code).id === entry.id) : entry.match.endpoints[0];
        expect(endpoint, `${entry.id} is unreachable from every endpoint`).toBeDefined();
        if (!endpoint) return;
        const d = diagnose({ endpoint, httpStatus: null, errorCode: code, message: null, budget: null, serverDate: null }, { now: NOW });
        expect(d.id).toBe(entry.id);
        expect(JSON.stringify(d)).not.toMatch(/\{[A-Za-z]+(\|[^}]*)?\}|\(unknown\)/);
      });
    });
  }

  it('never advises switching certificate verification off', () => {
    const forbidden =
      /rejectUnauthorized|NODE_TLS|strict-ssl|--insecure|\bcurl -k\b|(disabl|turn\w* off|switch\w* off|bypass|ignor)\w*[^.]{0,40}(verif|certificate (check|error|validation))/i;
    for (const entry of KNOWLEDGE_BASE) {
      for (const text of allText(entry)) expect(text, entry.id).not.toMatch(forbidden);
    }
  });

  it('tells certificate-inspection failures to exempt the host or trust the proxy root', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const steps = findEntry('POST /login', code).causes.flatMap((cause) => cause.fixSteps);
      expect(steps.some((step) => step.who === 'network-admin' && /exempt the Arena API host from TLS inspection/i.test(step.text))).toBe(
        true,
      );
      expect(steps.some((step) => /root certificate/i.test(step.text))).toBe(true);
    }
  });

  it("documents statuses and messages only from Arena's tables, endpoint by endpoint", () => {
    for (const entry of KNOWLEDGE_BASE) {
      if (!entry.documented) continue;
      expect(entry.documented.source).toMatch(/^seeds\/(login|authorize-user)-errors\.md$|^arena-docs\/connection-errors-[a-z-]+\.md$/);
      // Only the unknown-errors page speaks for every endpoint.
      if (entry.match.endpoints === 'any') expect(entry.documented.source).toBe('arena-docs/connection-errors-unknown-system.md');
    }
  });

  it('names a fact for every placeholder of a documented message and its variants', () => {
    for (const entry of KNOWLEDGE_BASE) {
      if (!entry.documented) continue;
      const { message, variants = [], captures = [] } = entry.documented;
      const indexes = (text: string) => [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort();
      expect(captures.length, entry.id).toBe(indexes(message).length);
      expect(indexes(message), entry.id).toEqual(captures.map((_name, index) => index));
      for (const variant of variants) expect(indexes(variant), `${entry.id} variant`).toEqual(indexes(message));
    }
  });
});
