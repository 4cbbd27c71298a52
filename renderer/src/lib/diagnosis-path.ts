// Walking a diagnosis's causes one question at a time. "Yes" concludes a cause; "No" rules it out;
// "Not sure" keeps it possible and moves on. When the questions run out without a "Yes", the causes
// not ruled out remain (all of them, if every answer was "No").
import type {
  Answer,
  CheckReport,
  Diagnosis,
  DiagnosisCause,
  DiagnosisPathEntry,
  StepName,
} from '../../../common/check-report';

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

export const ANSWER_LABELS: Readonly<Record<Answer, string>> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
};

export function walkState(diagnosis: Diagnosis, answers: readonly WalkAnswer[]): WalkState {
  const causes = diagnosis.causes;
  const [first] = causes;
  if (!first) return { kind: 'no-causes' };
  if (causes.length === 1) return { kind: 'single', cause: first };
  const yes = answers.find((entry) => entry.answer === 'yes');
  const concluded = yes ? causes.find((cause) => cause.id === yes.causeId) : undefined;
  if (concluded) return { kind: 'concluded', cause: concluded };
  const next = causes[answers.length];
  if (next) return { kind: 'asking', index: answers.length, total: causes.length, cause: next };
  const ruledOut = new Set(answers.filter((entry) => entry.answer === 'no').map((entry) => entry.causeId));
  const remaining = causes.filter((cause) => !ruledOut.has(cause.id));
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
export function diagnosedSteps(report: CheckReport): { step: StepName; diagnosis: Diagnosis }[] {
  const found: { step: StepName; diagnosis: Diagnosis }[] = [];
  for (const step of report.steps) {
    if (step.outcome === 'failed' && step.diagnosis) found.push({ step: step.step, diagnosis: step.diagnosis });
  }
  return found;
}

/** The path taken, for the report: one entry per diagnosis where at least one question was answered. */
export function diagnosisPath(
  report: CheckReport,
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
