// Fact extractors named by knowledge entries. Pure: time comes in as an argument, never from the clock.
import type { DiagnosisFacts, PresentedCertificate, RequestBudget } from '../../common/check-report.js';
import { INSPECTION_PRODUCTS } from '../knowledge/inspection-products.js';
import type { FactExtractor } from '../knowledge/types.js';
import { parseInstant } from '../../common/instant.js';

export interface FactSource {
  httpStatus: number | null;
  message: string | null;
  budget: RequestBudget | null;
  serverDate: string | null;
  /** The certificate the server presented, when the reach step read one. */
  certificate?: PresentedCertificate | null;
}

/** Typed: every fact a diagnosis can carry is named in common/check-report.ts and labelled in common/labels.ts. */
export type Facts = DiagnosisFacts;

// Words that surround a support code in Arena's "…contact Arena Technical Support{0}." and are not the code.
const FILLER = new Set([
  'a',
  'an',
  'and',
  'arena',
  'case',
  'code',
  'error',
  'for',
  'id',
  'incident',
  'is',
  'no',
  'number',
  'of',
  'please',
  'quote',
  'quoting',
  'ref',
  'reference',
  'support',
  'team',
  'technical',
  'the',
  'ticket',
  'using',
  'with',
]);
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]*/g;
const LABELLED = /\b(?:code|ref(?:erence)?|id)\b\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9_-]*)/i;

/**
 * The support code in a 4087 message: whatever Arena put after "Support" ("Support12345.",
 * "Support: AB-12.", "Support (reference #X9)."). Tokens with a digit win over plain words, so
 * "Support team, code 7F3A" gives "7F3A". Null when there is none, or the template was left unfilled.
 */
export function parseSupportCode(message: string | null): string | null {
  if (!message) return null;
  const text = message.replace(/\{\d+\}/g, ' ');
  const at = text.toLowerCase().lastIndexOf('support');
  if (at < 0) return LABELLED.exec(text)?.[1] ?? null;
  const tokens = (text.slice(at + 'support'.length).match(TOKEN) ?? [])
    .map((token) => token.replace(/[-_]+$/, ''))
    .filter((token) => token !== '' && token.length <= 64 && !FILLER.has(token.toLowerCase()));
  return tokens.find((token) => /\d/.test(token)) ?? tokens.find((token) => /^[A-Z]{3,}$/.test(token)) ?? tokens[0] ?? null;
}

export { parseInstant };

function budgetFacts(budget: RequestBudget | null, now: Date): Facts {
  if (!budget) return {};
  const facts: Facts = {};
  if (budget.limit !== null) facts.budgetLimit = String(budget.limit);
  if (budget.remaining !== null) facts.budgetRemaining = String(budget.remaining);
  if (budget.resetsAt && budget.resetsAt.trim() !== '') {
    facts.budgetResetsAt = budget.resetsAt.trim();
    const resets = parseInstant(budget.resetsAt);
    if (resets) {
      facts.budgetResetsAtUtc = resets.toISOString();
      const minutes = Math.ceil((resets.getTime() - now.getTime()) / 60_000);
      if (minutes > 0) facts.budgetResetsInMinutes = String(minutes);
    }
  }
  return facts;
}

function clockFacts(serverDate: string | null, now: Date): Facts {
  const facts: Facts = { localClock: now.toISOString() };
  if (serverDate && serverDate.trim() !== '') {
    facts.serverDate = serverDate.trim();
    const server = parseInstant(serverDate);
    // Positive: this computer is ahead of the server.
    if (server) facts.clockOffsetSeconds = String(Math.round((now.getTime() - server.getTime()) / 1000));
  }
  return facts;
}

/** "Zscaler Intermediate Root CA, of Zscaler Inc.": the issuer in plain words. */
function issuerInWords(certificate: PresentedCertificate): string | null {
  const { issuerCommonName: name, issuerOrganization: organisation } = certificate;
  if (name && organisation && name !== organisation) return `${name}, of ${organisation}`;
  return name ?? organisation ?? (certificate.issuer.trim() === '' ? null : certificate.issuer);
}

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The inspection product whose words appear, as whole words, in the certificate's issuer names. */
export function inspectionProductOf(certificate: PresentedCertificate): (typeof INSPECTION_PRODUCTS)[number] | null {
  const names = [certificate.issuerOrganization, certificate.issuerCommonName, certificate.issuer].filter((text): text is string => !!text);
  return (
    INSPECTION_PRODUCTS.find((product) =>
      product.issuerWords.some((word) => {
        const pattern = new RegExp(`(^|[^a-z0-9])${escapeForPattern(word)}([^a-z0-9]|$)`, 'i');
        return names.some((name) => pattern.test(name));
      }),
    ) ?? null
  );
}

function certificateFacts(certificate: PresentedCertificate | null | undefined): Facts {
  if (!certificate) return {};
  const facts: Facts = {};
  const issuer = issuerInWords(certificate);
  if (issuer) facts.certificateIssuer = issuer;
  if (certificate.subject) facts.certificateSubject = certificate.subject;
  const product = inspectionProductOf(certificate);
  if (product) facts[product.runsOn === 'network' ? 'inspectionProduct' : 'scanningProduct'] = product.name;
  return facts;
}

export function extractFacts(extractors: readonly FactExtractor[], source: FactSource, now: Date): Facts {
  const facts: Facts = {};
  for (const extractor of extractors) {
    switch (extractor) {
      case 'support-code': {
        const code = parseSupportCode(source.message);
        if (code) facts.supportCode = code;
        break;
      }
      case 'budget-reset':
        Object.assign(facts, budgetFacts(source.budget, now));
        break;
      case 'local-clock':
        Object.assign(facts, clockFacts(source.serverDate, now));
        break;
      case 'http-status':
        if (source.httpStatus !== null) facts.httpStatus = String(source.httpStatus);
        break;
      case 'certificate-issuer':
        Object.assign(facts, certificateFacts(source.certificate));
        break;
    }
  }
  return facts;
}
