// Words for the report's codes, shared by every rendering (CLI, Markdown, HTML, the wizard).
import type {
  Actor,
  Answer,
  DiagnosisFacts,
  EvidenceAnswer,
  FactName,
  ReachNetwork,
  RecheckPolicy,
  RouteReason,
  StepName,
  StepOutcome,
  StepResult,
} from './check-report.js';
import type { ProxySetting } from './ipc/contract.js';

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  'arena-admin': 'Arena administrator',
  'arena-support': 'Arena Support',
  'onshape-user': 'The Onshape user',
  'onshape-admin': 'Onshape administrator',
  'network-admin': 'Network administrator',
  you: 'You',
};

export const STEP_LABELS: Readonly<Record<StepName, string>> = {
  reach: 'Reach Arena (no sign-in)',
  login: 'Log in as the integration user',
  authorize: 'Authorize the Onshape user',
  users: "Read the workspace's users",
  logout: 'Log out',
};

export const OUTCOME_LABELS: Readonly<Record<StepOutcome, string>> = {
  passed: 'passed',
  failed: 'FAILED',
  skipped: 'skipped',
};

export const ANSWER_LABELS: Readonly<Record<Answer, string>> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
};

/** "Answered from this check: No (login and authorize were 0.2 s apart)." */
export function answeredText(answered: EvidenceAnswer): string {
  return `Answered from this check: ${ANSWER_LABELS[answered.answer]} (${answered.evidence}).`;
}

export const RECHECK_LABELS: Readonly<Record<RecheckPolicy, string>> = {
  now: 'You can check again now.',
  'wait-five-minutes': 'Wait five minutes before checking again: another attempt now extends the lockout.',
  'after-change': 'Check again only after the fix has been made: the same details will fail the same way.',
};

/** Why a check took its route to Arena, in plain words. */
/** The app's proxy choices, as the details form shows them (and fix steps quote them). */
export const PROXY_MODE_LABELS: Readonly<Record<ProxySetting['mode'], string>> = {
  system: "Use this computer's proxy settings",
  direct: 'Connect directly, without a proxy',
  manual: 'Use this proxy',
};

export const ROUTE_REASON_LABELS: Readonly<Record<RouteReason, string>> = {
  'chosen-direct': 'this tool is set to connect directly',
  'nothing-set': 'no proxy is set for this tool: no --proxy, no HTTPS_PROXY',
  'no-proxy-match': "NO_PROXY names Arena's API host",
  loopback: 'an address on this computer is never reached through a proxy',
  'system-direct': "this computer's proxy settings send Arena's address directly",
  'system-unreadable': "this computer's proxy settings could not be read, so the check went directly",
  'chosen-proxy': 'the proxy this tool is set to use',
  'environment-proxy': 'named by the HTTPS_PROXY environment variable',
  'system-proxy': "named by this computer's proxy settings",
};

/**
 * How a check reached Arena, for every rendering: "through the proxy http://proxy:8080 (named by this
 * computer's proxy settings)" or "directly, without a proxy (NO_PROXY names Arena's API host)". A report
 * without a route says only what it knows.
 */
export function routeText(network: Pick<ReachNetwork, 'proxy' | 'route'>): string {
  const { proxy, route } = network;
  const why = route ? ` (${ROUTE_REASON_LABELS[route.reason]})` : '';
  const direct = route ? route.via === 'direct' : proxy === null;
  return direct ? `directly, without a proxy${why}` : `through the proxy ${proxy ?? 'whose address is not known'}${why}`;
}

/** The reach step's phases, in the order they happen, as the timeline and the reports name them. */
export const PHASE_LABELS: readonly { key: keyof ReachNetwork['phases']; label: string }[] = [
  { key: 'dnsMs', label: 'DNS' },
  { key: 'connectMs', label: 'connect' },
  { key: 'tlsMs', label: 'TLS' },
  { key: 'firstByteMs', label: 'first byte' },
];

/** "60" → "60 s ahead of Arena's"; the raw value when it is not a number. */
function clockOffset(raw: string): string {
  const seconds = Number(raw);
  if (!Number.isFinite(seconds)) return raw;
  if (seconds === 0) return "the same as Arena's, to the second";
  return `${Math.abs(seconds)} s ${seconds > 0 ? 'ahead of' : 'behind'} Arena's`;
}

function count(unit: string): (raw: string) => string {
  return (raw) => `${raw} ${unit}${raw === '1' ? '' : 's'}`;
}

/**
 * How every fact reads, in the order readers see them. The one place facts get words: screens, reports
 * and the CLI show labelledFacts(), never a raw key.
 */
export const FACT_LABELS: Readonly<Record<FactName, { label: string; value?: (raw: string) => string }>> = {
  supportCode: { label: 'Code to quote to Arena Support' },
  httpStatus: { label: 'HTTP status' },
  budgetRemaining: { label: 'Requests left today', value: count('request') },
  budgetLimit: { label: 'Daily request budget', value: count('request') },
  budgetResetsInMinutes: { label: 'Request budget resets in', value: count('minute') },
  budgetResetsAtUtc: { label: 'Request budget resets at (UTC)' },
  budgetResetsAt: { label: 'Request budget reset, as Arena sent it' },
  clockOffsetSeconds: { label: "This computer's clock", value: clockOffset },
  localClock: { label: "This computer's clock read (UTC)" },
  serverDate: { label: "Arena's clock (its Date header)" },
  certificateIssuer: { label: 'Certificate issued by' },
  certificateSubject: { label: 'Certificate issued to' },
  inspectionProduct: { label: 'Inspecting service on the network' },
  scanningProduct: { label: 'Scanning software on this computer' },
  attribute: { label: "Attribute named in Arena's message" },
  attributeGuid: { label: "That attribute's GUID" },
  maxLength: { label: 'Longest value allowed', value: count('character') },
  excludedText: { label: "Text Arena's message quotes as not allowed" },
  guid: { label: "GUID named in Arena's message" },
  category: { label: "Category named in Arena's message" },
  bomLineGuid: { label: 'BOM line GUID' },
  header: { label: "Header named in Arena's message" },
  value: { label: "Value Arena's message quotes" },
  maxValues: { label: 'Most values allowed' },
  decimals: { label: 'Decimal places allowed' },
  quantity: { label: "Quantity Arena's message quotes" },
  itemGuid: { label: "Item GUID named in Arena's message" },
  itemNumber: { label: "Item number named in Arena's message" },
  refdes: { label: "Reference designators Arena's message quotes" },
};

/** A diagnosis's facts as label and value, in FACT_LABELS order. */
/**
 * Who produced a failed step's message: Arena (an error code from Arena), this computer (no answer
 * arrived: refused, timed out, a certificate), or an answer that was not Arena's (a web page, a proxy).
 */
export type MessageSource = 'arena' | 'this-computer' | 'an-answer';

export function messageSource(step: Pick<StepResult, 'errorCode' | 'httpStatus'>): MessageSource {
  if (typeof step.errorCode === 'number') return 'arena';
  return step.httpStatus === null ? 'this-computer' : 'an-answer';
}

/** The words before a failed step's message in every report: "Arena said" only for Arena's own words. */
export function messageLead(step: Pick<StepResult, 'errorCode' | 'httpStatus'>): string {
  switch (messageSource(step)) {
    case 'arena':
      return 'Arena said';
    case 'this-computer':
      return 'This computer got';
    case 'an-answer':
      return `The answer (HTTP ${step.httpStatus ?? '?'}) was not Arena's`;
  }
}

export function labelledFacts(facts: DiagnosisFacts): { name: FactName; label: string; value: string }[] {
  const rows: { name: FactName; label: string; value: string }[] = [];
  for (const [name, words] of Object.entries(FACT_LABELS) as [FactName, (typeof FACT_LABELS)[FactName]][]) {
    const raw = Object.hasOwn(facts, name) ? facts[name] : undefined;
    if (raw === undefined) continue;
    rows.push({ name, label: words.label, value: words.value ? words.value(raw) : raw });
  }
  return rows;
}
