// One line of the "Recent checks" list, worked out from the stored report itself, so the list and the
// result it opens can never disagree.
import type { CheckReport, ReachReport } from '../../common/check-report.js';
import type { ExplanationReport } from '../../common/explanation.js';
import type { HistoryEntry, HistorySummary } from '../../common/ipc/contract.js';
import { STEP_LABELS } from '../../common/labels.js';

export const CONNECTION_WORKS = 'The connection works';

function checkOutcome(report: CheckReport): Pick<HistorySummary, 'outcome' | 'title'> {
  const failed = report.steps.find((step) => step.outcome === 'failed');
  if (!failed) return { outcome: 'passed', title: CONNECTION_WORKS };
  const code = failed.errorCode === null ? '' : ` (${failed.errorCode})`;
  return { outcome: `${STEP_LABELS[failed.step]} failed${code}`, title: failed.diagnosis?.title ?? 'The check found a problem' };
}

/** A pasted message in one short line, as the list shows it when nothing in it was recognised. */
export function shortForm(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function explainSummary(id: string, report: ExplanationReport): HistorySummary {
  const { explanation } = report;
  const best = explanation.candidates[0];
  return {
    id,
    kind: 'explain',
    createdAt: report.createdAt,
    apiUrl: null,
    workspaceId: null,
    ok: false,
    outcome: best ? `Explained message: Arena code ${best.code}` : "Explained message: not in Arena's list",
    title: best ? best.title : `“${shortForm(explanation.input)}”`,
  };
}

/** A network test: where it went, and whether Arena was reached. */
function reachSummary(id: string, report: ReachReport): HistorySummary {
  const step = report.steps[0];
  const code = step?.errorCode === null || step?.errorCode === undefined ? '' : ` (${step.errorCode})`;
  return {
    id,
    kind: 'reach',
    createdAt: report.createdAt,
    apiUrl: report.target.apiUrl,
    workspaceId: null,
    ok: report.ok,
    outcome: report.ok ? 'Network test (no sign-in): reached' : `Network test (no sign-in) failed${code}`,
    title: report.ok ? 'Arena can be reached from this computer' : (step?.diagnosis?.title ?? 'Arena could not be reached'),
  };
}

export function summarise(entry: HistoryEntry): HistorySummary {
  if (entry.kind === 'explain') return explainSummary(entry.id, entry.report);
  if (entry.kind === 'reach') return reachSummary(entry.id, entry.report);
  const { report } = entry;
  return {
    id: entry.id,
    kind: entry.kind,
    createdAt: report.createdAt,
    apiUrl: report.target.apiUrl,
    workspaceId: report.target.workspaceId,
    ok: report.ok,
    ...checkOutcome(report),
  };
}
