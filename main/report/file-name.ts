// The suggested file name of an exported report.
import { isCheckReport, type CheckReport, type ReachReport } from '../../common/check-report.js';
import type { ExportFormat } from '../../common/ipc/contract.js';

export function fileNameFor(report: CheckReport | ReachReport, format: ExportFormat): string {
  const stamp = report.createdAt.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  // A network test names no workspace: its file says it is one, and where it went.
  const which = !isCheckReport(report)
    ? `network-${report.target.dataCentre}`
    : report.practiceScenario
      ? `practice-${report.practiceScenario}`
      : `workspace-${report.target.workspaceId}`;
  // The outcome in the name lets support tell files apart at a glance: "ok", or the failed step and code.
  const failed = report.steps.find((step) => step.outcome === 'failed');
  const outcome = failed ? `${failed.step}-${String(failed.errorCode ?? 'failed').replace(/[^\w-]/g, '')}` : 'ok';
  // A users check says so, so its export is not taken for a connection check's.
  const kind = report.steps.some((step) => step.step === 'users') ? 'users-' : '';
  return `arena-connect-doctor-${kind}${which}-${stamp}-${outcome}.${format}`;
}
