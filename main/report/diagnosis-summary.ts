// The short form of a diagnosis that the CLI's JSON contract carries: {id, title, causes[], actions[]}.
// Pure formatting of a Diagnosis, so reports need not load the knowledge base to print one.
import type { Diagnosis } from '../../common/check-report.js';
import { formatFixStep } from '../../common/fix-steps.js';

export interface DiagnosisSummary {
  id: string;
  title: string;
  causes: string[];
  actions: string[];
}

/** Actions are every cause's fix steps in order ("Arena administrator: … (Arena > …)"); a step shared by several causes appears once. */
export function diagnosisSummary(d: Diagnosis): DiagnosisSummary {
  const actions = [...new Set(d.causes.flatMap((cause) => cause.fixSteps.map(formatFixStep)))];
  return { id: d.id, title: d.title, causes: d.causes.map((cause) => cause.summary), actions };
}
