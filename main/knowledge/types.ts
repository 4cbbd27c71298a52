// The knowledge base's schema. Entries are data (see the sibling files); diagnose() interprets them.
import type { Actor, FactName, FixStep, KnownEndpoint, RecheckPolicy } from '../../common/check-report.js';

export type { Actor, FixStep, RecheckPolicy };

/**
 * Where an answer came from: an Arena endpoint, or 'reach', the credential-free probe of the reach step
 * (PUT /logout without a session), whose answers can mean something else than the same answer to a login.
 */
export type KnowledgeScope = KnownEndpoint | 'reach';

/**
 * Named fact extractors an entry can ask for; diagnose() runs them. Data names them, code implements them.
 * Entry text may quote a fact as "{name}" or "{name|text used when the fact is missing}".
 */
export type FactExtractor =
  | 'support-code' // 4087: the code Arena puts in its message for Arena Support
  | 'budget-reset' // 4084: when the request budget resets (X-Arena-Next-Request-Limit-Reset)
  | 'local-clock' // certificate date errors: this computer's clock, to compare with the real time
  | 'http-status' // unexpected status: which status arrived
  | 'certificate-issuer'; // certificate failures at reach: who issued the certificate, and the inspecting product

/**
 * Named questions the check's own evidence can answer (main/diagnosis/evidence.ts implements them). A cause
 * names one when its question is exactly what that evidence tells; data names them, code answers them.
 */
export type EvidenceQuestion =
  | 'time-since-login' // how long after the login's answer the failing step started (sessions idle out at 90 minutes)
  | 'api-url-port-or-host' // whether the API URL has a port number, or a host that is no data centre's API host
  | 'api-url-differs' // whether the API URL is none of the data centres' API addresses
  | 'api-url-path' // whether the API URL's path is something other than /v1
  | 'tool-proxy' // whether this check went through a proxy
  | 'traffic-through-proxy' // "yes" when this check went through a proxy; unanswered otherwise (a transparent one is invisible)
  | 'browser-proxy'; // "no" when this computer's proxy settings send Arena's address directly; unanswered otherwise

export interface KnowledgeCause {
  /** Unique inside its entry, e.g. "ip-restriction". */
  id: string;
  summary: string;
  /** A yes/no question whose "yes" points to this cause rather than its siblings. */
  question: string;
  /**
   * Set after a person checked that a question holding " or " or " and has " still asks one thing
   * (alternatives of one condition: "a proxy or firewall"), not two conditions one yes/no cannot answer.
   * The knowledge-base test refuses those words in a question without it.
   */
  questionReviewed?: 'one-condition';
  fixSteps: readonly FixStep[];
  /**
   * HTTP statuses that make this cause the most likely of its siblings: diagnose() lists matching causes
   * first (e.g. 404 points to a wrong API address, 403 to a proxy). Order among the rest is kept.
   */
  likelyWithStatus?: readonly number[];
  /** The evidence that answers this cause's question, when the check has it. */
  answerFrom?: EvidenceQuestion;
}

export interface KnowledgeEntry {
  /** Stable id, e.g. "login.4089", "any.ECONNREFUSED", "unknown". */
  id: string;
  match: {
    /** The endpoints this entry applies to; 'any' for codes that mean the same everywhere. */
    endpoints: readonly KnowledgeScope[] | 'any';
    /** Arena error codes (numbers) or transport / format codes (strings). */
    codes: readonly (number | string)[];
  };
  title: string;
  /**
   * More specific titles, each used when its fact is known (the first that applies wins): e.g. the
   * TLS-inspection product that issued the certificate. The title may quote that fact.
   */
  titleWhenKnown?: readonly { fact: string; title: string }[];
  meaning: string;
  causes: readonly KnowledgeCause[];
  recheck: RecheckPolicy;
  extract?: readonly FactExtractor[];
  /** Where an entry comes from a documented table: the status and message Arena documents. */
  documented?: DocumentedMessage;
}

export interface DocumentedMessage {
  /** Null where Arena's table leaves the status blank (3000 on the unknown-errors page). */
  httpStatus: number | null;
  /** Arena's message template verbatim, placeholders {0}, {1}… as the table writes them. */
  message: string;
  source: string;
  /**
   * Readable fact names for the placeholders, by index: captures[0] names {0}. A message matched
   * against the template gives its values as these facts, which entry text may quote ("{attribute|…}").
   */
  captures?: readonly FactName[];
  /** Other forms of the same message seen in Arena's examples (same placeholders), matched as well. */
  variants?: readonly string[];
}
