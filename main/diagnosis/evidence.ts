// Answers to diagnosis questions the check can give from what it saw itself: when each step ran, the API
// address it used, and how it reached Arena. Pure: everything comes in as an argument. An answer is given
// only when the evidence settles it; otherwise the admin is asked as before.
import type { EvidenceAnswer, StepName } from '../../common/check-report.js';
import { DATA_CENTRES } from '../arena/data-centres.js';
import { SESSION_IDLE_MS } from '../arena/request-shapes.js';
import type { EvidenceQuestion } from '../knowledge/types.js';
import type { ProxyRoute } from '../network/proxy.js';

export interface CheckEvidence {
  step: StepName;
  /** When the failing step started (ISO). */
  stepStartedAt: string;
  /** The login's start and duration, when the failing step came after it. */
  login: { startedAt: string; durationMs: number } | null;
  /** The API address the check called; null for practice runs (the simulator's address says nothing about the admin's). */
  apiUrl: string | null;
  /** How the check reached Arena; null when not known. */
  route: ProxyRoute | null;
}

/** 240 → "0.2 s"; 42 min → "42 min"; 95 min → "1 h 35 min". */
export function spanText(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A proxy named by host and port only: never a user name or password that may be in its URL. */
function proxyName(proxyUrl: string): string {
  try {
    return new URL(proxyUrl).host || 'the proxy';
  } catch {
    return 'the proxy';
  }
}

function parsedApiUrl(evidence: CheckEvidence): URL | null {
  if (evidence.apiUrl === null) return null;
  try {
    return new URL(evidence.apiUrl);
  } catch {
    return null;
  }
}

const CENTRE_HOSTS = new Map(DATA_CENTRES.map((centre) => [new URL(centre.apiBase).host, centre]));

function timeSinceLogin(evidence: CheckEvidence): EvidenceAnswer | null {
  const { login } = evidence;
  if (!login || evidence.step === 'login') return null;
  const loginAnswered = Date.parse(login.startedAt) + login.durationMs;
  const stepStarted = Date.parse(evidence.stepStartedAt);
  if (Number.isNaN(loginAnswered) || Number.isNaN(stepStarted)) return null;
  const gap = Math.max(0, stepStarted - loginAnswered);
  return { answer: gap >= SESSION_IDLE_MS ? 'yes' : 'no', evidence: `login and ${evidence.step} were ${spanText(gap)} apart` };
}

function portOrHost(evidence: CheckEvidence): EvidenceAnswer | null {
  const url = parsedApiUrl(evidence);
  if (!url) return null;
  if (url.port !== '') return { answer: 'yes', evidence: `the API URL has port ${url.port}` };
  const centre = CENTRE_HOSTS.get(url.host);
  if (!centre) return { answer: 'yes', evidence: `the API URL's host ${url.host} is no data centre's API host` };
  return { answer: 'no', evidence: `the API URL has no port number, and ${url.host} is the ${centre.label} data centre's API host` };
}

function urlDiffers(evidence: CheckEvidence): EvidenceAnswer | null {
  if (evidence.apiUrl === null) return null;
  const given = evidence.apiUrl.trim().replace(/\/+$/, '');
  const centre = DATA_CENTRES.find((candidate) => candidate.apiBase === given);
  return centre
    ? { answer: 'no', evidence: `the API URL is the ${centre.label} data centre's API address` }
    : { answer: 'yes', evidence: `the API URL ${given} is none of the data centres' API addresses` };
}

function urlPath(evidence: CheckEvidence): EvidenceAnswer | null {
  const url = parsedApiUrl(evidence);
  if (!url) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return path === '/v1'
    ? { answer: 'no', evidence: 'the API URL ends in /v1' }
    : { answer: 'yes', evidence: `the API URL's path is ${path === '' ? 'empty' : path}` };
}

function toolProxy(route: ProxyRoute): EvidenceAnswer | null {
  if (route.via === 'proxy') {
    const name = proxyName(route.proxyUrl);
    const evidence = {
      setting: `this check went through the proxy ${name} set in this tool`,
      system: `this computer's proxy settings sent this check through ${name}`,
      environment: `this check went through the proxy ${name} from the HTTPS_PROXY environment variable`,
    }[route.chosenBy];
    return { answer: 'yes', evidence };
  }
  // Settings that could not be read say nothing about whether this tool would use a proxy.
  if (route.chosenBy === 'unreadable') return null;
  const evidence = {
    setting: 'this tool is set to connect directly, without a proxy',
    system: "this computer's proxy settings send Arena's address directly, and this tool follows them",
    default: 'no proxy is set for this tool (no --proxy, no HTTPS_PROXY)',
    'no-proxy': "NO_PROXY names Arena's API host, so this tool connects to it directly",
    loopback: 'the API address is on this computer, which is never reached through a proxy',
  }[route.chosenBy];
  return { answer: 'no', evidence };
}

/** The evidence's answer to a question, or null when the check did not see enough to answer it. */
export function answerFromEvidence(question: EvidenceQuestion, evidence: CheckEvidence): EvidenceAnswer | null {
  const { route } = evidence;
  switch (question) {
    case 'time-since-login':
      return timeSinceLogin(evidence);
    case 'api-url-port-or-host':
      return portOrHost(evidence);
    case 'api-url-differs':
      return urlDiffers(evidence);
    case 'api-url-path':
      return urlPath(evidence);
    case 'tool-proxy':
      return route ? toolProxy(route) : null;
    case 'traffic-through-proxy':
      return route?.via === 'proxy' ? { answer: 'yes', evidence: `this check went through the proxy ${proxyName(route.proxyUrl)}` } : null;
    case 'browser-proxy':
      return route?.via === 'direct' && route.chosenBy === 'system'
        ? { answer: 'no', evidence: "this computer's proxy settings, which browsers on it follow, send Arena's address directly" }
        : null;
  }
}
