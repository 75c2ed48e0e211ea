import type { JsonValue } from '@yardmaster/contracts';
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
  type JobData,
} from './variable-builders';

/** True only when A and B are the same type, readonly and optional modifiers included. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

describe('variable builders', () => {
  it('make a variable required unless it has a default or says otherwise', () => {
    expect(stringVar({}).required).toBe(true);
    expect(stringVar({ default: 'x' }).required).toBe(false);
    expect(integerVar({ required: false }).required).toBe(false);
    expect(textVar().required).toBe(true);
    expect(ipNetworkVar({ default: '10.0.0.0/8' }).required).toBe(false);
    expect(jsonVar({ default: null }).required).toBe(false);
  });

  it('never require a boolean, and default it to false', () => {
    expect(booleanVar()).toMatchObject({ type: 'boolean', required: false, default: false });
  });

  it('keep a RegExp as its source', () => {
    expect(stringVar({ regex: /[a-z]+-\d+/ }).regex).toBe('[a-z]+-\\d+');
    expect(textVar({ regex: /\w+\n\w+/ }).regex).toBe('\\w+\\n\\w+');
  });

  it('refuse a RegExp with flags, which the catalog could not carry', () => {
    expect(() => stringVar({ regex: /edge/i })).toThrow('stringVar: regex flags are not supported');
    expect(() => textVar({ regex: /^a$/m })).toThrow('textVar: regex flags are not supported');
  });

  it('refuse a regex that is not a valid Unicode regular expression', () => {
    expect(() => stringVar({ regex: '(' })).toThrow('stringVar: regex "(" is not a valid Unicode regular expression');
    expect(() => textVar({ regex: '\\-' })).toThrow('textVar: regex "\\\\-" is not a valid Unicode regular expression');
  });

  it('keep choices as [value, label] pairs', () => {
    expect(choiceVar({ choices: [['a', 'A']] as const }).choices).toEqual([['a', 'A']]);
  });

  it('refuse no choices, an empty choice value, or a value listed twice', () => {
    expect(() => choiceVar({ choices: [] })).toThrow('choiceVar: give at least one choice');
    expect(() => multiChoiceVar({ choices: [['', 'None']] })).toThrow('multiChoiceVar: a choice value cannot be ""');
    expect(() => choiceVar({ choices: [['a', 'A'], ['a', 'Also A']] })).toThrow('choiceVar: choice value "a" is listed twice');
  });

  it('describe text as its own type with string options', () => {
    expect(textVar({ label: 'Config', minLength: 1, maxLength: 10, regex: 'a+' })).toEqual({
      type: 'text',
      label: 'Config',
      description: '',
      required: true,
      minLength: 1,
      maxLength: 10,
      regex: 'a+',
    });
  });

  it('describe a multi-choice with its choices and selection bounds', () => {
    expect(multiChoiceVar({ choices: [['a', 'A'], ['b', 'B']] as const, minSelections: 1, maxSelections: 2, default: ['a'] })).toEqual({
      type: 'multi_choice',
      label: '',
      description: '',
      required: false,
      default: ['a'],
      choices: [
        ['a', 'A'],
        ['b', 'B'],
      ],
      minSelections: 1,
      maxSelections: 2,
    });
  });

  it('refuse selection or length bounds that are negative, fractional or crossed', () => {
    const choices = [['a', 'A']] as const;
    expect(() => multiChoiceVar({ choices, minSelections: -1 })).toThrow('multiChoiceVar: minSelections must be a whole number, at least 0, got -1');
    expect(() => multiChoiceVar({ choices, minSelections: 2, maxSelections: 1 })).toThrow('multiChoiceVar: minSelections (2) is greater than maxSelections (1)');
    expect(() => textVar({ maxLength: 1.5 })).toThrow('textVar: maxLength must be a whole number, at least 0, got 1.5');
  });

  it('describe IP variables with their version and prefix bounds', () => {
    expect(ipAddressVar({ version: 6 })).toEqual({ type: 'ip_address', label: '', description: '', required: true, version: 6 });
    expect(ipAddressWithMaskVar()).toEqual({ type: 'ip_address_with_mask', label: '', description: '', required: true });
    expect(ipNetworkVar({ version: 4, minPrefixLength: 8, maxPrefixLength: 30 })).toEqual({
      type: 'ip_network',
      label: '',
      description: '',
      required: true,
      version: 4,
      minPrefixLength: 8,
      maxPrefixLength: 30,
    });
  });

  it('refuse a version other than 4 or 6, and prefix bounds outside the family', () => {
    expect(() => ipAddressVar({ version: 5 as never })).toThrow('ipAddressVar: version must be 4 or 6, got 5');
    expect(() => ipNetworkVar({ version: 4, maxPrefixLength: 33 })).toThrow('ipNetworkVar: maxPrefixLength must be a whole number from 0 to 32, got 33');
    expect(() => ipNetworkVar({ minPrefixLength: 129 })).toThrow('ipNetworkVar: minPrefixLength must be a whole number from 0 to 128, got 129');
    expect(() => ipNetworkVar({ minPrefixLength: 24, maxPrefixLength: 16 })).toThrow('ipNetworkVar: minPrefixLength (24) is greater than maxPrefixLength (16)');
    expect(ipNetworkVar({ version: 6, minPrefixLength: 48, maxPrefixLength: 128 }).maxPrefixLength).toBe(128);
  });

  it('describe JSON with any JSON default', () => {
    expect(jsonVar({ default: { vrfs: ['mgmt'], retries: 2 } })).toEqual({
      type: 'json',
      label: '',
      description: '',
      required: false,
      default: { vrfs: ['mgmt'], retries: 2 },
    });
  });

  it('check a default as a given value would be checked, and fail at declaration when it is bad', () => {
    expect(() => integerVar({ minValue: 1, default: 0 })).toThrow('integerVar: default 0 must be at least 1');
    expect(() => textVar({ maxLength: 3, default: 'long' })).toThrow('textVar: default "long" must be at most 3 characters long');
    expect(() => multiChoiceVar({ choices: [['a', 'A']] as const, minSelections: 2, default: ['a'] })).toThrow(
      'multiChoiceVar: default ["a"] must have at least 2 choices selected',
    );
    expect(() => ipAddressVar({ version: 4, default: '2001:db8::1' })).toThrow('ipAddressVar: default "2001:db8::1" must be an IPv4 address, e.g. 192.0.2.1, not an IPv6 one');
    expect(() => ipAddressWithMaskVar({ default: '192.0.2.1' })).toThrow('ipAddressWithMaskVar: default "192.0.2.1" must be an IPv4 or IPv6 address with a prefix length');
    expect(() => ipNetworkVar({ default: '192.0.2.1/24' })).toThrow('ipNetworkVar: default "192.0.2.1/24" must have host bits zero: did you mean 192.0.2.0/24?');
    expect(() => jsonVar({ default: Number.NaN })).toThrow('jsonVar: default NaN must be a JSON value');
  });

  it('keep IP defaults in canonical text, as run data holds given values', () => {
    expect(ipAddressVar({ default: '2001:0DB8::0001' }).default).toBe('2001:db8::1');
    expect(ipAddressWithMaskVar({ default: '2001:DB8::1/64' }).default).toBe('2001:db8::1/64');
    expect(ipNetworkVar({ default: '2001:db8:0:0::/64' }).default).toBe('2001:db8::/64');
  });

  it('type the job data: arrays for multi-choice, JSON values for JSON, undefined only when optional without a default', () => {
    const variables = {
      name: stringVar(),
      notes: textVar({ required: false }),
      count: integerVar({ default: 1 }),
      flag: booleanVar(),
      mode: choiceVar({ choices: [['fast', 'Fast'], ['safe', 'Safe']] as const }),
      protocols: multiChoiceVar({ choices: [['ssh', 'SSH'], ['snmp', 'SNMP']] as const, default: ['ssh'] }),
      extras: multiChoiceVar({ choices: [['x', 'X']] as const, required: false }),
      address: ipAddressVar({ version: 4 }),
      host: ipAddressWithMaskVar({ required: false }),
      network: ipNetworkVar({ default: '10.0.0.0/8' }),
      settings: jsonVar(),
      overrides: jsonVar({ required: false }),
    };
    type Data = JobData<typeof variables>;
    assertType<Equals<Data['name'], string>>();
    assertType<Equals<Data['notes'], string | undefined>>();
    assertType<Equals<Data['count'], number>>();
    assertType<Equals<Data['flag'], boolean>>();
    assertType<Equals<Data['mode'], 'fast' | 'safe'>>();
    assertType<Equals<Data['protocols'], ('ssh' | 'snmp')[]>>();
    assertType<Equals<Data['extras'], 'x'[] | undefined>>();
    assertType<Equals<Data['address'], string>>();
    assertType<Equals<Data['host'], string | undefined>>();
    assertType<Equals<Data['network'], string>>();
    assertType<Equals<Data['settings'], JsonValue>>();
    assertType<Equals<Data['overrides'], JsonValue | undefined>>();
    // Refused by the compiler, and by the builders for JavaScript callers.
    // @ts-expect-error a multi-choice default must list choice values
    expect(() => multiChoiceVar({ choices: [['ssh', 'SSH']] as const, default: ['telnet'] })).toThrow('must list only choices from "ssh", not "telnet"');
    // @ts-expect-error the version is 4 or 6
    expect(() => ipAddressVar({ version: 5 })).toThrow('version must be 4 or 6');
    // @ts-expect-error a JSON default must be JSON
    expect(() => jsonVar({ default: new Date(0) })).toThrow('must be a JSON value');
    expect(Object.keys(variables)).toHaveLength(12);
  });
});
