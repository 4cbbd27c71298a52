// Turns one failed call into a Diagnosis by interpreting the knowledge base. Pure: no I/O, no clock.
import type { Diagnosis, DiagnosisCause, FixStep, PresentedCertificate, RequestBudget } from '../../common/check-report.js';
import { ACTOR_LABELS } from '../../common/labels.js';
import { messageFacts } from '../explain/message-facts.js';
import { findEntry } from '../knowledge/index.js';
import type { KnowledgeCause, KnowledgeEntry, KnowledgeScope } from '../knowledge/types.js';
import { answerFromEvidence, type CheckEvidence } from './evidence.js';
import { extractFacts, type Facts } from './facts.js';
import { fillFacts } from './fill-facts.js';

export { ACTOR_LABELS };

export interface DiagnosisInput {
  /** The endpoint that answered, or 'reach' for the reach step's probe. */
  endpoint: KnowledgeScope;
  httpStatus: number | null;
  errorCode: number | string | null;
  message: string | null;
  budget: RequestBudget | null;
  serverDate: string | null;
  /** The certificate presented, when the reach step read one (names the inspecting product). */
  certificate?: PresentedCertificate | null;
}

export interface DiagnosisContext {
  now: Date;
  /** What the check saw besides this answer; questions it settles are answered, not asked. */
  evidence?: CheckEvidence;
}

export function diagnose(input: DiagnosisInput, context: DiagnosisContext): Diagnosis {
  return diagnoseEntry(findEntry(input.endpoint, input.errorCode), input, context);
}

/**
 * The diagnosis one entry gives for one failure. Facts come from the entry's extractors and from the
 * placeholders of its documented message, read out of Arena's message (the extractors win a clash).
 */
export function diagnoseEntry(
  entry: KnowledgeEntry,
  input: Omit<DiagnosisInput, 'endpoint' | 'errorCode'>,
  context: DiagnosisContext,
): Diagnosis {
  const facts = { ...messageFacts(entry, input.message), ...extractFacts(entry.extract ?? [], input, context.now) };
  const evidence = context.evidence ?? null;
  return {
    id: entry.id,
    title: fillFacts(titleFor(entry, facts), facts),
    meaning: fillFacts(entry.meaning, facts),
    causes: orderByStatus(entry.causes, input.httpStatus).map((cause) => toDiagnosisCause(cause, facts, evidence)),
    recheck: entry.recheck,
    facts,
    arenaMessage: input.message,
  };
}

/** The entry's most specific title whose fact is known, or its plain title. */
function titleFor(entry: KnowledgeEntry, facts: Facts): string {
  return entry.titleWhenKnown?.find((variant) => Object.hasOwn(facts, variant.fact))?.title ?? entry.title;
}

/** Causes the status points to come first; the knowledge base's order is kept otherwise (stable sort). */
function orderByStatus(causes: readonly KnowledgeCause[], status: number | null): readonly KnowledgeCause[] {
  if (status === null) return causes;
  const points = (cause: KnowledgeCause) => (cause.likelyWithStatus?.includes(status) ? 0 : 1);
  return [...causes].sort((a, b) => points(a) - points(b));
}

// Fresh objects throughout, so a caller changing its Diagnosis cannot change the knowledge base.
function toDiagnosisCause(cause: KnowledgeCause, facts: Facts, evidence: CheckEvidence | null): DiagnosisCause {
  const result: DiagnosisCause = {
    id: cause.id,
    summary: fillFacts(cause.summary, facts),
    question: fillFacts(cause.question, facts),
    fixSteps: cause.fixSteps.map((step) => toFixStep(step, facts)),
  };
  const answered = cause.answerFrom && evidence ? answerFromEvidence(cause.answerFrom, evidence) : null;
  if (answered) result.answered = answered;
  return result;
}

function toFixStep(step: FixStep, facts: Facts): FixStep {
  const filled: FixStep = { who: step.who, text: fillFacts(step.text, facts) };
  if (step.uiPath !== undefined) filled.uiPath = step.uiPath;
  return filled;
}
