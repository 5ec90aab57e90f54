import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-initiated request must never reach (webhooks.md §7): private, loopback,
 * link-local (cloud metadata lives at 169.254.169.254), shared, documentation, multicast and
 * reserved ranges. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
blocked.addAddress('255.255.255.255', 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside `::ffff:a.b.c.d` / `::ffff:7f00:1`, if that is what this is. */
function mappedIpv4(address: string): string | undefined {
  const match = /^::ffff:(?:0{1,4}:)?(.+)$/i.exec(address);
  if (!match) return undefined;
  const tail = match[1]!;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True when a request must not be sent to this IP address. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const v4 = isIP(bare) === 6 ? mappedIpv4(bare) : bare;
  if (v4 !== undefined && isIP(v4) === 4) return blocked.check(v4, 'ipv4');
  if (isIP(bare) === 6) return blocked.check(bare, 'ipv6');
  return true;
}
