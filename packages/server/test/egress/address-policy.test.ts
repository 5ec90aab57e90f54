import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { embeddedIpv4, isBlockedAddress, REFUSED_RANGES } from '../../src/egress/address-policy.js';

/** The first and last address of an IPv4 network, computed here rather than read from the policy. */
function ipv4Ends(network: string, prefix: number): [string, string] {
  const base = network.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - prefix);
  const quad = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
  return [quad(base), quad(base + size - 1)];
}

describe('egress address policy', () => {
  it('refuses the first and last address of every IPv4 special-purpose range, and nothing just outside the private ones', () => {
    for (const [network, prefix, name] of REFUSED_RANGES.ipv4) {
      const [first, last] = ipv4Ends(network, prefix);
      expect([name, isBlockedAddress(first), isBlockedAddress(last)]).toEqual([name, true, true]);
    }
    for (const outside of ['9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0', '223.255.255.255', '8.8.8.8', '93.184.215.14']) {
      expect([outside, isBlockedAddress(outside)]).toEqual([outside, false]);
    }
  });

  it('refuses one address of every IPv6 special-purpose range', () => {
    const independent = new BlockList();
    for (const [network, prefix, name] of REFUSED_RANGES.ipv6) {
      // The network address itself, and one a little inside it.
      const inside = network.endsWith('::') ? `${network}1` : network;
      expect([name, isBlockedAddress(network), isBlockedAddress(inside)]).toEqual([name, true, true]);
      independent.addSubnet(network, prefix, 'ipv6');
    }
    for (const address of ['::1', '::', 'fe80::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '3fff::1', '100::1', '2001::1', '2001:20::1', '5f00::1', 'fec0::1', '2620:4f:8000::1']) {
      expect([address, isBlockedAddress(address), independent.check(address, 'ipv6')]).toEqual([address, true, true]);
    }
    for (const address of ['2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::1']) expect([address, isBlockedAddress(address)]).toEqual([address, false]);
  });

  it('judges IPv6 addresses that carry an IPv4 address by that address too', () => {
    const refused = [
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '::ffff:10.0.0.1',
      '::7f00:1', '::127.0.0.1', '::10.0.0.1', '::a9fe:a9fe',
      '2002:7f00:1::1', '2002:a9fe:a9fe::', '2002:0a00:0001::1',
      '64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b::10.0.0.1',
      '64:ff9b:1::7f00:1', '64:ff9b:1:7f00:1::', '64:ff9b:1::8.8.8.8',
    ];
    for (const address of refused) expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    // Public IPv4 hosts reached through a mapping or the well-known NAT64 prefix stay reachable,
    // whatever the width of each dotted octet.
    for (const address of ['::ffff:8.8.8.8', '::ffff:808:808', '::ffff:93.184.215.14', '::FFFF:5DB8:D70E', '64:ff9b::8.8.8.8', '64:ff9b::93.184.215.14', '64:ff9b::5db8:d70e', '[2606:4700::1111]']) {
      expect([address, isBlockedAddress(address)]).toEqual([address, false]);
    }
    // A zone names an interface; the address is judged without it.
    for (const address of ['fe80::1%eth0', '::ffff:127.0.0.1%eth0', '::ffff:192.168.100.200%2']) expect([address, isBlockedAddress(address)]).toEqual([address, true]);
    expect(isBlockedAddress('::ffff:8.8.8.8%eth0')).toBe(false);
    expect(embeddedIpv4('::ffff:127.0.0.1%eth0')).toEqual({ ipv4: '127.0.0.1', embedding: 'mapped' });
  });

  it('reads the IPv4 address out of each embedding', () => {
    expect(embeddedIpv4('::ffff:7f00:1')).toEqual({ ipv4: '127.0.0.1', embedding: 'mapped' });
    expect(embeddedIpv4('::7f00:1')).toEqual({ ipv4: '127.0.0.1', embedding: 'compatible' });
    expect(embeddedIpv4('2002:c000:0201::1')).toEqual({ ipv4: '192.0.2.1', embedding: '6to4' });
    expect(embeddedIpv4('64:ff9b::c000:201')).toEqual({ ipv4: '192.0.2.1', embedding: 'nat64' });
    // RFC 6052 §2.2, /48 prefix: 192.0 in bits 48-63, then 2.1 after the u octet.
    expect(embeddedIpv4('64:ff9b:1:c000:2:100::')).toEqual({ ipv4: '192.0.2.1', embedding: 'nat64-local' });
    expect(embeddedIpv4('::2')).toEqual({ ipv4: '0.0.0.2', embedding: 'compatible' });
    expect(embeddedIpv4('::1')).toBeUndefined();
    // Only the exact prefixes carry an IPv4 address: neighbours of them do not.
    for (const near of ['65:ff9b::7f00:1', '64:ff9a::7f00:1', '64:ff9b:0:1::7f00:1', '64:ff9b:2:7f00:1::', '63:ff9b:1:7f00:1::', '64:ff9c:1:7f00:1::', '2003:7f00:1::1']) expect([near, embeddedIpv4(near)]).toEqual([near, undefined]);
    expect(embeddedIpv4('2606:4700::1111')).toBeUndefined();
  });

  it('refuses anything that is not an IP address', () => {
    for (const value of ['', 'localhost', '127.1', '0x7f.1', '1.2.3', '[::1', 'example.com']) expect([value, isBlockedAddress(value)]).toEqual([value, true]);
  });
});
