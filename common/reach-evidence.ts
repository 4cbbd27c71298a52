// The reach step's evidence as label/value rows: one wording for the wizard and every report (text,
// Markdown, HTML): addresses, where it connected, the proxy, the timeline, the certificate, the clock.
import type { ReachNetwork } from './check-report.js';
import { PHASE_LABELS, routeText } from './labels.js';

/** The reach step's evidence as label/value rows, for every rendering: addresses, timeline, certificate, clock. */
export function reachEvidence(network: ReachNetwork): [string, string][] {
  const rows: [string, string][] = [];
  const resolved = network.addresses.length > 0 ? network.addresses.join(', ') : network.proxy ? 'resolved by the proxy' : 'none';
  rows.push(['Addresses', resolved]);
  rows.push(['Connected to', network.addressUsed ?? 'no connection was made']);
  rows.push(['Route', routeText(network)]);
  rows.push(['Timeline', formatPhases(network.phases)]);
  const { certificate } = network;
  rows.push([
    'Certificate',
    certificate
      ? `${certificate.subject}, issued by ${certificate.issuer}; valid ${certificate.validFrom ?? '?'} to ${certificate.validTo ?? '?'}; ` +
        `${certificate.nameMatches ? 'names this host' : 'does not name this host'}; chain of ${certificate.chainLength}`
      : 'none (no TLS, or no handshake)',
  ]);
  rows.push(['Clock', formatClockOffset(network.clockOffsetSeconds)]);
  for (const finding of network.findings) rows.push(['Finding', finding.text]);
  return rows;
}

export function formatPhases(phases: ReachNetwork['phases']): string {
  const known = PHASE_LABELS.flatMap(({ key, label }) => (phases[key] === null ? [] : [`${label} ${phases[key]} ms`]));
  return known.length > 0 ? known.join(' · ') : 'no phase completed';
}

export function formatClockOffset(seconds: number | null): string {
  if (seconds === null) return 'not measured (no Date header)';
  if (seconds === 0) return "this computer's clock matches Arena's";
  return `this computer's clock is ${Math.abs(seconds)} s ${seconds > 0 ? 'ahead of' : 'behind'} Arena's`;
}
