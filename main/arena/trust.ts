// Which certificate authorities a check trusts. Always Node's own roots (plus NODE_EXTRA_CA_CERTS);
// optionally also the operating system's store, so a corporate root that IT installed on the machine is
// trusted by the app as it is by the browser. Verification itself is never turned off.
import * as tls from 'node:tls';

type CertificateStore = 'default' | 'system';
type CertificateReader = (store: CertificateStore) => string[];

/** tls.getCACertificates exists from Node 22.15 / 23.5 (Electron 45 has it; the CLI on Node 20 does not). */
function reader(): CertificateReader | null {
  const candidate: unknown = (tls as { getCACertificates?: unknown }).getCACertificates;
  return typeof candidate === 'function' ? (candidate as CertificateReader) : null;
}

/**
 * The CA list to give got, or undefined to leave Node's defaults alone. Node's `ca` option replaces the
 * defaults rather than adding to them, so any list given here starts with them.
 */
export function trustedAuthorities(options: {
  systemStore: boolean;
  extraCa?: string | Buffer | undefined;
}): (string | Buffer)[] | undefined {
  if (!options.systemStore && options.extraCa === undefined) return undefined;
  const read = reader();
  const defaults: string[] = read ? safely(() => read('default')) : [...tls.rootCertificates];
  const system: string[] = options.systemStore && read ? safely(() => read('system')) : [];
  if (options.extraCa === undefined && system.length === 0) return undefined;
  return [...defaults, ...system, ...(options.extraCa === undefined ? [] : [options.extraCa])];
}

/** Whether this runtime can read the operating system's certificate store. */
export function canReadSystemStore(): boolean {
  return reader() !== null;
}

function safely(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    // An unreadable store is no store: the check goes on with Node's own roots.
    return [];
  }
}
