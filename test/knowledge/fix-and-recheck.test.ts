// A cause's fix steps never contradict the re-check rule shown beside them: where the fix is to run the
// check again as it is, the entry must let the admin check again now (no confirmation, no wait).
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_BASE } from '../../main/knowledge/index.js';

/** "Run the check again…", "Check again in a few minutes": a re-run with nothing changed first. */
const PLAIN_RERUN = /^(?:run the check again|check again)\b(?!\s+(?:using|with|after))/i;

describe('fix steps and the re-check rule', () => {
  it('a fix that is "run the check again" belongs to an entry whose re-check policy is "now"', () => {
    const contradictions: string[] = [];
    for (const entry of KNOWLEDGE_BASE) {
      for (const cause of entry.causes) {
        for (const step of cause.fixSteps) {
          if (PLAIN_RERUN.test(step.text) && entry.recheck !== 'now') {
            contradictions.push(`${entry.id} ${cause.id} (${entry.recheck}): ${step.text}`);
          }
        }
      }
    }
    expect(contradictions).toEqual([]);
  });

  it('recognises a plain re-run, and not a re-run after a change', () => {
    expect(PLAIN_RERUN.test('Run the check again; it logs in afresh.')).toBe(true);
    expect(PLAIN_RERUN.test('Check again in a few minutes.')).toBe(true);
    expect(PLAIN_RERUN.test("Correct the email in this tool's settings and check again.")).toBe(false);
    expect(PLAIN_RERUN.test('Check again using WebToken login.')).toBe(false);
  });
});
