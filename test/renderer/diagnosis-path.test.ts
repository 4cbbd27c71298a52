import { describe, expect, it } from 'vitest';
import { answerQuestion, diagnosisPath, walkState, type WalkAnswer } from '../../renderer/src/lib/diagnosis-path';
import { DIAGNOSIS_4089, login4089Outcome } from './support/fixtures';

describe('diagnosis path', () => {
  it('asks the causes in order and concludes at the first Yes', () => {
    let answers: WalkAnswer[] = [];
    expect(walkState(DIAGNOSIS_4089, answers)).toMatchObject({ kind: 'asking', index: 0, total: DIAGNOSIS_4089.causes.length });
    expect(DIAGNOSIS_4089.causes).toHaveLength(4);
    answers = answerQuestion(DIAGNOSIS_4089, answers, 'no');
    expect(walkState(DIAGNOSIS_4089, answers)).toMatchObject({ kind: 'asking', index: 1 });
    answers = answerQuestion(DIAGNOSIS_4089, answers, 'yes');
    expect(walkState(DIAGNOSIS_4089, answers)).toMatchObject({ kind: 'concluded', cause: { id: 'webtoken-regenerated' } });
    // No question is open after a conclusion.
    expect(answerQuestion(DIAGNOSIS_4089, answers, 'no')).toHaveLength(2);
  });

  it('leaves the causes not ruled out when the questions run out', () => {
    const answers = (['not-sure', 'no', 'not-sure', 'not-sure'] as const).reduce<WalkAnswer[]>(
      (list, answer) => answerQuestion(DIAGNOSIS_4089, list, answer),
      [],
    );
    const state = walkState(DIAGNOSIS_4089, answers);
    expect(state.kind).toBe('exhausted');
    if (state.kind !== 'exhausted') return;
    expect(state.remaining.map((cause) => cause.id)).toEqual(['webtoken-invalid', 'wrong-workspace', 'integration-use-disabled']);
    expect(state.allRuledOut).toBe(false);
  });

  it('shows every cause when every answer was No', () => {
    const answers = DIAGNOSIS_4089.causes.reduce<WalkAnswer[]>((list) => answerQuestion(DIAGNOSIS_4089, list, 'no'), []);
    expect(walkState(DIAGNOSIS_4089, answers)).toMatchObject({ kind: 'exhausted', allRuledOut: true });
  });

  it('needs no question for a single cause', () => {
    const single = { ...DIAGNOSIS_4089, causes: DIAGNOSIS_4089.causes.slice(0, 1) };
    expect(walkState(single, [])).toMatchObject({ kind: 'single', cause: { id: 'webtoken-invalid' } });
  });

  it('records the path for the report, only where questions were answered', () => {
    const report = login4089Outcome().report;
    expect(diagnosisPath(report, {})).toEqual([]);
    const answers = answerQuestion(DIAGNOSIS_4089, answerQuestion(DIAGNOSIS_4089, [], 'not-sure'), 'yes');
    expect(diagnosisPath(report, { login: answers })).toEqual([
      {
        step: 'login',
        diagnosisId: 'login.4089',
        answers: [
          { causeId: 'webtoken-invalid', question: DIAGNOSIS_4089.causes[0]?.question, answer: 'not-sure' },
          { causeId: 'webtoken-regenerated', question: DIAGNOSIS_4089.causes[1]?.question, answer: 'yes' },
        ],
        concludedCauseId: 'webtoken-regenerated',
      },
    ]);
  });

  it('skips a question the check answered: its "No" rules the cause out, its "Yes" concludes', () => {
    const [first, second, third, fourth] = DIAGNOSIS_4089.causes;
    if (!first || !second || !third || !fourth) throw new Error('fixture');
    const ruledOut = {
      ...DIAGNOSIS_4089,
      causes: [{ ...first, answered: { answer: 'no' as const, evidence: 'e' } }, second, third, fourth],
    };
    expect(walkState(ruledOut, [])).toMatchObject({ kind: 'asking', index: 0, total: 3, cause: { id: second.id } });
    const answers = answerQuestion(ruledOut, [], 'no');
    expect(answers).toEqual([{ causeId: second.id, question: second.question, answer: 'no' }]);
    expect(walkState(ruledOut, answers)).toMatchObject({ kind: 'asking', index: 1, total: 3, cause: { id: third.id } });
    const thirdNo = answerQuestion(ruledOut, answers, 'no');
    expect(walkState(ruledOut, answerQuestion(ruledOut, thirdNo, 'no'))).toMatchObject({ kind: 'exhausted', allRuledOut: true });
    expect(walkState(ruledOut, answerQuestion(ruledOut, thirdNo, 'not-sure'))).toMatchObject({
      kind: 'exhausted',
      remaining: [{ id: fourth.id }],
    });
    const concluded = {
      ...DIAGNOSIS_4089,
      causes: [first, { ...second, answered: { answer: 'yes' as const, evidence: 'e' } }, third, fourth],
    };
    const afterFirst = answerQuestion(concluded, [], 'no');
    expect(walkState(concluded, afterFirst)).toMatchObject({ kind: 'concluded', cause: { id: second.id } });
  });
});
