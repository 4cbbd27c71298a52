// The users check's part of the service: reading the pasted list or file (preview, with its cost bound),
// and the run itself, which takes its turn with checks (one login at a time) and goes through the same
// re-check guard, so a failed credential is not sent again unasked.
import type { Result, UsersIntent, UsersOutcome, UsersPreview } from '../../common/ipc/contract.js';
import type { UsersReport } from '../../common/users-report.js';
import { DEFAULT_TIMEOUT_MS } from '../arena/client.js';
import type { StepName } from '../../common/check-report.js';
import type { ConnectionDetails } from '../../common/ipc/contract.js';
import type { GuardedTarget, RecheckGuard } from '../check/recheck-gate.js';
import { targetFields, stepFields } from '../logging/fields.js';
import { proxyUrlOf, routeFor } from '../network/proxy.js';
import type { AddSecrets } from '../logging/index.js';
import { parseEmailList } from '../users/email-input.js';
import { costBound } from '../users/plan.js';
import { runUsersCheck } from '../users/run-users.js';
import { connectLimitMs, refusal, stepPassed, type CheckContext } from './checks.js';
import { normaliseDetails } from './details.js';
import { fail, ok } from './handler.js';
import { integrationSecretKind, remember, resolveSecret } from './keychain.js';

export function previewUsers(emailsText: string): Result<UsersPreview> {
  const list = parseEmailList(emailsText);
  if (!list.ok) return fail('invalid-payload', list.error);
  const { emails, duplicates, invalid, column } = list.value;
  const bound = costBound(emails.length);
  return ok({ emails: emails.length, duplicates, invalid, column, atMostRequests: bound.atMost, perPage: bound.perPage });
}

export interface UsersRunDeps {
  context: CheckContext;
  guard: RecheckGuard;
  /** The integration user as the guard sees it, with the mark of the secret about to be sent. */
  targetsFor: (details: ConnectionDetails, integrationSecret: string) => GuardedTarget[];
  /** Records a run (cancelled too: what reached Arena counts) with the guard, keeps the report; returns notices. */
  record: (report: UsersReport, delivered: ReadonlySet<StepName>, targets: readonly GuardedTarget[]) => Promise<string[]>;
}

export async function runUsers(
  deps: UsersRunDeps,
  intent: UsersIntent,
  addSecrets: AddSecrets,
  signal: AbortSignal,
): Promise<Result<UsersOutcome>> {
  const { host, now, log } = deps.context;
  const list = parseEmailList(intent.emailsText);
  if (!list.ok) return fail('invalid-payload', list.error);
  if (list.value.emails.length === 0) return fail('invalid-payload', 'No valid email was found in the list of Onshape users.');

  // Nobody is authorized: the target is the integration user's login alone, as a check without a user.
  const details = normaliseDetails({ ...intent.details, userEmail: null });
  const secret = await resolveSecret(host.vault, details, integrationSecretKind(details), intent.integrationSecret);
  if (!secret.ok) return secret;
  addSecrets([secret.data]);
  const targets = deps.targetsFor(details, secret.data);
  const admission = deps.guard.admit(targets, intent.confirmedChange);
  if (!admission.ok) return refusal(admission);
  const delivered = new Set<StepName>();

  log.info({ target: targetFields(details), emails: list.value.emails.length, proxy: intent.proxy.mode }, 'users check started');
  const route = await routeFor(intent.proxy, details.apiUrl, host.resolveSystemProxy ?? null);
  const report = await runUsersCheck(
    {
      apiUrl: details.apiUrl,
      dataCentre: details.dataCentre,
      workspaceId: details.workspaceId,
      integrationEmail: details.integrationEmail,
      loginType: details.loginType,
      integrationSecret: secret.data,
      timeoutMs: host.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      connectTimeoutMs: connectLimitMs(intent.connectTimeoutSeconds, host),
      proxyUrl: proxyUrlOf(route),
      route,
      emails: list.value.emails,
      invalid: list.value.invalid,
    },
    {
      onEvent: (event) => {
        if (event.type === 'users-progress') deps.context.emitProgress(event);
        else if (event.type === 'step-started') deps.context.emitProgress({ type: 'step-started', step: event.step, at: event.at });
        else {
          if (event.delivered) delivered.add(event.result.step);
          deps.context.emitProgress({ type: 'step-finished', result: event.result });
        }
      },
      now,
      signal,
      electronVersion: host.electronVersion ?? null,
      network: host.network ?? {},
    },
  );
  log.info(
    { target: targetFields(details), ok: report.ok, steps: stepFields(report), requestsUsed: report.usersCheck.requestsUsed },
    'users check finished',
  );
  const cancelled = signal.aborted;
  const notices = await deps.record(report, delivered, targets);
  const accepted = { integration: stepPassed(report, 'login'), user: false };
  notices.push(...(await remember(host, { ...intent, userPassword: { source: 'none' } }, details, accepted)));
  return ok({ report, recheck: deps.guard.combinedGate(targets), notices, cancelled });
}
