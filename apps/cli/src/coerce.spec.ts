import type { JsonObject, NamedVariableDefinition } from '@yardmaster/contracts';
import { buildRunData, coerceValue, kindOfVariable, parseAssignment, readDataFile } from './coerce';
import { UsageError } from './errors';

const HELLO_WORLD: NamedVariableDefinition[] = [
  { name: 'name', type: 'string', label: 'Name', description: '', required: true, maxLength: 100 },
  { name: 'count', type: 'integer', label: 'Count', description: '', required: false, default: 3, minValue: 1 },
  { name: 'loud', type: 'boolean', label: 'Loud', description: '', required: false, default: false },
  { name: 'outcome', type: 'choice', label: 'Outcome', description: '', required: false, choices: [['fail', 'Fail']] },
];

/** Variable types newer than this CLI's contracts may be: known by name, or read from the JSON Schema. */
const NEWER = [
  { name: 'protocols', type: 'multi_choice', label: 'Protocols', description: '', required: false, choices: [['ssh', 'SSH']] },
  { name: 'settings', type: 'json', label: 'Settings', description: '', required: false },
  { name: 'address', type: 'ip_address', label: 'Address', description: '', required: false },
  { name: 'ratio', type: 'float', label: 'Ratio', description: '', required: false },
  { name: 'options', type: 'mapping', label: 'Options', description: '', required: false },
  { name: 'mystery', type: 'mystery', label: 'Mystery', description: '', required: false },
] as unknown as NamedVariableDefinition[];

const NEWER_SCHEMA: JsonObject = {
  type: 'object',
  properties: { ratio: { type: 'number' }, options: { type: 'object' }, mystery: {} },
};

describe('parseAssignment', () => {
  it('splits name=value at the first =', () => {
    expect(parseAssignment('name=yard')).toEqual({ name: 'name', raw: 'yard' });
    expect(parseAssignment('query=a=b')).toEqual({ name: 'query', raw: 'a=b' });
    expect(parseAssignment('name=')).toEqual({ name: 'name', raw: '' });
  });

  it('refuses what is not name=value', () => {
    expect(() => parseAssignment('name')).toThrow(UsageError);
    expect(() => parseAssignment('=yard')).toThrow('--data takes name=value, not "=yard"');
  });
});

describe('kindOfVariable', () => {
  it("follows the variable's type, then its JSON Schema, else unknown", () => {
    const kinds = (variables: NamedVariableDefinition[], names: string[], schema?: JsonObject) => names.map((name) => kindOfVariable(name, variables, schema));
    expect(kinds(HELLO_WORLD, ['name', 'count', 'loud', 'outcome', 'nope'])).toEqual(['string', 'integer', 'boolean', 'string', 'unknown']);
    expect(kinds(NEWER, ['protocols', 'settings', 'address', 'ratio', 'options', 'mystery'], NEWER_SCHEMA)).toEqual(['list', 'json', 'string', 'number', 'json', 'unknown']);
  });
});

describe('coerceValue', () => {
  it('integer → number, refusing anything that is not a whole number', () => {
    expect(coerceValue('42', 'integer')).toEqual({ ok: true, value: 42 });
    expect(coerceValue(' -7 ', 'integer')).toEqual({ ok: true, value: -7 });
    for (const raw of ['abc', '1.5', '1e3', '0x10', '99999999999999999999']) {
      expect(coerceValue(raw, 'integer')).toEqual({ ok: false, message: `must be a whole number, not ${JSON.stringify(raw)}` });
    }
  });

  it('boolean → true/false from the usual words, refusing others', () => {
    for (const raw of ['true', 'TRUE', 'yes', 'on', '1', 'y']) expect(coerceValue(raw, 'boolean')).toEqual({ ok: true, value: true });
    for (const raw of ['false', 'No', 'off', '0', 'n']) expect(coerceValue(raw, 'boolean')).toEqual({ ok: true, value: false });
    expect(coerceValue('maybe', 'boolean')).toEqual({ ok: false, message: 'must be true or false, not "maybe"' });
  });

  it('number, list and JSON', () => {
    expect(coerceValue('0.25', 'number')).toEqual({ ok: true, value: 0.25 });
    expect(coerceValue('x', 'number')).toMatchObject({ ok: false });
    expect(coerceValue('ssh, netconf,', 'list')).toEqual({ ok: true, value: ['ssh', 'netconf'] });
    expect(coerceValue('["ssh"]', 'list')).toEqual({ ok: true, value: ['ssh'] });
    expect(coerceValue('["ssh",', 'list')).toMatchObject({ ok: false, message: expect.stringContaining('must be a JSON array or comma-separated values') });
    expect(coerceValue('[1]', 'list')).toEqual({ ok: true, value: [1] });
    expect(coerceValue('{"vrfs":["mgmt"]}', 'json')).toEqual({ ok: true, value: { vrfs: ['mgmt'] } });
    expect(coerceValue('30', 'json')).toEqual({ ok: true, value: 30 });
    expect(coerceValue('hello', 'json')).toEqual({ ok: true, value: 'hello' });
    expect(coerceValue('{"vrfs":', 'json')).toMatchObject({ ok: false, message: expect.stringContaining('must be JSON') });
  });

  it('text stays text, even when it looks like a number or JSON; unknown variables get JSON only when object-ish', () => {
    expect(coerceValue('007', 'string')).toEqual({ ok: true, value: '007' });
    expect(coerceValue('{"a":1}', 'string')).toEqual({ ok: true, value: '{"a":1}' });
    expect(coerceValue('{"a":1}', 'unknown')).toEqual({ ok: true, value: { a: 1 } });
    expect(coerceValue('[1, 2]', 'unknown')).toEqual({ ok: true, value: [1, 2] });
    expect(coerceValue('{oops', 'unknown')).toEqual({ ok: true, value: '{oops' });
    expect(coerceValue('12', 'unknown')).toEqual({ ok: true, value: '12' });
  });

  it('sends an empty value as "", which the API takes for "not given" (the default applies)', () => {
    for (const kind of ['integer', 'boolean', 'json', 'list', 'string'] as const) expect(coerceValue('', kind)).toEqual({ ok: true, value: '' });
  });
});

describe('buildRunData', () => {
  const job = { variables: HELLO_WORLD, schema: {} };

  it('coerces each --data by its variable and lays them over the file data', () => {
    const data = buildRunData({ name: 'from-file', count: 9, extra: { a: 1 } }, ['name=yard', 'count=5', 'loud=yes', 'outcome=fail'], job);
    expect(data).toEqual({ name: 'yard', count: 5, loud: true, outcome: 'fail', extra: { a: 1 } });
  });

  it('reports every value that does not fit at once, as field errors', () => {
    let error: unknown;
    try {
      buildRunData({}, ['count=abc', 'loud=maybe', 'name=ok'], job);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('run: a --data value does not fit its variable');
    expect((error as UsageError).lines).toEqual(['data.count: must be a whole number, not "abc"', 'data.loud: must be true or false, not "maybe"']);
  });

  it('without a job (no variables known), sends text, or JSON when object-ish', () => {
    expect(buildRunData({}, ['a=1', 'b={"x":true}'], null)).toEqual({ a: '1', b: { x: true } });
  });
});

describe('readDataFile', () => {
  const files: Record<string, string> = { 'good.json': '{"name":"yard","count":2}', 'list.json': '[1]', 'bad.json': '{name' };
  const read = (path: string) => {
    if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return files[path];
  };

  it('reads a JSON object', () => {
    expect(readDataFile('good.json', read)).toEqual({ name: 'yard', count: 2 });
  });

  it('refuses a missing file, bad JSON, and JSON that is not an object', () => {
    expect(() => readDataFile('missing.json', read)).toThrow('cannot read --data-file "missing.json" (ENOENT)');
    expect(() => readDataFile('bad.json', read)).toThrow(/is not JSON/);
    expect(() => readDataFile('list.json', read)).toThrow(/must hold a JSON object/);
  });
});
