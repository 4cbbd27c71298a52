// Which reach findings apply to what the probe saw. Pure: the probe's observations in, worded findings out.
import type { ReachFinding, ReachNetwork } from '../../common/check-report.js';
import { DATA_CENTRES } from '../arena/data-centres.js';
import { CLOCK_OFFSET_LIMIT_SECONDS, REACH_FINDING_TEXT } from '../knowledge/reach-findings.js';
import { addressKind } from '../network/address-kind.js';
import { fillFacts } from './fill-facts.js';

const PUBLIC_ARENA_HOSTS = new Set(DATA_CENTRES.map((centre) => new URL(centre.apiBase).hostname));

export function reachFindings(apiUrl: string, network: Omit<ReachNetwork, 'findings' | 'route'>): ReachFinding[] {
  const findings: ReachFinding[] = [];
  const host = hostOf(apiUrl);
  if (host && PUBLIC_ARENA_HOSTS.has(host)) {
    const notPublic = network.addresses.filter((address) => {
      const kind = addressKind(address);
      return kind !== null && kind !== 'public';
    });
    if (notPublic.length > 0) {
      const { id, text } = REACH_FINDING_TEXT['private-address'];
      const addresses = notPublic.map((address) => `${address} (${addressKind(address)})`).join(', ');
      findings.push({ id, text: fillFacts(text, { host, addresses }) });
    }
  }
  const offset = network.clockOffsetSeconds;
  if (offset !== null && Math.abs(offset) > CLOCK_OFFSET_LIMIT_SECONDS) {
    const { id, text } = REACH_FINDING_TEXT['clock-offset'];
    findings.push({
      id,
      text: fillFacts(text, { offset: describeSeconds(Math.abs(offset)), direction: offset > 0 ? 'ahead of' : 'behind' }),
    });
  }
  return findings;
}

function hostOf(apiUrl: string): string | null {
  try {
    return new URL(apiUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function describeSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `about ${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}
