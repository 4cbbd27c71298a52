// What Arena Support asks for when a customer reports an API problem: endpoint, request JSON with the
// secrets removed, response status, code and message, workspace ID and user email.
import type { CheckReport, StepResult } from '../../common/check-report.js';
import { authorizeBody, loginBody, SESSION_HEADER } from '../arena/request-shapes.js';

export const REMOVED = '[removed]';

export interface SupportRequestFacts {
  endpoint: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestJson: string | null;
  httpStatus: number | null;
  errorCode: number | string | null;
  message: string | null;
  workspaceId: number;
  userEmail: string;
}

export function supportRequestFacts(report: CheckReport, step: StepResult): SupportRequestFacts {
  const { target } = report;
  const requestHeaders: Record<string, string> = { 'content-type': 'application/json' };
  // The reach probe carries no session: that is what makes it credential-free.
  if (step.step !== 'login' && step.step !== 'reach') requestHeaders[SESSION_HEADER] = REMOVED;
  const body =
    step.step === 'login'
      ? loginBody({ email: target.integrationEmail, workspaceId: target.workspaceId, loginType: target.loginType, secret: REMOVED })
      : step.step === 'authorize'
        ? authorizeBody(target.userEmail ?? '', REMOVED)
        : null;
  return {
    endpoint: step.endpoint,
    url: step.url,
    requestHeaders,
    requestJson: body ? JSON.stringify(body) : null,
    httpStatus: step.httpStatus,
    errorCode: step.errorCode,
    message: step.message,
    workspaceId: target.workspaceId,
    userEmail: step.step === 'authorize' ? (target.userEmail ?? target.integrationEmail) : target.integrationEmail,
  };
}

export function failedSteps(report: CheckReport): StepResult[] {
  return report.steps.filter((step) => step.outcome === 'failed');
}
