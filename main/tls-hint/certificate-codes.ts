// Node's certificate error codes, grouped by what a second opinion from the system's network stack can tell.
// Node (via OpenSSL) checks against its own bundled roots; Chromium uses the operating system's, which is
// where a company deploys the root of its TLS-inspecting proxy.

export type CertificateFamily =
  /** The chain ends in a root Node does not trust: the classic TLS-inspection signature. */
  | 'untrusted-issuer'
  /** The server sent no intermediate; Chromium can fetch it, Node cannot. */
  | 'incomplete-chain'
  /** The certificate names another host: something answered in Arena's place. */
  | 'wrong-host'
  /** Outside its validity dates: often this computer's clock. */
  | 'validity-dates';

const FAMILIES: Readonly<Record<string, CertificateFamily>> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted-issuer',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted-issuer',
  CERT_UNTRUSTED: 'untrusted-issuer',
  CERT_REJECTED: 'untrusted-issuer',
  CERT_SIGNATURE_FAILURE: 'untrusted-issuer',
  CERT_REVOKED: 'untrusted-issuer',
  INVALID_CA: 'untrusted-issuer',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete-chain',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  ERR_TLS_CERT_ALTNAME_FORMAT: 'wrong-host',
  HOSTNAME_MISMATCH: 'wrong-host',
  CERT_HAS_EXPIRED: 'validity-dates',
  CERT_NOT_YET_VALID: 'validity-dates',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'validity-dates',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'validity-dates',
};

/** The family of a certificate error code, or null when the code is not about a certificate. */
export function certificateFamily(code: number | string | null): CertificateFamily | null {
  if (typeof code !== 'string') return null;
  const known = FAMILIES[code];
  if (known) return known;
  // OpenSSL has more verify codes than listed (CERT_CHAIN_TOO_LONG, UNABLE_TO_DECRYPT_CERT_SIGNATURE, …):
  // any other code that names a certificate is a trust failure too.
  return /^[A-Z0-9_]*CERT[A-Z0-9_]*$/.test(code) ? 'untrusted-issuer' : null;
}
