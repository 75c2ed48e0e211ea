import { ipAddressWithMaskVariableType } from './ip-address-with-mask.variable-type';
import { ipAddressVariableType } from './ip-address.variable-type';
import { ipNetworkVariableType } from './ip-network.variable-type';

describe('IP variable types', () => {
  it.each([
    [{}, '2001:DB8::0001', { ok: true, value: '2001:db8::1' }],
    [{}, '192.0.2.1/24', { ok: false, message: 'must be an address without a mask: did you mean 192.0.2.1?' }],
    [{}, '010.0.0.1', { ok: false, message: 'must be an IPv4 or IPv6 address without a mask, e.g. 192.0.2.1 or 2001:db8::1' }],
    [{ version: 4 }, '2001:db8::1', { ok: false, message: 'must be an IPv4 address, e.g. 192.0.2.1, not an IPv6 one' }],
  ])('ip_address %p: %p', (options, value, expected) => {
    expect(ipAddressVariableType.check(ipAddressVariableType.define('ipAddressVar', options), value)).toEqual(expected);
  });

  it.each([
    [{}, '192.0.2.1/24', { ok: true, value: '192.0.2.1/24' }],
    [{}, '192.0.2.1', { ok: false, message: 'must be an IPv4 or IPv6 address with a prefix length, e.g. 192.0.2.1/24 or 2001:db8::1/64' }],
    [{ version: 6 }, '192.0.2.1/24', { ok: false, message: 'must be an IPv6 address with a prefix length, e.g. 2001:db8::1/64, not an IPv4 one' }],
    [{}, '192.0.2.1/33', { ok: false, message: 'must have a prefix length from 0 to 32 for an IPv4 address' }],
  ])('ip_address_with_mask %p: %p', (options, value, expected) => {
    expect(ipAddressWithMaskVariableType.check(ipAddressWithMaskVariableType.define('ipAddressWithMaskVar', options), value)).toEqual(expected);
  });

  it.each([
    [{}, '2001:db8:0::/48', { ok: true, value: '2001:db8::/48' }],
    [{}, '192.0.2.1/24', { ok: false, message: 'must have host bits zero: did you mean 192.0.2.0/24?' }],
    [{ minPrefixLength: 16, maxPrefixLength: 24 }, '10.0.0.0/8', { ok: false, message: 'must have a prefix length from 16 to 24' }],
    [{ minPrefixLength: 16 }, '10.0.0.0/8', { ok: false, message: 'must have a prefix length of at least 16' }],
    [{ version: 4 }, '2001:db8::/32', { ok: false, message: 'must be an IPv4 network, e.g. 192.0.2.0/24, not an IPv6 one' }],
    [{}, 42, { ok: false, message: 'must be an IPv4 or IPv6 network with host bits zero, e.g. 192.0.2.0/24 or 2001:db8::/32' }],
  ])('ip_network %p: %p', (options, value, expected) => {
    expect(ipNetworkVariableType.check(ipNetworkVariableType.define('ipNetworkVar', options), value)).toEqual(expected);
  });

  it.each([
    [{ version: 5 }, 'ipNetworkVar: version must be 4 or 6, got 5'],
    [{ version: 4, maxPrefixLength: 33 }, 'ipNetworkVar: maxPrefixLength must be a whole number from 0 to 32, got 33'],
    [{ minPrefixLength: 24, maxPrefixLength: 16 }, 'ipNetworkVar: minPrefixLength (24) is greater than maxPrefixLength (16)'],
  ])('ip_network refuses the options %p', (options, message) => {
    expect(() => ipNetworkVariableType.define('ipNetworkVar', options)).toThrow(message);
  });

  it('puts family and prefix bounds in the schema, and reads --data as text', () => {
    const network = ipNetworkVariableType.define('ipNetworkVar', { version: 4, minPrefixLength: 8, maxPrefixLength: 9 });
    expect(ipNetworkVariableType.jsonSchema(network, true)).toMatchObject({ type: 'string', 'x-ip-version': 4, 'x-host-bits-zero': true, pattern: expect.stringContaining('/(?:8|9)') });
    expect([ipAddressVariableType, ipAddressWithMaskVariableType, ipNetworkVariableType].map((module) => module.cliValueKind)).toEqual(['string', 'string', 'string']);
  });
});
