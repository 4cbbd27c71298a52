// What the support log says about a check: the target without any secret, each step in brief.
import type { CheckReport, ReachReport, ReachTarget } from '../../common/check-report.js';
import type { ConnectionDetails } from '../../common/ipc/contract.js';
import { accountIdentity, canonicalApiUrl } from '../accounts/identity.js';

/** A network test's target: where Arena is, the API address as its host only. */
export function reachTargetFields(target: ReachTarget): Record<string, unknown> {
  let apiHost: string;
  try {
    apiHost = new URL(canonicalApiUrl(target.apiUrl)).host;
  } catch {
    apiHost = '(not a web address)';
  }
  return { dataCentre: target.dataCentre, apiHost };
}

/** The check's target; the API address as its host only. */
export function targetFields(details: ConnectionDetails): Record<string, unknown> {
  return {
    ...reachTargetFields(details),
    workspaceId: details.workspaceId,
    integrationEmail: details.integrationEmail,
    userEmail: details.userEmail,
    loginType: details.loginType,
    // The account as the re-check guard names it, so a support engineer can match a refusal to its check.
    account: accountIdentity({ workspaceId: details.workspaceId, email: details.integrationEmail }),
  };
}

/** Each step's outcome, status, code and duration. */
export function stepFields(report: CheckReport | ReachReport): Record<string, unknown>[] {
  return report.steps.map((step) => ({
    step: step.step,
    outcome: step.outcome,
    httpStatus: step.httpStatus,
    errorCode: step.errorCode,
    durationMs: step.durationMs,
    diagnosis: step.diagnosis?.id ?? null,
  }));
}
