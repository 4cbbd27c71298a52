// A workspace's IP allow-list (set up by Arena Support). Empty means every address may log in.
import { BlockList, isIP } from 'node:net';

/** Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; the list is written in IPv4. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Entries are CIDR ("203.0.113.0/24") or single addresses. The matcher is rebuilt per call: lists are tiny. */
export function ipAllowed(allowList: readonly string[], clientAddress: string): boolean {
  if (allowList.length === 0) return true;
  const list = new BlockList();
  for (const entry of allowList) {
    const [net = '', prefix] = entry.split('/');
    const family = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (isIP(net) === 0) continue; // a malformed entry allows nobody, as a typo in the real list would
    if (prefix === undefined) list.addAddress(net, family);
    else list.addSubnet(net, Number(prefix), family);
  }
  const address = plainAddress(clientAddress);
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return isIP(address) !== 0 && list.check(address, family);
}
