import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { checkVariableValue, validateRunData, type RunDataValidation } from './validate-run-data';
import {
  booleanVar,
  choiceVar,
  integerVar,
  ipAddressVar,
  ipAddressWithMaskVar,
  ipNetworkVar,
  jsonVar,
  multiChoiceVar,
  stringVar,
  textVar,
} from './variable-builders';

function named(variables: Record<string, Omit<NamedVariableDefinition, 'name'>>): NamedVariableDefinition[] {
  return Object.entries(variables).map(([name, definition]) => ({ ...definition, name }) as NamedVariableDefinition);
}

function errorsOf(result: RunDataValidation) {
  if (result.ok) throw new Error(`expected the data to be rejected, got ${JSON.stringify(result.data)}`);
  return result.errors;
}

function dataOf(result: RunDataValidation) {
  if (!result.ok) throw new Error(`expected the data to be accepted, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

describe('validateRunData', () => {
  describe('string', () => {
    const variables = named({ host: stringVar({ minLength: 3, maxLength: 6, regex: '[a-z]+-\\d+' }) });

    it('accepts a value within the bounds that matches the regex', () => {
      expect(dataOf(validateRunData(variables, { host: 'ab-1' }))).toEqual({ host: 'ab-1' });
    });

    it('rejects a value shorter than minLength', () => {
      expect(errorsOf(validateRunData(variables, { host: 'a1' }))).toEqual([
        { field: 'data.host', message: 'must be at least 3 characters long' },
      ]);
    });

    it('accepts exactly minLength and exactly maxLength', () => {
      expect(dataOf(validateRunData(named({ s: stringVar({ minLength: 3, maxLength: 3 }) }), { s: 'abc' }))).toEqual({ s: 'abc' });
    });

    it('rejects a value longer than maxLength', () => {
      expect(errorsOf(validateRunData(variables, { host: 'abcd-12' }))).toEqual([
        { field: 'data.host', message: 'must be at most 6 characters long' },
      ]);
    });

    it('requires the regex to match the whole value, not a part of it', () => {
      expect(errorsOf(validateRunData(variables, { host: 'x ab-1' }))).toEqual([{ field: 'data.host', message: 'must match [a-z]+-\\d+' }]);
      expect(errorsOf(validateRunData(variables, { host: 'ab-1x' }))).toEqual([{ field: 'data.host', message: 'must match [a-z]+-\\d+' }]);
    });

    it('anchors a regex with alternation as a whole', () => {
      const alternation = named({ s: stringVar({ regex: 'a|b' }) });
      expect(dataOf(validateRunData(alternation, { s: 'b' }))).toEqual({ s: 'b' });
      expect(validateRunData(alternation, { s: 'ab' }).ok).toBe(false);
      expect(validateRunData(alternation, { s: 'xb' }).ok).toBe(false);
    });

    it('accepts a RegExp given to the builder by its source', () => {
      const fromRegExp = named({ s: stringVar({ regex: /\d{2}/ }) });
      expect(dataOf(validateRunData(fromRegExp, { s: '42' }))).toEqual({ s: '42' });
      expect(validateRunData(fromRegExp, { s: '4' }).ok).toBe(false);
    });

    it('rejects a value that is not a string', () => {
      expect(errorsOf(validateRunData(variables, { host: 12 }))).toEqual([{ field: 'data.host', message: 'must be a string' }]);
    });

    it('counts characters as code points, as JSON Schema does: an emoji is one', () => {
      const short = named({ s: stringVar({ minLength: 2, maxLength: 2 }) });
      expect(dataOf(validateRunData(short, { s: '🚀🚀' }))).toEqual({ s: '🚀🚀' });
      expect(errorsOf(validateRunData(short, { s: '🚀' }))).toEqual([{ field: 'data.s', message: 'must be at least 2 characters long' }]);
    });
  });

  describe('text', () => {
    const variables = named({ config: textVar({ minLength: 5, maxLength: 40, regex: '(?:interface \\S+\\n?)+' }) });

    it('accepts multi-line text that matches the regex as a whole', () => {
      const config = 'interface Gi0/1\ninterface Gi0/2';
      expect(dataOf(validateRunData(variables, { config }))).toEqual({ config });
    });

    it('rejects text too short, too long or not matching, each with its own message', () => {
      expect(errorsOf(validateRunData(variables, { config: 'int' }))).toEqual([{ field: 'data.config', message: 'must be at least 5 characters long' }]);
      expect(errorsOf(validateRunData(variables, { config: 'interface x\n'.repeat(4) }))).toEqual([
        { field: 'data.config', message: 'must be at most 40 characters long' },
      ]);
      expect(errorsOf(validateRunData(variables, { config: 'interface Gi0/1\nshutdown' }))).toEqual([
        { field: 'data.config', message: 'must match (?:interface \\S+\\n?)+' },
      ]);
    });

    it('rejects a value that is not a string', () => {
      expect(errorsOf(validateRunData(variables, { config: ['interface Gi0/1'] }))).toEqual([{ field: 'data.config', message: 'must be a string' }]);
    });

    it('treats "" as not given and fills the default', () => {
      expect(dataOf(validateRunData(named({ t: textVar({ default: 'line 1\nline 2' }) }), { t: '' }))).toEqual({ t: 'line 1\nline 2' });
    });
  });

  describe('integer', () => {
    const variables = named({ count: integerVar({ minValue: 1, maxValue: 10 }) });

    it('accepts a whole number within the bounds, including both ends', () => {
      expect(dataOf(validateRunData(variables, { count: 1 }))).toEqual({ count: 1 });
      expect(dataOf(validateRunData(variables, { count: 10 }))).toEqual({ count: 10 });
    });

    it('rejects a number below minValue', () => {
      expect(errorsOf(validateRunData(variables, { count: 0 }))).toEqual([{ field: 'data.count', message: 'must be at least 1' }]);
    });

    it('rejects a number above maxValue', () => {
      expect(errorsOf(validateRunData(variables, { count: 11 }))).toEqual([{ field: 'data.count', message: 'must be at most 10' }]);
    });

    it.each([[2.5], ['3'], [Number.NaN], [Number.POSITIVE_INFINITY], [true]])('rejects %p as not a whole number', (value) => {
      expect(errorsOf(validateRunData(variables, { count: value }))).toEqual([{ field: 'data.count', message: 'must be a whole number' }]);
    });

    it('accepts zero and negatives when there are no bounds', () => {
      const unbounded = named({ n: integerVar() });
      expect(dataOf(validateRunData(unbounded, { n: 0 }))).toEqual({ n: 0 });
      expect(dataOf(validateRunData(unbounded, { n: -7 }))).toEqual({ n: -7 });
    });
  });

  describe('boolean', () => {
    const variables = named({ dryRun: booleanVar() });

    it('accepts true and false as given', () => {
      expect(dataOf(validateRunData(variables, { dryRun: true }))).toEqual({ dryRun: true });
      expect(dataOf(validateRunData(variables, { dryRun: false }))).toEqual({ dryRun: false });
    });

    it('fills false when the box is absent', () => {
      expect(dataOf(validateRunData(variables, {}))).toEqual({ dryRun: false });
    });

    it.each([['true'], [1], [0]])('rejects %p', (value) => {
      expect(errorsOf(validateRunData(variables, { dryRun: value }))).toEqual([{ field: 'data.dryRun', message: 'must be true or false' }]);
    });
  });

  describe('choice', () => {
    const variables = named({
      colour: choiceVar({ choices: [['red', 'Red'], ['green', 'Green']] as const }),
    });

    it('accepts one of the choice values', () => {
      expect(dataOf(validateRunData(variables, { colour: 'green' }))).toEqual({ colour: 'green' });
    });

    it('rejects a label or an unknown value and lists the allowed values', () => {
      for (const value of ['Green', 'blue', 1]) {
        expect(errorsOf(validateRunData(variables, { colour: value }))).toEqual([
          { field: 'data.colour', message: 'must be one of "red", "green"' },
        ]);
      }
    });
  });

  describe('multi-choice', () => {
    const choices = [
      ['ssh', 'SSH'],
      ['netconf', 'NETCONF'],
      ['snmp', 'SNMP'],
    ] as const;
    const variables = named({ protocols: multiChoiceVar({ choices, minSelections: 1, maxSelections: 2 }) });

    it('accepts distinct choice values, keeping their order', () => {
      expect(dataOf(validateRunData(variables, { protocols: ['snmp', 'ssh'] }))).toEqual({ protocols: ['snmp', 'ssh'] });
    });

    it('rejects a value that is not an array, even a single choice value', () => {
      for (const value of ['ssh', { ssh: true }, 1]) {
        expect(errorsOf(validateRunData(variables, { protocols: value }))).toEqual([
          { field: 'data.protocols', message: 'must be an array of choices from "ssh", "netconf", "snmp"' },
        ]);
      }
    });

    it('rejects labels, unknown values and non-strings, naming them', () => {
      expect(errorsOf(validateRunData(variables, { protocols: ['ssh', 'SNMP', 'telnet', 7, null] }))).toEqual([
        { field: 'data.protocols', message: 'must list only choices from "ssh", "netconf", "snmp", not "SNMP", "telnet", 7, null' },
      ]);
    });

    it('rejects a choice listed twice', () => {
      expect(errorsOf(validateRunData(variables, { protocols: ['ssh', 'ssh'] }))).toEqual([
        { field: 'data.protocols', message: 'must not list a choice twice: "ssh"' },
      ]);
    });

    it('rejects fewer than minSelections and more than maxSelections', () => {
      const atLeastTwo = named({ p: multiChoiceVar({ choices, minSelections: 2 }) });
      expect(errorsOf(validateRunData(atLeastTwo, { p: ['ssh'] }))).toEqual([{ field: 'data.p', message: 'must have at least 2 choices selected' }]);
      expect(errorsOf(validateRunData(variables, { protocols: ['ssh', 'netconf', 'snmp'] }))).toEqual([
        { field: 'data.protocols', message: 'must have at most 2 choices selected' },
      ]);
    });

    it('treats [] as not given: required without a default, it is missing; with a default, the default fills in', () => {
      expect(errorsOf(validateRunData(variables, { protocols: [] }))).toEqual([{ field: 'data.protocols', message: 'is required' }]);
      const defaulted = named({ p: multiChoiceVar({ choices, default: ['netconf'] }) });
      expect(dataOf(validateRunData(defaulted, { p: [] }))).toEqual({ p: ['netconf'] });
      expect(dataOf(validateRunData(named({ p: multiChoiceVar({ choices, required: false }) }), { p: [] }))).toEqual({});
    });
  });

  describe('IP address', () => {
    const either = named({ address: ipAddressVar() });

    it('accepts IPv4 and IPv6, holding the canonical text', () => {
      expect(dataOf(validateRunData(either, { address: '192.0.2.1' }))).toEqual({ address: '192.0.2.1' });
      expect(dataOf(validateRunData(either, { address: '2001:0DB8:0:0:0:0:0:0001' }))).toEqual({ address: '2001:db8::1' });
      expect(dataOf(validateRunData(either, { address: '::ffff:192.0.2.1' }))).toEqual({ address: '::ffff:192.0.2.1' });
    });

    it.each([['192.0.2.256'], ['01.2.3.4'], ['2001:db8::g'], ['1::2::3'], ['fe80::1%eth0'], [' 192.0.2.1'], ['edge-01'], [3232235777], [['192.0.2.1']]])(
      'rejects %p',
      (value) => {
        expect(errorsOf(validateRunData(either, { address: value }))).toEqual([
          { field: 'data.address', message: 'must be an IPv4 or IPv6 address without a mask, e.g. 192.0.2.1 or 2001:db8::1' },
        ]);
      },
    );

    it('rejects an address with a mask, suggesting the address alone', () => {
      expect(errorsOf(validateRunData(either, { address: '2001:DB8::1/64' }))).toEqual([
        { field: 'data.address', message: 'must be an address without a mask: did you mean 2001:db8::1?' },
      ]);
    });

    it('keeps to the version asked for', () => {
      const v4 = named({ address: ipAddressVar({ version: 4 }) });
      const v6 = named({ address: ipAddressVar({ version: 6 }) });
      expect(dataOf(validateRunData(v4, { address: '198.51.100.7' }))).toEqual({ address: '198.51.100.7' });
      expect(errorsOf(validateRunData(v4, { address: '2001:db8::1' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv4 address, e.g. 192.0.2.1, not an IPv6 one' },
      ]);
      expect(errorsOf(validateRunData(v6, { address: '192.0.2.1' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv6 address, e.g. 2001:db8::1, not an IPv4 one' },
      ]);
      expect(errorsOf(validateRunData(v6, { address: 'nope' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv6 address without a mask, e.g. 2001:db8::1' },
      ]);
      expect(errorsOf(validateRunData(v6, { address: '192.0.2.1/24' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv6 address without a mask, e.g. 2001:db8::1' },
      ]);
    });
  });

  describe('IP address with mask', () => {
    const either = named({ address: ipAddressWithMaskVar() });

    it('accepts an address with its prefix length, host bits and all, in canonical text', () => {
      expect(dataOf(validateRunData(either, { address: '192.0.2.1/24' }))).toEqual({ address: '192.0.2.1/24' });
      expect(dataOf(validateRunData(either, { address: '2001:DB8:0::1/64' }))).toEqual({ address: '2001:db8::1/64' });
      expect(dataOf(validateRunData(either, { address: '192.0.2.0/0' }))).toEqual({ address: '192.0.2.0/0' });
      expect(dataOf(validateRunData(either, { address: '::1/128' }))).toEqual({ address: '::1/128' });
    });

    it.each([['192.0.2.1'], ['192.0.2.1/'], ['192.0.2.1/024'], ['192.0.2.1/x'], ['192.0.2.999/24'], ['2001:db8::1/64/1'], [24]])('rejects %p', (value) => {
      expect(errorsOf(validateRunData(either, { address: value }))).toEqual([
        { field: 'data.address', message: 'must be an IPv4 or IPv6 address with a prefix length, e.g. 192.0.2.1/24 or 2001:db8::1/64' },
      ]);
    });

    it("rejects a prefix length past the family's", () => {
      expect(errorsOf(validateRunData(either, { address: '192.0.2.1/33' }))).toEqual([
        { field: 'data.address', message: 'must have a prefix length from 0 to 32 for an IPv4 address' },
      ]);
      expect(errorsOf(validateRunData(either, { address: '2001:db8::1/129' }))).toEqual([
        { field: 'data.address', message: 'must have a prefix length from 0 to 128 for an IPv6 address' },
      ]);
    });

    it('keeps to the version asked for', () => {
      const v6 = named({ address: ipAddressWithMaskVar({ version: 6 }) });
      expect(errorsOf(validateRunData(v6, { address: '192.0.2.1/24' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv6 address with a prefix length, e.g. 2001:db8::1/64, not an IPv4 one' },
      ]);
      expect(errorsOf(validateRunData(v6, { address: '192.0.2.1/40' }))).toEqual([
        { field: 'data.address', message: 'must be an IPv6 address with a prefix length, e.g. 2001:db8::1/64, not an IPv4 one' },
      ]);
    });
  });

  describe('IP network', () => {
    const either = named({ network: ipNetworkVar() });

    it('accepts a network with host bits zero, in canonical text', () => {
      expect(dataOf(validateRunData(either, { network: '192.0.2.0/24' }))).toEqual({ network: '192.0.2.0/24' });
      expect(dataOf(validateRunData(either, { network: '2001:0db8:0000::/32' }))).toEqual({ network: '2001:db8::/32' });
      expect(dataOf(validateRunData(either, { network: '0.0.0.0/0' }))).toEqual({ network: '0.0.0.0/0' });
      expect(dataOf(validateRunData(either, { network: '192.0.2.1/32' }))).toEqual({ network: '192.0.2.1/32' });
    });

    it.each([['192.0.2.0'], ['192.0.2.0/'], ['192.0.2/24'], ['2001:db8::/x'], [{ network: '192.0.2.0', prefixLength: 24 }]])('rejects %p', (value) => {
      expect(errorsOf(validateRunData(either, { network: value }))).toEqual([
        { field: 'data.network', message: 'must be an IPv4 or IPv6 network with host bits zero, e.g. 192.0.2.0/24 or 2001:db8::/32' },
      ]);
    });

    it('rejects host bits that are set, suggesting the network', () => {
      expect(errorsOf(validateRunData(either, { network: '192.0.2.1/24' }))).toEqual([
        { field: 'data.network', message: 'must have host bits zero: did you mean 192.0.2.0/24?' },
      ]);
      expect(errorsOf(validateRunData(either, { network: '2001:db8::1/64' }))).toEqual([
        { field: 'data.network', message: 'must have host bits zero: did you mean 2001:db8::/64?' },
      ]);
    });

    it("rejects a prefix length past the family's", () => {
      expect(errorsOf(validateRunData(either, { network: '192.0.2.0/33' }))).toEqual([
        { field: 'data.network', message: 'must have a prefix length from 0 to 32 for an IPv4 network' },
      ]);
    });

    it('keeps the prefix length within minPrefixLength and maxPrefixLength, both ends included', () => {
      const bounded = named({ network: ipNetworkVar({ minPrefixLength: 16, maxPrefixLength: 24 }) });
      expect(dataOf(validateRunData(bounded, { network: '10.1.0.0/16' }))).toEqual({ network: '10.1.0.0/16' });
      expect(dataOf(validateRunData(bounded, { network: '10.1.2.0/24' }))).toEqual({ network: '10.1.2.0/24' });
      expect(errorsOf(validateRunData(bounded, { network: '10.0.0.0/8' }))).toEqual([{ field: 'data.network', message: 'must have a prefix length from 16 to 24' }]);
      expect(errorsOf(validateRunData(bounded, { network: '2001:db8::/32' }))).toEqual([{ field: 'data.network', message: 'must have a prefix length from 16 to 24' }]);
      const atLeast = named({ n: ipNetworkVar({ minPrefixLength: 8 }) });
      expect(errorsOf(validateRunData(atLeast, { n: '0.0.0.0/0' }))).toEqual([{ field: 'data.n', message: 'must have a prefix length of at least 8' }]);
      const atMost = named({ n: ipNetworkVar({ maxPrefixLength: 64 }) });
      expect(errorsOf(validateRunData(atMost, { n: '2001:db8::/80' }))).toEqual([{ field: 'data.n', message: 'must have a prefix length of at most 64' }]);
    });

    it('keeps to the version asked for', () => {
      const v4 = named({ network: ipNetworkVar({ version: 4 }) });
      expect(errorsOf(validateRunData(v4, { network: '2001:db8::/32' }))).toEqual([
        { field: 'data.network', message: 'must be an IPv4 network, e.g. 192.0.2.0/24, not an IPv6 one' },
      ]);
      expect(errorsOf(validateRunData(v4, { network: 'x' }))).toEqual([
        { field: 'data.network', message: 'must be an IPv4 network with host bits zero, e.g. 192.0.2.0/24' },
      ]);
    });
  });

  describe('JSON', () => {
    const variables = named({ settings: jsonVar() });

    it.each([[{ timeout: 30, vrfs: ['mgmt'], nested: { deep: [null, true, 1.5] } }], [[1, 'two', false]], ['text'], [0], [-2.5], [false], [{}], [[]]])(
      'accepts %p as given',
      (value) => {
        expect(dataOf(validateRunData(variables, { settings: value }))).toEqual({ settings: value });
      },
    );

    it('rejects what JSON cannot carry', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const message = 'must be a JSON value: no undefined, functions, NaN, Infinity, class instances or cycles';
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, { a: undefined }, [1, undefined], { f: () => 1 }, new Date(0), new Map(), cyclic, { n: 10n }, Symbol('s')]) {
        expect(errorsOf(validateRunData(variables, { settings: value }))).toEqual([{ field: 'data.settings', message }]);
      }
      expect(validateRunData(variables, { settings: [1, , 3] }).ok).toBe(false);
    });

    it('accepts the same object twice in one value, which is not a cycle', () => {
      const shared = { a: 1 };
      expect(dataOf(validateRunData(variables, { settings: [shared, shared] }))).toEqual({ settings: [{ a: 1 }, { a: 1 }] });
    });

    it('walks deep nesting without overflowing the stack', () => {
      let deep: unknown = 1;
      for (let depth = 0; depth < 100000; depth++) deep = [deep];
      expect(validateRunData(variables, { settings: deep }).ok).toBe(true);
    });

    it('treats null and "" as not given, as for every variable', () => {
      expect(errorsOf(validateRunData(variables, { settings: null }))).toEqual([{ field: 'data.settings', message: 'is required' }]);
      expect(errorsOf(validateRunData(variables, { settings: '' }))).toEqual([{ field: 'data.settings', message: 'is required' }]);
      expect(dataOf(validateRunData(named({ s: jsonVar({ default: { a: 1 } }) }), { s: null }))).toEqual({ s: { a: 1 } });
    });
  });

  it('has a check for every variable type, and refuses a type it does not know', () => {
    expect(() => checkVariableValue({ type: 'rack', label: '', description: '', required: true } as never, 'x')).toThrow('Unknown variable type "rack"');
  });

  describe('unknown variables', () => {
    it('refuses __proto__, constructor and toString like any variable the job does not have', () => {
      const variables = named({ name: stringVar() });
      expect(errorsOf(validateRunData(variables, { name: 'x', ...(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>) }))).toEqual([
        { field: 'data.__proto__', message: 'is not a variable of this job' },
        { field: 'data.constructor', message: 'is not a variable of this job' },
        { field: 'data.toString', message: 'is not a variable of this job' },
      ]);
    });
  });

  describe('required and defaults', () => {
    it('reports a missing required variable, and treats null and "" as missing', () => {
      const variables = named({ name: stringVar() });
      for (const given of [{}, { name: null }, { name: '' }]) {
        expect(errorsOf(validateRunData(variables, given))).toEqual([{ field: 'data.name', message: 'is required' }]);
      }
    });

    it('leaves an optional variable without a default out of the data', () => {
      const variables = named({ note: stringVar({ required: false }), n: integerVar({ required: false }) });
      const data = dataOf(validateRunData(variables, {}));
      expect(data).toEqual({});
      expect(Object.keys(data)).toEqual([]);
    });

    it('fills in defaults for absent variables and keeps given values', () => {
      const variables = named({
        name: stringVar({ default: 'world' }),
        count: integerVar({ default: 3 }),
        verbose: booleanVar({ default: true }),
        mode: choiceVar({ choices: [['a', 'A'], ['b', 'B']] as const, default: 'b' }),
      });
      expect(dataOf(validateRunData(variables, {}))).toEqual({ name: 'world', count: 3, verbose: true, mode: 'b' });
      expect(dataOf(validateRunData(variables, { name: 'you', count: 5, verbose: false, mode: 'a' }))).toEqual({
        name: 'you',
        count: 5,
        verbose: false,
        mode: 'a',
      });
    });

    it('fills in defaults for every new type, IP defaults in canonical text', () => {
      const variables = named({
        text: textVar({ default: 'a\nb' }),
        picks: multiChoiceVar({ choices: [['a', 'A'], ['b', 'B']] as const, default: ['b', 'a'] }),
        address: ipAddressVar({ default: '2001:DB8::0001' }),
        host: ipAddressWithMaskVar({ default: '192.0.2.1/24' }),
        network: ipNetworkVar({ default: '2001:db8:0::/48' }),
        settings: jsonVar({ default: { retries: [1, 2] } }),
        nothing: jsonVar({ default: null }),
      });
      expect(dataOf(validateRunData(variables, {}))).toEqual({
        text: 'a\nb',
        picks: ['b', 'a'],
        address: '2001:db8::1',
        host: '192.0.2.1/24',
        network: '2001:db8::/48',
        settings: { retries: [1, 2] },
        nothing: null,
      });
    });

    it('hands out a copy of a default, so changing run data cannot change the declaration', () => {
      const variables = named({ settings: jsonVar({ default: { retries: [1] } }) });
      const first = dataOf(validateRunData(variables, {})) as { settings: { retries: number[] } };
      first.settings.retries.push(2);
      expect(dataOf(validateRunData(variables, {}))).toEqual({ settings: { retries: [1] } });
    });

    it('fills the default for a required variable given as null', () => {
      const variables: NamedVariableDefinition[] = [{ name: 'count', type: 'integer', label: '', description: '', required: true, default: 4 }];
      expect(dataOf(validateRunData(variables, { count: null }))).toEqual({ count: 4 });
    });
  });

  it('treats a variable named like an Object.prototype member as absent when it is not given', () => {
    const variables = named({ constructor: stringVar({ default: 'ctor' }), toString: stringVar(), valueOf: integerVar({ required: false }) });
    expect(errorsOf(validateRunData(variables, {}))).toEqual([{ field: 'data.toString', message: 'is required' }]);
    expect(dataOf(validateRunData(variables, JSON.parse('{"toString": "given"}')))).toEqual({ constructor: 'ctor', toString: 'given' });
  });

  it('rejects a field that is not a variable of the job', () => {
    const variables = named({ name: stringVar({ default: 'x' }) });
    expect(errorsOf(validateRunData(variables, { name: 'y', extra: 1 }))).toEqual([
      { field: 'data.extra', message: 'is not a variable of this job' },
    ]);
  });

  it.each([[null], [undefined], ['text'], [42], [[1, 2]], [true]])('rejects %p as run data that is not an object', (input) => {
    expect(errorsOf(validateRunData(named({}), input))).toEqual([{ field: 'data', message: 'must be an object of variable values' }]);
  });

  it('accepts an empty object for a job without variables', () => {
    expect(dataOf(validateRunData([], {}))).toEqual({});
  });

  it('reports every bad field at once, each under its own data.<name>', () => {
    const variables = named({
      name: stringVar({ maxLength: 3 }),
      count: integerVar({ minValue: 1 }),
      flag: booleanVar(),
      colour: choiceVar({ choices: [['red', 'Red']] as const }),
      needed: stringVar(),
      fine: stringVar({ default: 'ok' }),
      notes: textVar({ maxLength: 2 }),
      picks: multiChoiceVar({ choices: [['a', 'A']] as const }),
      address: ipAddressVar(),
      host: ipAddressWithMaskVar(),
      network: ipNetworkVar(),
      settings: jsonVar(),
    });
    const errors = errorsOf(
      validateRunData(variables, {
        name: 'toolong',
        count: 0,
        flag: 'yes',
        colour: 'blue',
        bogus: true,
        notes: 'abc',
        picks: ['b'],
        address: '1.2.3',
        host: '192.0.2.1',
        network: '192.0.2.1/24',
        settings: Number.NaN,
      }),
    );
    expect(errors).toHaveLength(12);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'data.bogus', message: 'is not a variable of this job' },
        { field: 'data.name', message: 'must be at most 3 characters long' },
        { field: 'data.count', message: 'must be at least 1' },
        { field: 'data.flag', message: 'must be true or false' },
        { field: 'data.colour', message: 'must be one of "red"' },
        { field: 'data.needed', message: 'is required' },
        { field: 'data.notes', message: 'must be at most 2 characters long' },
        { field: 'data.picks', message: 'must list only choices from "a", not "b"' },
        { field: 'data.address', message: 'must be an IPv4 or IPv6 address without a mask, e.g. 192.0.2.1 or 2001:db8::1' },
        { field: 'data.host', message: 'must be an IPv4 or IPv6 address with a prefix length, e.g. 192.0.2.1/24 or 2001:db8::1/64' },
        { field: 'data.network', message: 'must have host bits zero: did you mean 192.0.2.0/24?' },
        { field: 'data.settings', message: 'must be a JSON value: no undefined, functions, NaN, Infinity, class instances or cycles' },
      ]),
    );
    expect(new Set(errors.map((error) => error.field)).size).toBe(errors.length);
  });
});
