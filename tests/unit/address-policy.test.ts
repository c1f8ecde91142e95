/**
 * Specification of the address policy: which IP addresses a fetch refuses to reach unless
 * private hosts are allowed, and how such an address is named in the refusal.
 */
import { describe, expect, it } from 'vitest';
import { describeRange, restrictedRange } from '../../lambdas/adapters/fetch/address-policy.js';

describe('IPv4 addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
  ])('%s is %s', (address, range) => {
    expect(restrictedRange(address)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '93.184.215.14',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.255.255',
    '11.0.0.1',
    '192.169.0.1',
  ])('%s, just outside or far from every restricted range, is public', (address) => {
    expect(restrictedRange(address)).toBeUndefined();
  });
});

describe('IPv6 addresses', () => {
  it.each([
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
  ])('%s is %s', (address, range) => {
    expect(restrictedRange(address)).toBe(range);
  });

  it.each(['2001:4860:4860::8888', '2606:4700::6810:84e5', 'fec0::1', 'fe7f::1', 'fbff::1', '::2'])('%s is public', (address) => {
    expect(restrictedRange(address)).toBeUndefined();
  });
});

describe('IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry', () => {
  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:c0a8:101', 'private'],
    ['::ffff:0.0.0.0', 'unspecified'],
  ])('%s is %s', (address, range) => {
    expect(restrictedRange(address)).toBe(range);
  });

  it('::ffff:8.8.8.8 is public', () => {
    expect(restrictedRange('::ffff:8.8.8.8')).toBeUndefined();
  });
});

describe('input that is not an IP address', () => {
  it.each(['localhost', 'example.com', '256.0.0.1', '[::1]', ''])('%j is rejected rather than judged', (input) => {
    expect(() => restrictedRange(input)).toThrow(TypeError);
  });
});

describe('naming a range in a refusal', () => {
  it('uses "a" before a range that starts with a consonant sound', () => {
    expect(describeRange('loopback')).toBe('a loopback address');
    expect(describeRange('unique-local')).toBe('a unique-local address');
  });

  it('uses "an" before "unspecified"', () => {
    expect(describeRange('unspecified')).toBe('an unspecified address');
  });
});
