import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { variablesToJsonSchema } from './json-schema';
import { booleanVar, choiceVar, integerVar, stringVar } from './variable-builders';

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
});
