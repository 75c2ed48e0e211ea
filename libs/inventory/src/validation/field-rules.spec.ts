import type { FieldRule } from './field-rule';
import { colorRule, nameRule, addressWithPrefixRule, slugRule, tagSlugsRule } from './field-rules';
import { managementRule } from './management-rule';

function valueOf<T>(rule: FieldRule<T>, input: unknown): T {
  const result = rule(input);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problemsOf(rule: FieldRule<unknown>, input: unknown): unknown {
  const result = rule(input);
  return result.ok ? null : result.problems;
}

describe('inventory field rules', () => {
  it('trims names and refuses empty or over-long ones', () => {
    expect(valueOf(nameRule, '  ams1 ')).toBe('ams1');
    expect(problemsOf(nameRule, '   ')).toEqual([{ message: 'must be a non-empty string' }]);
    expect(problemsOf(nameRule, 42)).toEqual([{ message: 'must be a non-empty string' }]);
    expect(problemsOf(nameRule, 'n'.repeat(101))).toEqual([{ message: 'must be at most 100 characters' }]);
  });

  it('takes slugs of lower-case letters, digits, - and _ only', () => {
    expect(valueOf(slugRule, 'ams-1_b')).toBe('ams-1_b');
    expect(problemsOf(slugRule, 'AMS1')).not.toBeNull();
    expect(problemsOf(slugRule, 'ams 1')).not.toBeNull();
    expect(problemsOf(slugRule, '')).not.toBeNull();
  });

  it('takes colours as six hex digits, stored lower-case', () => {
    expect(valueOf(colorRule, 'FF00aa')).toBe('ff00aa');
    expect(problemsOf(colorRule, '#ff00aa')).toEqual([{ message: 'must be six hex digits without #, e.g. 9e9e9e' }]);
    expect(problemsOf(colorRule, 'fff')).not.toBeNull();
  });

  it('stores an address (primary, out-of-band) in canonical text and requires the prefix length', () => {
    expect(valueOf(addressWithPrefixRule, '192.0.2.10/24')).toBe('192.0.2.10/24');
    expect(valueOf(addressWithPrefixRule, '2001:DB8:0:0::0001/64')).toBe('2001:db8::1/64');
    expect(problemsOf(addressWithPrefixRule, '192.0.2.10')).toEqual([{ message: 'must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64' }]);
    expect(problemsOf(addressWithPrefixRule, '192.0.2.10/33')).toEqual([{ message: 'has a prefix length over 32, the most for IPv4' }]);
    expect(problemsOf(addressWithPrefixRule, '2001:db8::1/129')).toEqual([{ message: 'has a prefix length over 128, the most for IPv6' }]);
    expect(problemsOf(addressWithPrefixRule, '300.0.0.1/24')).not.toBeNull();
  });

  it('gives tag slugs without duplicates, sorted', () => {
    expect(valueOf(tagSlugsRule, ['core', 'border', 'core'])).toEqual(['border', 'core']);
    expect(problemsOf(tagSlugsRule, 'core')).toEqual([{ message: 'must be a list of tag slugs' }]);
  });
});

describe('management settings', () => {
  it('defaults the port by protocol and the credentials to none', () => {
    expect(valueOf(managementRule, { protocol: 'ssh' })).toEqual({ protocol: 'ssh', port: 22, credentialsRef: null });
    expect(valueOf(managementRule, { protocol: 'netconf' })).toEqual({ protocol: 'netconf', port: 830, credentialsRef: null });
    expect(valueOf(managementRule, { protocol: 'snmp', port: 1161, credentialsRef: 'lab-snmp' })).toEqual({ protocol: 'snmp', port: 1161, credentialsRef: 'lab-snmp' });
  });

  it('names each bad part', () => {
    expect(problemsOf(managementRule, { protocol: 'rdp', port: 0, credentialsRef: '', password: 'x' })).toEqual([
      { path: 'password', message: 'is not a management setting' },
      { path: 'protocol', message: 'must be one of ssh, netconf, snmp, https, telnet' },
      { path: 'port', message: 'must be a whole number from 1 to 65535' },
      { path: 'credentialsRef', message: 'must be the name of a credential set (1 to 100 characters) or null' },
    ]);
    expect(problemsOf(managementRule, 'ssh')).toEqual([{ message: 'must be an object { protocol, port, credentialsRef }' }]);
  });

  it('refuses __proto__, constructor and toString like any unknown setting', () => {
    const settings = { protocol: 'ssh', ...(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as object) };

    expect(problemsOf(managementRule, settings)).toEqual([
      { path: '__proto__', message: 'is not a management setting' },
      { path: 'constructor', message: 'is not a management setting' },
      { path: 'toString', message: 'is not a management setting' },
    ]);
  });
});
