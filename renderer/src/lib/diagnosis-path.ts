// Walking a diagnosis's causes one question at a time. "Yes" concludes a cause; "No" rules it out;
// "Not sure" keeps it possible and moves on. When the questions run out without a "Yes", the causes
// not ruled out remain (all of them, if every answer was "No"). A question the check answered from its
// own evidence (cause.answered) is not asked: its answer counts as if the admin had given it.
import type {
  Answer,
  CheckReport,
  Diagnosis,
  DiagnosisCause,
  DiagnosisPathEntry,
  EvidenceAnswer,
  StepName,
} from '../../../common/check-report';
import { ANSWER_LABELS } from '../../../common/labels';

export interface WalkAnswer {
  causeId: string;
  question: string;
  answer: Answer;
}

export type WalkState =
  | { kind: 'no-causes' }
  | { kind: 'single'; cause: DiagnosisCause }
  | { kind: 'asking'; index: number; total: number; cause: DiagnosisCause }
  | { kind: 'concluded'; cause: DiagnosisCause }
  | { kind: 'exhausted'; remaining: DiagnosisCause[]; allRuledOut: boolean };

export { ANSWER_LABELS };

/** The answer a cause has: the check's own, when its evidence settled the question, else the admin's. */
function answerFor(cause: DiagnosisCause, answers: readonly WalkAnswer[]): Answer | undefined {
  return cause.answered?.answer ?? answers.find((entry) => entry.causeId === cause.id)?.answer;
}

/** Causes whose question the check answered itself: the walk skips them and lists their answers. */
export function answeredByCheck(diagnosis: Diagnosis): (DiagnosisCause & { answered: EvidenceAnswer })[] {
  return diagnosis.causes.filter((cause): cause is DiagnosisCause & { answered: EvidenceAnswer } => cause.answered !== undefined);
}

export function walkState(diagnosis: Diagnosis, answers: readonly WalkAnswer[]): WalkState {
  const causes = diagnosis.causes;
  const [first] = causes;
  if (!first) return { kind: 'no-causes' };
  if (causes.length === 1) return { kind: 'single', cause: first };
  const toAsk = causes.length - answeredByCheck(diagnosis).length;
  for (const cause of causes) {
    const answer = answerFor(cause, answers);
    if (answer === undefined) return { kind: 'asking', index: answers.length, total: toAsk, cause };
    if (answer === 'yes') return { kind: 'concluded', cause };
  }
  const remaining = causes.filter((cause) => answerFor(cause, answers) !== 'no');
  return remaining.length === 0
    ? { kind: 'exhausted', remaining: [...causes], allRuledOut: true }
    : { kind: 'exhausted', remaining, allRuledOut: false };
}

/** Records an answer to the question being asked; returns the same list when no question is open. */
export function answerQuestion(diagnosis: Diagnosis, answers: readonly WalkAnswer[], answer: Answer): WalkAnswer[] {
  const state = walkState(diagnosis, answers);
  if (state.kind !== 'asking') return [...answers];
  return [...answers, { causeId: state.cause.id, question: state.cause.question, answer }];
}

/** Failed steps whose diagnosis the wizard walks, in report order. */
export function diagnosedSteps(report: Pick<CheckReport, 'steps'>): { step: StepName; diagnosis: Diagnosis }[] {
  const found: { step: StepName; diagnosis: Diagnosis }[] = [];
  for (const step of report.steps) {
    if (step.outcome === 'failed' && step.diagnosis) found.push({ step: step.step, diagnosis: step.diagnosis });
  }
  return found;
}

/** The path taken, for the report: one entry per diagnosis where at least one question was answered. */
export function diagnosisPath(
  report: Pick<CheckReport, 'steps'>,
  answersByStep: Partial<Record<StepName, readonly WalkAnswer[]>>,
): DiagnosisPathEntry[] {
  const entries: DiagnosisPathEntry[] = [];
  for (const { step, diagnosis } of diagnosedSteps(report)) {
    const answers = answersByStep[step] ?? [];
    if (answers.length === 0) continue;
    const state = walkState(diagnosis, answers);
    entries.push({
      step,
      diagnosisId: diagnosis.id,
      answers: answers.map((entry) => ({ ...entry })),
      concludedCauseId: state.kind === 'concluded' ? state.cause.id : null,
    });
  }
  return entries;
}
