// The users check's renderings: the JSON document (the check's, plus users, invalid, requestsUsed), the
// per-user table as CSV for a spreadsheet, and plain text for a terminal. Pure formatting.
import { USER_STATUSES, USER_STATUS_LABELS, countByStatus, type UsersReport, type UserVerdict } from '../../common/users-report.js';
import { diagnosisSummary, type DiagnosisSummary } from './diagnosis-summary.js';
import { STEP_LABELS } from '../../common/labels.js';
import { formatFixStep } from '../../common/fix-steps.js';
import { describeTarget } from './format.js';
import { escapeHtml, renderHtml } from './html-report.js';
import { toJsonReport, type JsonReport } from './json-report.js';
import { diagnosisLines, stepLine } from './text-report.js';

export interface JsonUser {
  email: string;
  status: UserVerdict['status'];
  arena: UserVerdict['arena'];
  diagnosis: DiagnosisSummary | null;
}

export interface JsonUsersReport extends JsonReport {
  users: JsonUser[];
  invalid: UsersReport['usersCheck']['invalid'];
  requestsUsed: number;
  plan: UsersReport['usersCheck']['plan'];
  counts: Record<UserVerdict['status'], number>;
  /** The full advice, once per id; each user's diagnosis is its short form. */
  advice: UsersReport['usersCheck']['advice'];
  cannotShow: string;
}

export function toJsonUsersReport(report: UsersReport): JsonUsersReport {
  const { usersCheck, ...check } = report;
  const summaries = new Map(Object.entries(usersCheck.advice).map(([id, diagnosis]) => [id, diagnosisSummary(diagnosis)]));
  return {
    ...toJsonReport(check),
    users: usersCheck.users.map((user) => ({
      email: user.email,
      status: user.status,
      arena: user.arena,
      diagnosis: user.adviceId === null ? null : (summaries.get(user.adviceId) ?? null),
    })),
    invalid: usersCheck.invalid,
    requestsUsed: usersCheck.requestsUsed,
    plan: usersCheck.plan,
    counts: countByStatus(usersCheck.users),
    advice: usersCheck.advice,
    cannotShow: usersCheck.cannotShow,
  };
}

export function renderUsersJson(report: UsersReport): string {
  return `${JSON.stringify(toJsonUsersReport(report), null, 2)}\n`;
}

const CSV_HEADER = ['email', 'status', 'arena_type', 'arena_enabled', 'arena_full_name', 'advice', 'first_fix'];

/** One row per user; RFC 4180 quoting, and cells a spreadsheet would run as a formula are defused. */
export function renderUsersCsv(report: UsersReport): string {
  const { users, advice } = report.usersCheck;
  const rows = users.map((user) => {
    const diagnosis = user.adviceId === null ? undefined : advice[user.adviceId];
    const firstFix = diagnosis?.causes[0]?.fixSteps[0];
    return [
      user.email,
      user.status,
      user.arena?.type ?? '',
      user.arena === null ? '' : String(user.arena.enabled),
      user.arena?.fullName ?? '',
      diagnosis?.title ?? '',
      firstFix ? formatFixStep(firstFix) : '',
    ];
  });
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A name from Arena such as "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The terminal form: the check's text, then counts, the users who need work with their advice, invalid lines. */
export function renderUsersText(report: UsersReport): string {
  const { usersCheck } = report;
  const lines: string[] = [usersHeadline(report), ''];
  lines.push(...describeTarget(report).filter((line) => !line.startsWith('Onshape user:')));
  lines.push('', ...report.steps.map(stepLine));
  for (const step of report.steps) lines.push(...diagnosisLines(step));
  lines.push('');
  const { plan } = usersCheck;
  if (plan) {
    const how =
      plan.strategy === 'list'
        ? `read ${plan.requests - 1} page(s) of users`
        : `read the first page, then searched ${plan.requests - 2} email(s)`;
    lines.push(`Workspace users: ${plan.workspaceUsers}. The check ${how}; requests used besides the login: ${usersCheck.requestsUsed}.`);
  } else {
    lines.push(`Requests used besides the login: ${usersCheck.requestsUsed}.`);
  }
  if (usersCheck.users.length > 0) {
    const counts = countByStatus(usersCheck.users);
    lines.push(
      `Users checked: ${usersCheck.users.length} · ${USER_STATUSES.map((status) => `${USER_STATUS_LABELS[status]} ${counts[status]}`).join(' · ')}`,
    );
    for (const status of USER_STATUSES) {
      if (status === 'ready') continue;
      const group = usersCheck.users.filter((user) => user.status === status);
      const first = group[0];
      if (!first || first.adviceId === null) continue;
      const diagnosis = usersCheck.advice[first.adviceId];
      lines.push('', `${USER_STATUS_LABELS[status].toUpperCase()} (${group.length}): ${diagnosis?.title ?? ''}`);
      for (const user of group)
        lines.push(`  ${user.email}${user.arena ? ` (${user.arena.type}${user.arena.enabled ? '' : ', disabled'})` : ''}`);
      if (diagnosis) {
        lines.push(`  ${diagnosis.meaning}`);
        diagnosis.causes.forEach((cause, index) => {
          lines.push(`  ${index + 1}. ${cause.summary}`);
          for (const fix of cause.fixSteps) lines.push(`     - ${formatFixStep(fix)}`);
        });
      }
    }
    lines.push('', `Not shown by Arena's API: ${usersCheck.cannotShow}`);
  }
  if (usersCheck.invalid.length > 0) {
    lines.push('', `Lines without a valid email (${usersCheck.invalid.length}), not checked:`);
    for (const invalid of usersCheck.invalid) lines.push(`  line ${invalid.line}: ${invalid.text}`);
  }
  lines.push('', `${report.tool.name} ${report.tool.version} · ${report.createdAt}`);
  return `${lines.join('\n')}\n`;
}

/** "Users: 180 of 200 ready" or the step that stopped the run. */
export function usersHeadline(report: UsersReport): string {
  const failed = report.steps.find((step) => step.outcome === 'failed');
  if (failed) {
    const code = failed.errorCode === null ? '' : ` (${failed.errorCode})`;
    return `${STEP_LABELS[failed.step]}: failed${code}. ${failed.diagnosis?.title ?? ''}`.trim();
  }
  const { users } = report.usersCheck;
  if (users.length === 0) return 'The users were not read.';
  const ready = countByStatus(users).ready;
  return ready === users.length
    ? `All ${users.length} Onshape users are ready for Arena.`
    : `${ready} of ${users.length} Onshape users are ready for Arena; ${users.length - ready} need work.`;
}

/** The check's HTML report with the users table, each advice once, and the invalid lines, before its footer. */
export function renderUsersHtml(report: UsersReport): string {
  const { usersCheck } = report;
  const counts = countByStatus(usersCheck.users);
  const parts: string[] = ['<section>', `<h2>${escapeHtml(usersHeadline(report))}</h2>`];
  if (usersCheck.users.length > 0) {
    parts.push(`<p>${USER_STATUSES.map((status) => `${escapeHtml(USER_STATUS_LABELS[status])}: ${counts[status]}`).join(' · ')}</p>`);
    parts.push(
      '<table><thead><tr><th>Email</th><th>Verdict</th><th>Type in Arena</th><th>Enabled</th><th>Name</th><th>Advice</th></tr></thead><tbody>',
    );
    for (const user of usersCheck.users) {
      const advice = user.adviceId === null ? '' : (usersCheck.advice[user.adviceId]?.title ?? '');
      const cells = [
        user.email,
        USER_STATUS_LABELS[user.status],
        user.arena?.type ?? '',
        user.arena ? (user.arena.enabled ? 'yes' : 'no') : '',
        user.arena?.fullName ?? '',
        advice,
      ];
      parts.push(`<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
    }
    parts.push('</tbody></table>');
    for (const diagnosis of Object.values(usersCheck.advice)) {
      parts.push(`<h3>${escapeHtml(diagnosis.title)}</h3>`, `<p>${escapeHtml(diagnosis.meaning)}</p>`, '<ol>');
      for (const cause of diagnosis.causes) {
        parts.push(
          `<li>${escapeHtml(cause.summary)}<ul>${cause.fixSteps.map((fix) => `<li>${escapeHtml(formatFixStep(fix))}</li>`).join('')}</ul></li>`,
        );
      }
      parts.push('</ol>');
    }
    parts.push(`<p>${escapeHtml(usersCheck.cannotShow)}</p>`);
  }
  parts.push(`<p>Requests used besides the login: ${usersCheck.requestsUsed}.</p>`);
  if (usersCheck.invalid.length > 0) {
    parts.push('<h3>Lines without a valid email (not checked)</h3><ul>');
    for (const invalid of usersCheck.invalid) parts.push(`<li>line ${invalid.line}: ${escapeHtml(invalid.text)}</li>`);
    parts.push('</ul>');
  }
  parts.push('</section>');
  const html = renderHtml(report);
  const footer = html.lastIndexOf('<footer>');
  return `${html.slice(0, footer)}${parts.join('\n')}\n${html.slice(footer)}`;
}
