// One line of the "Recent checks" list, worked out from the stored report itself, so the list and the
// result it opens can never disagree.
import type { CheckReport } from '../../common/check-report.js';
import type { HistoryEntry, HistorySummary } from '../../common/ipc/contract.js';
import { STEP_LABELS } from '../../common/labels.js';

export const CONNECTION_WORKS = 'The connection works';

function checkOutcome(report: CheckReport): Pick<HistorySummary, 'outcome' | 'title'> {
  const failed = report.steps.find((step) => step.outcome === 'failed');
  if (!failed) return { outcome: 'passed', title: CONNECTION_WORKS };
  const code = failed.errorCode === null ? '' : ` (${failed.errorCode})`;
  return { outcome: `${STEP_LABELS[failed.step]} failed${code}`, title: failed.diagnosis?.title ?? 'The check found a problem' };
}

export function summarise(entry: HistoryEntry): HistorySummary {
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
