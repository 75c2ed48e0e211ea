import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonObject, JsonValue, NamedVariableDefinition, VariableType } from '@yardmaster/contracts';
import { IPV4_PATTERN, IPV6_PATTERN } from '@yardmaster/variable-types';
import { variablesToJsonSchema } from './json-schema';
import { validateRunData } from './validate-run-data';
import {
  booleanVar,
  choiceVar,
  fileVar,
  integerVar,
  ipAddressVar,
  ipAddressWithMaskVar,
  ipNetworkVar,
  jsonVar,
  multiChoiceVar,
  multiObjectVar,
  objectVar,
  stringVar,
  textVar,
} from './variable-builders';

function named(variables: Record<string, Omit<NamedVariableDefinition, 'name'>>): NamedVariableDefinition[] {
  return Object.entries(variables).map(([name, definition]) => ({ ...definition, name }) as NamedVariableDefinition);
}

type Properties = Record<string, Record<string, unknown>>;

describe('variablesToJsonSchema', () => {
  const variables = named({
    zeta: stringVar({ label: 'Zeta', description: 'Last letter', minLength: 2, maxLength: 5, regex: 'a|b+' }),
    count: integerVar({ minValue: 1, maxValue: 9, default: 3 }),
    optional: stringVar({ required: false }),
    flag: booleanVar({ label: 'Flag' }),
    mode: choiceVar({
      label: 'Mode',
      choices: [
        ['fast', 'Fast mode'],
        ['safe', 'Safe mode'],
      ] as const,
    }),
  });
  const schema = variablesToJsonSchema(variables);
  const properties = schema.properties as Properties;

  it('is a closed object schema', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', additionalProperties: false });
  });

  it('requires exactly the required variables that have no default', () => {
    expect(schema.required).toEqual(['zeta', 'mode']);
  });

  it('does not require a required variable that has a default', () => {
    const withDefault: NamedVariableDefinition[] = [{ name: 'n', type: 'integer', label: '', description: '', required: true, default: 1 }];
    expect(variablesToJsonSchema(withDefault).required).toEqual([]);
  });

  it('numbers the fields with x-order in declaration order', () => {
    expect(Object.keys(properties)).toEqual(['zeta', 'count', 'optional', 'flag', 'mode']);
    expect(Object.values(properties).map((property) => property['x-order'])).toEqual([0, 1, 2, 3, 4]);
  });

  it('requires at least one character of a string that must be given, as "" counts as not given', () => {
    const mustBeGiven = variablesToJsonSchema(named({ s: stringVar(), t: textVar({ maxLength: 9 }), u: stringVar({ default: 'x' }) }));
    expect((mustBeGiven.properties as Properties).s).toMatchObject({ type: 'string', minLength: 1 });
    expect((mustBeGiven.properties as Properties).t).toMatchObject({ type: 'string', minLength: 1, maxLength: 9 });
    expect((mustBeGiven.properties as Properties).u).not.toHaveProperty('minLength');
  });

  it('describes a string with its length bounds and an anchored pattern', () => {
    expect(properties.zeta).toEqual({
      type: 'string',
      minLength: 2,
      maxLength: 5,
      pattern: '^(?:a|b+)$',
      title: 'Zeta',
      description: 'Last letter',
      'x-order': 0,
    });
    const pattern = new RegExp(properties.zeta.pattern as string);
    expect(pattern.test('bbb')).toBe(true);
    expect(pattern.test('ab')).toBe(false);
  });

  it('describes an integer with its bounds and default, titled by its name when unlabelled', () => {
    expect(properties.count).toEqual({ type: 'integer', minimum: 1, maximum: 9, default: 3, title: 'count', 'x-order': 1 });
  });

  it('leaves out bounds, description and default that are not set', () => {
    expect(properties.optional).toEqual({ type: 'string', title: 'optional', 'x-order': 2 });
  });

  it('describes a boolean with its false default', () => {
    expect(properties.flag).toEqual({ type: 'boolean', title: 'Flag', default: false, 'x-order': 3 });
  });

  it('describes a choice as an enum of its values, with labels on the side', () => {
    expect(properties.mode).toEqual({
      type: 'string',
      enum: ['fast', 'safe'],
      'x-choice-labels': { fast: 'Fast mode', safe: 'Safe mode' },
      title: 'Mode',
      'x-order': 4,
    });
  });

  it('is an empty object schema without variables', () => {
    expect(variablesToJsonSchema([])).toMatchObject({ properties: {}, required: [] });
  });

  describe('the other types', () => {
    const schema = variablesToJsonSchema(
      named({
        notes: textVar({ label: 'Notes', minLength: 2, maxLength: 500, regex: '[^<>]*', required: false }),
        protocols: multiChoiceVar({
          choices: [
            ['ssh', 'SSH'],
            ['snmp', 'SNMP'],
          ] as const,
          minSelections: 1,
          maxSelections: 2,
          default: ['ssh'],
        }),
        picks: multiChoiceVar({ choices: [['a', 'A']] as const }),
        address: ipAddressVar(),
        address4: ipAddressVar({ version: 4, default: '192.0.2.1' }),
        address6: ipAddressVar({ version: 6, required: false }),
        host: ipAddressWithMaskVar(),
        host6: ipAddressWithMaskVar({ version: 6, required: false }),
        network: ipNetworkVar({ minPrefixLength: 8, maxPrefixLength: 64 }),
        network4: ipNetworkVar({ version: 4, maxPrefixLength: 30, required: false }),
        settings: jsonVar({ description: 'Anything' }),
        overrides: jsonVar({ default: { a: 1 } }),
      }),
    );
    const properties = schema.properties as Properties;
    const range = (min: number, max: number) => `(?:${Array.from({ length: max - min + 1 }, (_, index) => min + index).join('|')})`;

    it('requires the ones without a default that are not optional', () => {
      expect(schema.required).toEqual(['picks', 'address', 'host', 'network', 'settings']);
    });

    it('describes text as a string for a text area', () => {
      expect(properties.notes).toEqual({
        type: 'string',
        minLength: 2,
        maxLength: 500,
        pattern: '^(?:[^<>]*)$',
        'x-widget': 'textarea',
        title: 'Notes',
        'x-order': 0,
      });
    });

    it('describes a multi-choice as an array of distinct enum values with its bounds', () => {
      expect(properties.protocols).toEqual({
        type: 'array',
        items: { type: 'string', enum: ['ssh', 'snmp'] },
        uniqueItems: true,
        minItems: 1,
        maxItems: 2,
        'x-choice-labels': { ssh: 'SSH', snmp: 'SNMP' },
        title: 'protocols',
        default: ['ssh'],
        'x-order': 1,
      });
      // [] counts as not given: one that must be given needs a selection.
      expect(properties.picks).toMatchObject({ minItems: 1 });
      expect(properties.picks).not.toHaveProperty('maxItems');
    });

    it('describes an IP address with its format, and a pattern too since format alone asserts nothing by default', () => {
      const ipv4 = { format: 'ipv4', pattern: `^${IPV4_PATTERN}$` };
      const ipv6 = { format: 'ipv6', pattern: `^${IPV6_PATTERN}$` };
      expect(properties.address).toEqual({ type: 'string', anyOf: [ipv4, ipv6], title: 'address', 'x-order': 3 });
      expect(properties.address4).toEqual({ type: 'string', ...ipv4, title: 'address4', default: '192.0.2.1', 'x-order': 4 });
      expect(properties.address6).toEqual({ type: 'string', ...ipv6, title: 'address6', 'x-order': 5 });
    });

    it('describes an address with a mask by a pattern of address/length, the length within its family', () => {
      expect(properties.host).toEqual({
        type: 'string',
        pattern: `^(?:${IPV4_PATTERN}/${range(0, 32)}|${IPV6_PATTERN}/${range(0, 128)})$`,
        title: 'host',
        'x-order': 6,
      });
      expect(properties.host6).toEqual({ type: 'string', pattern: `^(?:${IPV6_PATTERN}/${range(0, 128)})$`, 'x-ip-version': 6, title: 'host6', 'x-order': 7 });
    });

    it('describes a network by a pattern with the allowed lengths, noting the host-bits rule it cannot assert', () => {
      expect(properties.network).toEqual({
        type: 'string',
        pattern: `^(?:${IPV4_PATTERN}/${range(8, 32)}|${IPV6_PATTERN}/${range(8, 64)})$`,
        'x-min-prefix-length': 8,
        'x-max-prefix-length': 64,
        'x-host-bits-zero': true,
        title: 'network',
        'x-order': 8,
      });
      expect(properties.network4).toEqual({
        type: 'string',
        pattern: `^(?:${IPV4_PATTERN}/${range(0, 30)})$`,
        'x-ip-version': 4,
        'x-max-prefix-length': 30,
        'x-host-bits-zero': true,
        title: 'network4',
        'x-order': 9,
      });
    });

    it('describes JSON without a type, refusing only the empty values when it must be given', () => {
      expect(properties.settings).toEqual({ not: { enum: [null, ''] }, 'x-widget': 'json', title: 'settings', description: 'Anything', 'x-order': 10 });
      expect(properties.overrides).toEqual({ 'x-widget': 'json', title: 'overrides', default: { a: 1 }, 'x-order': 11 });
    });
  });

  describe('against samples, judged by Ajv (draft 2020-12, with formats) as a client would', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const evaluate = (schema: JsonObject, value: unknown): boolean => ajv.validate(schema, value);

    const variables = named({
      name: stringVar({ minLength: 2, maxLength: 8, regex: '[a-z0-9-]+' }),
      notes: textVar({ maxLength: 20, required: false }),
      count: integerVar({ minValue: 1, maxValue: 10, default: 3 }),
      flag: booleanVar(),
      mode: choiceVar({ choices: [['fast', 'Fast'], ['safe', 'Safe']] as const }),
      protocols: multiChoiceVar({ choices: [['ssh', 'SSH'], ['snmp', 'SNMP'], ['netconf', 'NETCONF']] as const, maxSelections: 2 }),
      address: ipAddressVar(),
      address4: ipAddressVar({ version: 4, required: false }),
      host: ipAddressWithMaskVar(),
      network: ipNetworkVar({ minPrefixLength: 8, maxPrefixLength: 64 }),
      settings: jsonVar(),
      site: objectVar({ model: 'site' }),
      devices: multiObjectVar({ model: 'device', required: false }),
      config: fileVar({ maxSizeBytes: 100, required: false }),
    });
    const schema = variablesToJsonSchema(variables);

    it('covers every variable type', () => {
      // `satisfies` fails to compile when a type is added to the contracts and not here.
      const everyType = { string: 1, text: 1, integer: 1, boolean: 1, choice: 1, multi_choice: 1, ip_address: 1, ip_address_with_mask: 1, ip_network: 1, json: 1, object: 1, multi_object: 1, file: 1 } satisfies Record<VariableType, 1>;
      expect(new Set(variables.map((variable) => variable.type))).toEqual(new Set(Object.keys(everyType)));
    });

    const good = {
      name: 'edge-01',
      notes: 'line 1\nline 2',
      count: 10,
      flag: true,
      mode: 'safe',
      protocols: ['snmp', 'ssh'],
      address: '2001:DB8::1',
      address4: '192.0.2.1',
      host: '192.0.2.1/24',
      network: '2001:db8::/32',
      settings: { vrfs: ['mgmt'], timeout: 30 },
      site: '6f1d3c0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f',
      devices: ['0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10'],
      config: { fileId: 'c0ffee00-0000-4000-8000-000000000001', name: 'edge.cfg', size: 100, contentType: 'text/plain' },
    };

    it('accepts a good sample, as validateRunData does', () => {
      expect(evaluate(schema, good)).toBe(true);
      expect(validateRunData(variables, good).ok).toBe(true);
      // As it arrives over the wire: the optional and defaulted variables left out.
      const minimal = JSON.parse(
        JSON.stringify({ ...good, notes: undefined, count: undefined, flag: undefined, address4: undefined, settings: [1, 'x', null], devices: undefined, config: undefined }),
      ) as object;
      expect(Object.keys(minimal)).toEqual(['name', 'mode', 'protocols', 'address', 'host', 'network', 'settings', 'site']);
      expect(evaluate(schema, minimal)).toBe(true);
      expect(validateRunData(variables, minimal).ok).toBe(true);
    });

    const bad: [string, JsonValue][] = [
      ['name', 'a'],
      ['name', 'toolong-name'],
      ['name', 'Edge_01'],
      ['name', ''],
      ['name', 5],
      ['notes', 'x'.repeat(21)],
      ['count', 0],
      ['count', 11],
      ['count', 2.5],
      ['count', '3'],
      ['flag', 'yes'],
      ['mode', 'Fast'],
      ['mode', 'other'],
      ['protocols', ['ssh', 'ssh']],
      ['protocols', ['ssh', 'snmp', 'netconf']],
      ['protocols', ['telnet']],
      ['protocols', 'ssh'],
      ['protocols', []],
      ['address', '192.0.2.256'],
      ['address', '01.2.3.4'],
      ['address', '1::2::3'],
      ['address', '192.0.2.1/24'],
      ['address', ''],
      ['address4', '2001:db8::1'],
      ['host', '192.0.2.1'],
      ['host', '192.0.2.1/33'],
      ['host', '2001:db8::1/129'],
      ['host', '192.0.2.1/024'],
      ['network', '10.0.0.0/7'],
      ['network', '2001:db8::/65'],
      ['network', '192.0.2.0'],
      ['settings', null],
      ['settings', ''],
      ['site', 'fra1'],
      ['site', ''],
      ['devices', ['0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10', '0b6c2a52-7f7e-4f4e-9a43-3f0e8c1d2b10']],
      ['devices', ['edge-01']],
      ['config', 'edge.cfg'],
      ['config', { fileId: 'c0ffee00-0000-4000-8000-000000000001', name: 'edge.cfg', size: 101, contentType: 'text/plain' }],
      ['bogus', 1],
    ];

    it.each(bad)('rejects %s = %p, as validateRunData does', (name, value) => {
      const sample = { ...good, [name]: value };
      expect(evaluate(schema, sample)).toBe(false);
      expect(validateRunData(variables, sample).ok).toBe(false);
    });

    it('rejects a sample missing a variable that must be given', () => {
      const { address: _address, ...withoutAddress } = good;
      expect(evaluate(schema, withoutAddress)).toBe(false);
      expect(validateRunData(variables, withoutAddress).ok).toBe(false);
    });

    it('cannot see set host bits in a network: that is only the x-host-bits-zero annotation, validateRunData checks it', () => {
      const sample = { ...good, network: '192.0.2.1/24' };
      expect(evaluate(schema, sample)).toBe(true);
      expect(validateRunData(variables, sample).ok).toBe(false);
      expect((schema.properties as Properties).network['x-host-bits-zero']).toBe(true);
    });
  });
});
