import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { validateRunData, type RunDataValidation } from './validate-run-data';
import { booleanVar, choiceVar, integerVar, stringVar } from './variable-builders';

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
    });
    const errors = errorsOf(validateRunData(variables, { name: 'toolong', count: 0, flag: 'yes', colour: 'blue', bogus: true }));
    expect(errors).toHaveLength(6);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'data.bogus', message: 'is not a variable of this job' },
        { field: 'data.name', message: 'must be at most 3 characters long' },
        { field: 'data.count', message: 'must be at least 1' },
        { field: 'data.flag', message: 'must be true or false' },
        { field: 'data.colour', message: 'must be one of "red"' },
        { field: 'data.needed', message: 'is required' },
      ]),
    );
    expect(new Set(errors.map((error) => error.field)).size).toBe(errors.length);
  });
});
