// After a certificate failure, ask the system's network stack (in the app: Electron's net.fetch, which uses
// the OS trust store and proxy settings) for the same API base once, without credentials, and turn the
// answer into a hint for the network administrator. The probe is injected, so this module stays testable.
import type { CheckReport, StepResult } from '../../common/check-report.js';
import type { TlsHint } from '../../common/ipc/contract.js';
import { ENDPOINT_PATHS, REACH_PROBE } from '../arena/request-shapes.js';
import { certificateFamily } from './certificate-codes.js';
import { decideTlsHint, type ProbeResult } from './decide-tls-hint.js';

export { certificateFamily, type CertificateFamily } from './certificate-codes.js';
export { decideTlsHint, type ProbeResult } from './decide-tls-hint.js';

interface CertificateFailure {
  code: string;
  probeUrl: string;
  host: string;
}

/** The URL to probe (the failed step's API base), or null when no step failed on a certificate code. */
export function needsTlsProbe(report: CheckReport): string | null {
  return certificateFailure(report)?.probeUrl ?? null;
}

export async function tlsHintFor(report: CheckReport, probe: (url: string) => Promise<ProbeResult>): Promise<TlsHint | null> {
  const failure = certificateFailure(report);
  if (!failure) return null;
  let result: ProbeResult;
  try {
    result = await probe(failure.probeUrl);
  } catch (error) {
    // A probe that throws is a probe that got no answer; the hint still helps.
    result = { answered: false, errorText: error instanceof Error ? error.message : String(error) };
  }
  return decideTlsHint(failure.code, result, failure.host);
}

function certificateFailure(report: CheckReport): CertificateFailure | null {
  if (report.ok) return null;
  for (const step of report.steps) {
    if (step.outcome !== 'failed' || typeof step.errorCode !== 'string' || !certificateFamily(step.errorCode)) continue;
    const base = apiBaseOf(step) ?? apiBaseOf({ url: report.target.apiUrl, step: null });
    if (base) return { code: step.errorCode, probeUrl: base.href, host: base.host };
  }
  return null;
}

/**
 * The API base of a step's URL: the endpoint path cut off, and everything that could carry a credential
 * (user info, query, fragment) removed. Only http(s) URLs are probed.
 */
function apiBaseOf(step: Pick<StepResult, 'url'> & { step: StepResult['step'] | null }): { href: string; host: string } | null {
  let url: URL;
  try {
    url = new URL(step.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  const suffix = step.step === 'reach' ? REACH_PROBE.path : step.step ? ENDPOINT_PATHS[step.step].path : null;
  if (suffix && path.endsWith(suffix)) path = path.slice(0, -suffix.length);
  url.pathname = path === '' ? '/' : path;
  return { href: url.href, host: url.host };
}
