/**
 * Which IP addresses a fetch of a configured URL must not reach: addresses that lead back into
 * the machine or its network (loopback, private ranges, link-local with the cloud metadata
 * service, unique-local, carrier-grade NAT, unspecified), so that a feed or a redirect cannot
 * turn the poller into a way to read internal services.
 */
import { isIP } from 'node:net';

export type RestrictedRange = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified' | 'carrier-grade NAT';

interface Ipv4Block {
  base: number;
  prefix: number;
  range: RestrictedRange;
}

const IPV4_BLOCKS: readonly Ipv4Block[] = [
  // "This network": 0.0.0.0 itself reaches the local host on Linux, and none of it is a public destination.
  { base: ipv4Number('0.0.0.0'), prefix: 8, range: 'unspecified' },
  { base: ipv4Number('10.0.0.0'), prefix: 8, range: 'private' },
  { base: ipv4Number('100.64.0.0'), prefix: 10, range: 'carrier-grade NAT' },
  { base: ipv4Number('127.0.0.0'), prefix: 8, range: 'loopback' },
  { base: ipv4Number('169.254.0.0'), prefix: 16, range: 'link-local' },
  { base: ipv4Number('172.16.0.0'), prefix: 12, range: 'private' },
  { base: ipv4Number('192.168.0.0'), prefix: 16, range: 'private' },
];

/**
 * The restricted range an IP address (v4 or v6, without brackets) falls in, or undefined when it
 * is an ordinary public address. Throws TypeError for anything that is not an IP address.
 */
export function restrictedRange(address: string): RestrictedRange | undefined {
  const bare = withoutZone(address);
  switch (isIP(bare)) {
    case 4:
      return ipv4Range(ipv4Number(bare));
    case 6:
      return ipv6Range(ipv6Groups(bare));
    default:
      throw new TypeError(`not an IP address: ${address}`);
  }
}

/** "a loopback address", "an unspecified address": for messages that say why an address was refused. */
export function describeRange(range: RestrictedRange): string {
  return `${range === 'unspecified' ? 'an' : 'a'} ${range} address`;
}

function ipv4Range(value: number): RestrictedRange | undefined {
  return IPV4_BLOCKS.find((block) => sameNetwork(value, block.base, block.prefix))?.range;
}

function ipv6Range(groups: readonly number[]): RestrictedRange | undefined {
  const [first = 0] = groups;
  const zeroesBefore = (end: number): boolean => groups.slice(0, end).every((group) => group === 0);
  if (zeroesBefore(8)) return 'unspecified';
  if (zeroesBefore(7) && groups[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d is an IPv4 address reached over an IPv6 socket, so it is judged as that address.
  if (zeroesBefore(5) && groups[5] === 0xffff) return ipv4Range(((groups[6] ?? 0) * 0x10000 + (groups[7] ?? 0)) >>> 0);
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  return undefined;
}

function sameNetwork(value: number, base: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (base & mask) >>> 0;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** The eight 16-bit groups of an IPv6 address already known to be valid, "::" expanded. */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const headGroups = ipv6Part(head);
  const tailGroups = tail === undefined ? [] : ipv6Part(tail);
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...new Array<number>(missing).fill(0), ...tailGroups];
}

/** Groups of one side of "::"; a trailing dotted IPv4 address counts as two groups. */
function ipv6Part(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((piece) => {
    if (!piece.includes('.')) return [parseInt(piece, 16)];
    const value = ipv4Number(piece);
    return [Math.floor(value / 0x10000), value % 0x10000];
  });
}

function withoutZone(address: string): string {
  const percent = address.indexOf('%');
  return percent === -1 ? address : address.slice(0, percent);
}
