// What one plain request through the system's network stack says about a certificate failure. Pure.
// If the system's stack gets any HTTP answer where this tool's (Node's) check failed, the difference is
// the trust store: the system trusts a root that Node's bundled list lacks, which is what a company's
// TLS-inspecting proxy deploys. Advice never includes switching certificate checks off.
import type { TlsHint } from '../../common/ipc/contract.js';
import { certificateFamily, type CertificateFamily } from './certificate-codes.js';

export type ProbeResult = { answered: true; status: number } | { answered: false; errorText: string };

const DEFAULT_HOST = 'the Arena API host';

/** Network failures concern this computer; the admin should not read them as Onshape's problem. */
const THIS_COMPUTER_ONLY =
  'This concerns checks run from this computer: Onshape reaches Arena from its own servers, not through this network.';

const KEEP_CHECKS = 'Keep certificate checking in place: it stops anyone in the middle from reading the WebToken.';

export function decideTlsHint(failedCode: string, probe: ProbeResult, apiHost: string = DEFAULT_HOST): TlsHint {
  const family: CertificateFamily = certificateFamily(failedCode) ?? 'untrusted-issuer';
  return probe.answered
    ? answeredHint(failedCode, family, probe.status, apiHost)
    : unansweredHint(failedCode, family, probe.errorText, apiHost);
}

function answeredHint(code: string, family: CertificateFamily, status: number, host: string): TlsHint {
  const opening = `This tool's certificate check failed (${code}), but the same address answered (HTTP ${status}) when asked through this computer's own network settings.`;
  const why: Record<CertificateFamily, string> = {
    'untrusted-issuer':
      "This computer trusts a certificate that this tool does not: most likely a proxy or firewall on this network inspects HTTPS and signs the traffic with your company's own root certificate.",
    'incomplete-chain':
      'The certificate this tool received came without the certificate that links it to a trusted root, and the system could fill the gap: most likely a proxy or firewall on this network inspects HTTPS and sends an incomplete chain.',
    'wrong-host':
      "The certificate this tool received was for a different name, while the system's route reached the address properly: something on this tool's route, most likely a proxy or firewall that intercepts HTTPS, answers in Arena's place.",
    'validity-dates':
      'The system uses the same clock and accepted the address, so the clock is unlikely to be the cause: the certificate this tool received differs from the one the system sees, most likely because a proxy or firewall on this network inspects HTTPS.',
  };
  const ask = [...inspectionQuestions(host)];
  if (family === 'validity-dates') ask.push(clockQuestion());
  return { inspectionLikely: true, message: `${opening} ${why[family]} ${THIS_COMPUTER_ONLY}`, askNetworkAdmin: ask };
}

function unansweredHint(code: string, family: CertificateFamily, errorText: string, host: string): TlsHint {
  const opening = `This tool's certificate check failed (${code}), and the same address also failed through this computer's own network settings (${oneLine(errorText)}).`;
  const why: Record<CertificateFamily, string> = {
    'untrusted-issuer':
      'So the certificate is not trusted on this computer at all. If your company inspects HTTPS, its root certificate may be missing from this computer.',
    'incomplete-chain':
      'So the certificate chain cannot be completed on this computer either. If your company inspects HTTPS, its certificates may not be installed on this computer.',
    'wrong-host':
      "So whatever answers at this address presents a certificate for another name on every route: check that the API URL is your data centre's address, and whether a proxy or firewall intercepts it.",
    'validity-dates':
      "Check this computer's date, time and time zone first: a wrong clock makes valid certificates look expired or not yet valid.",
  };
  const ask = family === 'validity-dates' ? [clockQuestion(), ...inspectionQuestions(host)] : inspectionQuestions(host);
  return { inspectionLikely: false, message: `${opening} ${why[family]} ${THIS_COMPUTER_ONLY}`, askNetworkAdmin: ask };
}

function inspectionQuestions(host: string): string[] {
  return [
    'Is HTTPS from this computer inspected (TLS inspection or SSL decryption) by a proxy, firewall or security service such as Zscaler, Netskope, Palo Alto or Fortinet? Which proxy does this computer use, and at what address?',
    `Please exempt ${host} from TLS inspection: the Arena integration user's WebToken or password is sent to it. ${KEEP_CHECKS}`,
    'If it cannot be exempted: confirm the inspection root certificate is deployed as a trusted root on this computer, and share it (a PEM file) so this tool can be set to trust it as well.',
  ];
}

function clockQuestion(): string {
  return "Check that this computer's date, time and time zone are correct and set automatically from a time server.";
}

/** Chromium's error text goes into a sentence: one line, bounded. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || 'no reason given';
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
