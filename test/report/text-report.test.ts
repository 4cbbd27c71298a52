// The plain-text report (the CLI's output and the clipboard copy) as a reader follows it top to bottom.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';
import { renderText } from '../../main/report/text-report.js';
import { checkReport, stepResult } from '../support/report-builders.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');

function failedWith(code: number, message: string): string {
  const failure = { endpoint: 'POST /login' as const, httpStatus: 400, errorCode: code, message, budget: null, serverDate: null };
  const step = stepResult({ outcome: 'failed', httpStatus: 400, errorCode: code, message, diagnosis: diagnose(failure, { now: NOW }) });
  return renderText(checkReport({ steps: [step] }));
}

describe('text report', () => {
  it("an unknown code points to Arena's message where it is: above the advice that mentions it", () => {
    const text = failedWith(4999, 'The moon is in the wrong phase.');
    const lines = text.split('\n');
    const said = lines.findIndex((line) => line.includes('Arena said: "The moon is in the wrong phase."'));
    const pointer = lines.findIndex((line) => line.includes("Read Arena's message above"));
    expect(said).toBeGreaterThan(-1);
    expect(pointer).toBeGreaterThan(said);
  });

  it("no advice in the knowledge base points below for Arena's message (every rendering shows it before the advice)", () => {
    const below = KNOWLEDGE_BASE.flatMap((entry) =>
      [entry.meaning, ...entry.causes.flatMap((cause) => [cause.summary, cause.question, ...cause.fixSteps.map((fix) => fix.text)])]
        .filter((text) => /message below|below.{0,20}message/i.test(text))
        .map((text) => `${entry.id}: ${text}`),
    );
    expect(below).toEqual([]);
  });
});
