// The users check: log in as the integration user (the same one attempt as a check), read the workspace's
// users (GET /settings/users) by pages or by per-email search, whichever costs fewer requests, and ALWAYS
// log out once logged in. Needs nobody's password but the login's. Returns a report that holds no secret.
import type { Diagnosis, StepResult } from '../../common/check-report.js';
import type { InvalidLine, UsersPlan, UsersReport, UserStatus, UserVerdict, UsersStrategy } from '../../common/users-report.js';
import type { ArenaClient, ArenaSession, CallOutcome } from '../arena/client.js';
import { ENDPOINT_PATHS, USERS_PAGE_LIMIT, type ArenaUserRecord } from '../arena/request-shapes.js';
import { CANCELLED } from '../arena/transport-error.js';
import {
  buildReport,
  CANCELLED_BEFORE_CREDENTIAL,
  clientFor,
  diagnosisOf,
  NOT_REACHED_REASON,
  reachStep,
  skipped,
  stepResult,
  stepRunner,
  type CheckEnvironment,
  type CheckEvent,
  type CheckRequest,
} from '../check/runner.js';
import { OVER_BUDGET_CODE, USERS_CANNOT_SHOW } from '../knowledge/users-entries.js';
import { budgetRefusal, pagesFor, planUsersRead, readsAfterFirstPage } from './plan.js';
import { adviceIdFor, indexByEmail, verdictCode, verdictFor } from './verdicts.js';

export interface UsersRequest extends Omit<CheckRequest, 'user'> {
  /** Distinct, case-folded emails (see parseEmailList). */
  emails: readonly string[];
  /** Input lines without a valid email, carried into the report. */
  invalid: readonly InvalidLine[];
}

/** Progress of the reads: `done` of `total` requests (pages or searches), announced after each one. */
export type UsersEvent = CheckEvent | { type: 'users-progress'; strategy: UsersStrategy; done: number; total: number };

export interface UsersEnvironment extends Omit<CheckEnvironment, 'onEvent'> {
  onEvent?: (event: UsersEvent) => void;
}

export async function runUsersCheck(request: UsersRequest, environment: UsersEnvironment = {}): Promise<UsersReport> {
  const now = environment.now ?? (() => new Date());
  const emit = environment.onEvent ?? (() => undefined);
  const client = clientFor(request, environment.network);
  const runStep = stepRunner(client, emit, now);
  const counter = new RequestCounter();

  const steps: StepResult[] = [];
  // Reach first, as a check does: on a network that does not get to Arena, no login is spent finding that out.
  const reach = await reachStep(request, environment);
  steps.push(reach);
  if (reach.outcome !== 'passed' || environment.signal?.aborted) {
    const reason = reach.outcome === 'failed' ? NOT_REACHED_REASON : CANCELLED_BEFORE_CREDENTIAL;
    for (const step of ['login', 'users', 'logout'] as const) steps.push(skipped(step, client, now(), reason));
    return usersReport(request, steps, null, null, counter, now(), environment.electronVersion ?? null);
  }

  const [login, { session }] = await runStep('login', () =>
    client.login(
      {
        email: request.integrationEmail,
        workspaceId: request.workspaceId,
        loginType: request.loginType,
        secret: request.integrationSecret,
      },
      environment.signal,
    ),
  );
  steps.push(login);

  let read: ReadOutcome | null = null;
  if (!session) {
    const reason =
      login.outcome === 'skipped'
        ? 'The check was cancelled before a session existed.'
        : 'The login failed, so there was no session to read users with.';
    steps.push(skipped('users', client, now(), reason));
  } else if (environment.signal?.aborted) {
    steps.push(skipped('users', client, now(), 'Cancelled by you before this step.'));
  } else {
    read = await readUsers(client, session, request.emails, counter, emit, now, environment.signal);
    steps.push(read.step);
  }

  // Log out whenever the login succeeded, whatever happened to the reads: an abandoned session lingers.
  if (session) {
    const [logout] = await runStep('logout', async () => ({ call: await counter.count(client.logout(session)) }));
    steps.push(logout);
  } else {
    steps.push(
      skipped(
        'logout',
        client,
        now(),
        login.outcome === 'skipped'
          ? 'The check was cancelled before a session existed.'
          : 'The login failed, so there was no session to log out of.',
      ),
    );
  }

  return usersReport(request, steps, session, read, counter, now(), environment.electronVersion ?? null);
}

async function usersReport(
  request: UsersRequest,
  steps: StepResult[],
  session: ArenaSession | null,
  read: ReadOutcome | null,
  counter: RequestCounter,
  at: Date,
  electronVersion: string | null,
): Promise<UsersReport> {
  const report = buildReport({ ...request, user: null }, steps, session, at, electronVersion);
  const users = read?.users ?? [];
  return {
    ...report,
    usersCheck: {
      emails: request.emails.length,
      users,
      invalid: [...request.invalid],
      requestsUsed: counter.sent,
      plan: read?.plan ?? null,
      advice: await adviceFor(users, at),
      cannotShow: USERS_CANNOT_SHOW,
    },
  };
}

interface ReadOutcome {
  step: StepResult;
  users: UserVerdict[];
  plan: UsersPlan | null;
}

/** Every request but the login counts against Arena's budget: this counts what was sent. */
class RequestCounter {
  sent = 0;
  async count<T>(call: Promise<T>): Promise<T> {
    this.sent += 1;
    return call;
  }
}

async function readUsers(
  client: ArenaClient,
  session: ArenaSession,
  emails: readonly string[],
  counter: RequestCounter,
  emit: (event: UsersEvent) => void,
  now: () => Date,
  signal: AbortSignal | undefined,
): Promise<ReadOutcome> {
  const { endpoint, path } = ENDPOINT_PATHS.users;
  const startedAt = now();
  emit({ type: 'step-started', step: 'users', endpoint, at: startedAt.toISOString() });
  let durationMs = 0;
  const timed = async (call: Promise<{ call: CallOutcome; page: { count: number; results: ArenaUserRecord[] } | null }>) => {
    const outcome = await counter.count(call);
    durationMs += outcome.call.durationMs;
    return outcome;
  };
  const finish = async (call: CallOutcome, users: UserVerdict[], plan: UsersPlan | null, failure?: Diagnosis): Promise<ReadOutcome> => {
    const total = { ...call, durationMs };
    let step: StepResult;
    if (call.errorCode === CANCELLED) step = skipped('users', client, startedAt, 'Cancelled by you while the users were being read.');
    else
      step = stepResult(
        'users',
        endpoint,
        client.url(path),
        startedAt,
        total,
        call.ok ? null : (failure ?? (await diagnosisOf(endpoint, call, now()))),
      );
    emit({ type: 'step-finished', result: step, delivered: call.delivered });
    return { step, users, plan };
  };

  const first = await timed(client.listUsers(session, 0, signal));
  if (!first.page) return finish(first.call, [], null);
  const found = indexByEmail(first.page.results);
  // Emails the first page already answered need no search, so only the others count towards searching.
  const unanswered = emails.filter((email) => !found.has(email));
  const plan = planUsersRead({
    workspaceUsers: first.page.count,
    emails: unanswered.length,
    remaining: first.call.budget?.remaining ?? null,
    resetsAt: first.call.budget?.resetsAt ?? null,
  });
  const total = 1 + readsAfterFirstPage(plan);
  emit({ type: 'users-progress', strategy: plan.strategy, done: 1, total });

  const refusal = budgetRefusal(plan);
  if (refusal) {
    const refused: CallOutcome = { ...first.call, ok: false, httpStatus: null, errorCode: OVER_BUDGET_CODE, message: refusal };
    return finish(refused, [], plan);
  }

  let last = first.call;
  if (plan.strategy === 'list') {
    // Exactly the announced pages: a workspace that grows meanwhile must not make the run cost more.
    const pages = pagesFor(plan.workspaceUsers);
    for (let page = 1; page < pages; page++) {
      const next = await timed(client.listUsers(session, page * USERS_PAGE_LIMIT, signal));
      if (!next.page) return finish(next.call, [], plan);
      last = next.call;
      indexByEmail(next.page.results, found);
      emit({ type: 'users-progress', strategy: plan.strategy, done: page + 1, total });
      // A short or empty page ends the list early (INFERRED: how paging ends, see readUsersPage).
      if (next.page.results.length < USERS_PAGE_LIMIT) break;
    }
  } else {
    let done = 1;
    for (const email of unanswered) {
      const next = await timed(client.findUserByEmail(session, email, signal));
      if (!next.page) return finish(next.call, [], plan);
      last = next.call;
      indexByEmail(
        next.page.results.filter((record) => record.email.trim().toLowerCase() === email),
        found,
      );
      emit({ type: 'users-progress', strategy: plan.strategy, done: ++done, total });
    }
  }
  const users = emails.map((email) => verdictFor(email, found.get(email)));
  return finish(last, users, plan);
}

/** The knowledge base's advice for each verdict that occurs, once each (10 000 users share four texts). */
async function adviceFor(users: readonly UserVerdict[], at: Date): Promise<Record<string, Diagnosis>> {
  const statuses = new Set<Exclude<UserStatus, 'ready'>>();
  for (const user of users) if (user.status !== 'ready') statuses.add(user.status);
  if (statuses.size === 0) return {};
  const { diagnose } = await import('../diagnosis/diagnose.js');
  const advice: Record<string, Diagnosis> = {};
  for (const status of statuses) {
    advice[adviceIdFor(status)] = diagnose(
      { endpoint: 'GET /settings/users', httpStatus: null, errorCode: verdictCode(status), message: null, budget: null, serverDate: null },
      { now: at },
    );
  }
  return advice;
}
