// Small formatters shared by the text, Markdown and HTML renderings of a report.
import type { CheckReport, PhaseTimings, ReachReport, RequestBudget, StepResult } from '../../common/check-report.js';
import { STEP_LABELS } from '../../common/labels.js';

export function formatTimings(timings: PhaseTimings | null, durationMs: number): string {
  if (!timings) return `${durationMs} ms`;
  const parts: string[] = [];
  if (timings.dnsMs !== null) parts.push(`DNS ${timings.dnsMs}`);
  if (timings.connectMs !== null) parts.push(`connect ${timings.connectMs}`);
  if (timings.tlsMs !== null) parts.push(`TLS ${timings.tlsMs}`);
  if (timings.firstByteMs !== null) parts.push(`first byte ${timings.firstByteMs}`);
  parts.push(`total ${timings.totalMs}`);
  return `${parts.join(' · ')} ms`;
}

export function formatBudget(budget: RequestBudget | null): string {
  if (!budget || (budget.remaining === null && budget.limit === null)) return 'not reported';
  const left = budget.remaining === null ? 'unknown' : String(budget.remaining);
  const of = budget.limit === null ? '' : ` of ${budget.limit}`;
  const reset = budget.resetsAt ? `, resets ${budget.resetsAt}` : '';
  return `${left}${of} requests left today${reset}`;
}

export function formatCode(step: StepResult): string {
  return step.errorCode === null ? '' : String(step.errorCode);
}

export function headline(report: CheckReport): string {
  const failed = report.steps.find((step) => step.outcome === 'failed');
  if (!failed) {
    const name = report.workspaceName ? ` to workspace "${report.workspaceName}"` : '';
    return `Connection OK: Onshape can connect${name}.`;
  }
  const code = failed.errorCode === null ? '' : ` (${failed.errorCode})`;
  const title = failed.diagnosis?.title ?? 'failed';
  return `${STEP_LABELS[failed.step]}: failed${code}. ${title}`;
}

/** The reach step alone (`doctor reach`, the app's network test): reached, or not and why. */
export function reachHeadline(report: ReachReport): string {
  if (report.ok) return "Arena reached: this computer gets through to Arena's API (no credential was sent).";
  const step = report.steps.find((candidate) => candidate.outcome !== 'passed');
  const code = step?.errorCode === null || step?.errorCode === undefined ? '' : ` (${String(step.errorCode)})`;
  return `Arena not reached${code}. ${step?.diagnosis?.title ?? ''}`.trim();
}

export function describeTarget(report: CheckReport): string[] {
  const { target } = report;
  const centre = target.dataCentre === 'custom' ? 'custom address' : `data centre ${target.dataCentre}`;
  return [
    `API: ${target.apiUrl} (${centre})`,
    `Workspace ID: ${target.workspaceId}${report.workspaceName ? ` ("${report.workspaceName}")` : ''}`,
    `Integration user: ${target.integrationEmail} (login by ${target.loginType === 'webtoken' ? 'WebToken' : 'password'})`,
    `Onshape user: ${target.userEmail ?? 'none given'}`,
  ];
}

export { formatPhases, reachEvidence } from '../../common/reach-evidence.js';
