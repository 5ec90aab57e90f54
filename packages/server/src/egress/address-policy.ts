import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-initiated request (webhooks, platform notifications) must never reach.
 *
 * The refused ranges are the IANA IPv4 and IPv6 Special-Purpose Address Registries
 * (iana-ipv4-special-registry and iana-ipv6-special-registry, RFC 6890, as updated through 2025),
 * every entry included: private use, loopback, link-local (cloud metadata lives at
 * 169.254.169.254), shared address space, documentation, benchmarking, translation prefixes and
 * protocol assignments. A handful of entries are marked "globally reachable" (AS112, AMT, PCP and
 * TURN anycast), but none of them hosts a webhook receiver, so they are refused too. Multicast
 * comes from the IPv4 and IPv6 Multicast Address Space Registries.
 *
 * An IPv6 address that carries an IPv4 address (v4-mapped, v4-compatible, 6to4, NAT64) is also
 * judged by that IPv4 address, since that is where the packets end up.
 */
const IPV4_SPECIAL_PURPOSE: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, '"This network" (RFC 791)'],
  ['10.0.0.0', 8, 'Private-Use (RFC 1918)'],
  ['100.64.0.0', 10, 'Shared Address Space (RFC 6598)'],
  ['127.0.0.0', 8, 'Loopback (RFC 1122)'],
  ['169.254.0.0', 16, 'Link Local (RFC 3927)'],
  ['172.16.0.0', 12, 'Private-Use (RFC 1918)'],
  ['192.0.0.0', 24, 'IETF Protocol Assignments (RFC 6890), DS-Lite, NAT64 discovery, PCP and TURN anycast'],
  ['192.0.2.0', 24, 'Documentation TEST-NET-1 (RFC 5737)'],
  ['192.31.196.0', 24, 'AS112-v4 (RFC 7535)'],
  ['192.52.193.0', 24, 'AMT (RFC 7450)'],
  ['192.88.99.0', 24, 'Deprecated 6to4 Relay Anycast (RFC 7526)'],
  ['192.168.0.0', 16, 'Private-Use (RFC 1918)'],
  ['192.175.48.0', 24, 'Direct Delegation AS112 Service (RFC 7534)'],
  ['198.18.0.0', 15, 'Benchmarking (RFC 2544)'],
  ['198.51.100.0', 24, 'Documentation TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0', 24, 'Documentation TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0', 4, 'Multicast (RFC 5771)'],
  ['240.0.0.0', 4, 'Reserved (RFC 1112), 255.255.255.255 Limited Broadcast (RFC 919) included'],
];

const IPV6_SPECIAL_PURPOSE: ReadonlyArray<readonly [string, number, string]> = [
  ['::', 128, 'Unspecified Address (RFC 4291)'],
  ['::1', 128, 'Loopback Address (RFC 4291)'],
  ['::', 96, 'IPv4-Compatible, deprecated (RFC 4291)'],
  ['64:ff9b:1::', 48, 'IPv4-IPv6 Translation, local use (RFC 8215)'],
  ['100::', 64, 'Discard-Only Address Block (RFC 6666)'],
  ['100:0:0:1::', 64, 'Dummy IPv6 Prefix (RFC 9780)'],
  ['2001::', 23, 'IETF Protocol Assignments (RFC 2928): TEREDO, PCP anycast, benchmarking, AMT, AS112, ORCHIDv2, DRIP'],
  ['2001:db8::', 32, 'Documentation (RFC 3849)'],
  ['2002::', 16, '6to4 (RFC 3056)'],
  ['2620:4f:8000::', 48, 'Direct Delegation AS112 Service (RFC 7534)'],
  ['3fff::', 20, 'Documentation (RFC 9637)'],
  ['5f00::', 16, 'Segment Routing (SRv6) SIDs (RFC 9602)'],
  ['fc00::', 7, 'Unique-Local (RFC 4193)'],
  ['fe80::', 10, 'Link-Local Unicast (RFC 4291)'],
  ['fec0::', 10, 'Site-Local, deprecated (RFC 3879)'],
  ['ff00::', 8, 'Multicast (RFC 4291)'],
];

const blockedV4 = new BlockList();
for (const [network, prefix] of IPV4_SPECIAL_PURPOSE) blockedV4.addSubnet(network, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [network, prefix] of IPV6_SPECIAL_PURPOSE) blockedV6.addSubnet(network, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address, `::` expanded and a dotted IPv4 tail read as two groups. */
function ipv6Groups(address: string): number[] {
  // A zone (fe80::1%eth0) names an interface, not part of the address.
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const dottedQuad = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

type Embedding = 'mapped' | 'compatible' | '6to4' | 'nat64' | 'nat64-local';

/** The IPv4 address an IPv6 address carries, where its prefix says it carries one, and how. */
export function embeddedIpv4(address: string): { ipv4: string; embedding: Embedding } | undefined {
  const g = ipv6Groups(address);
  const zero = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  const last32 = dottedQuad(g[6]!, g[7]!);
  // ::ffff:a.b.c.d (mapped, RFC 4291) and ::a.b.c.d (compatible, deprecated; not :: or ::1).
  if (zero(0, 5) && g[5] === 0xffff) return { ipv4: last32, embedding: 'mapped' };
  if (zero(0, 6) && (g[6] !== 0 || g[7]! > 1)) return { ipv4: last32, embedding: 'compatible' };
  // 2002:AABB:CCDD::/48 (6to4, RFC 3056): the IPv4 address follows the 16-bit prefix.
  if (g[0] === 0x2002) return { ipv4: dottedQuad(g[1]!, g[2]!), embedding: '6to4' };
  // 64:ff9b::/96 (NAT64 well-known prefix, RFC 6052): the IPv4 address is the last 32 bits.
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return { ipv4: last32, embedding: 'nat64' };
  // 64:ff9b:1::/48 (NAT64 local use, RFC 8215) with a /48 prefix (RFC 6052 §2.2): bits 48-63, then
  // bits 72-87 after the reserved octet u.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return { ipv4: dottedQuad(g[3]!, ((g[4]! & 0xff) << 8) | (g[5]! >> 8)), embedding: 'nat64-local' };
  return undefined;
}

/** True when a request must not be sent to this IP address (anything that is not an IP address included). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blockedV4.check(bare, 'ipv4');
  if (family !== 6) return true;
  const carried = embeddedIpv4(bare);
  // A mapped address is the IPv4 host itself (the socket connects over IPv4): judged as that host.
  if (carried?.embedding === 'mapped') return blockedV4.check(carried.ipv4, 'ipv4');
  return blockedV6.check(bare, 'ipv6') || (carried !== undefined && blockedV4.check(carried.ipv4, 'ipv4'));
}

/** One network of every refused range, for tests and documentation. */
export const REFUSED_RANGES = { ipv4: IPV4_SPECIAL_PURPOSE, ipv6: IPV6_SPECIAL_PURPOSE };
