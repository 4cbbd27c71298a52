// What kind of address a host name resolved to. A public Arena API host never resolves to a private or
// loopback address; when it does, a hosts-file entry, split DNS or a proxy's DNS answered instead.
import { BlockList, isIP } from 'node:net';

export type AddressKind = 'public' | 'private' | 'loopback' | 'link-local' | 'unspecified';

const RANGES: readonly { kind: Exclude<AddressKind, 'public'>; family: 'ipv4' | 'ipv6'; network: string; prefix: number }[] = [
  { kind: 'loopback', family: 'ipv4', network: '127.0.0.0', prefix: 8 },
  { kind: 'loopback', family: 'ipv6', network: '::1', prefix: 128 },
  { kind: 'private', family: 'ipv4', network: '10.0.0.0', prefix: 8 },
  { kind: 'private', family: 'ipv4', network: '172.16.0.0', prefix: 12 },
  { kind: 'private', family: 'ipv4', network: '192.168.0.0', prefix: 16 },
  // Carrier-grade NAT space: not reachable from the internet either.
  { kind: 'private', family: 'ipv4', network: '100.64.0.0', prefix: 10 },
  { kind: 'private', family: 'ipv6', network: 'fc00::', prefix: 7 },
  { kind: 'link-local', family: 'ipv4', network: '169.254.0.0', prefix: 16 },
  { kind: 'link-local', family: 'ipv6', network: 'fe80::', prefix: 10 },
  { kind: 'unspecified', family: 'ipv4', network: '0.0.0.0', prefix: 8 },
  { kind: 'unspecified', family: 'ipv6', network: '::', prefix: 128 },
];

const LISTS = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { kind: range.kind, family: range.family, list };
});

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The kind of an IP address; null for text that is not an IP address. */
export function addressKind(address: string): AddressKind | null {
  const mapped = MAPPED_IPV4.exec(address)?.[1];
  const plain = mapped ?? address;
  const version = isIP(plain);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find((entry) => entry.family === family && entry.list.check(plain, family))?.kind ?? 'public';
}

/** Whether a host name is an IP literal (then there is nothing to resolve). */
export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, '')) !== 0;
}
