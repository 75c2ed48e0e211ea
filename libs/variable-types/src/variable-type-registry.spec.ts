import type { VariableDefinition, VariableType } from '@yardmaster/contracts';
import { schemaErrors } from './ajv/schema-errors';
import { cliValueKindOfType } from './cli/cli-value-kind-of';
import { defineVariable } from './define/define-variable';
import { isVariableType, VARIABLE_TYPES, variableTypeOf } from './variable-type-registry';
import { checkVariableValue, isEmptyVariableValue } from './variable-values';

const ID = '0b0e7d4c-1111-4a2b-8c3d-123456789abc';

/** Per type: a definition, values its check accepts, values it refuses. */
const SAMPLES: { readonly [TType in VariableType]: readonly [Record<string, unknown>, readonly unknown[], readonly unknown[]] } = {
  string: [{ minLength: 2, maxLength: 4, regex: '[a-z]+' }, ['ab', 'abcd'], ['a', 'abcde', 'AB', 3]],
  text: [{ maxLength: 3 }, ['a\nb'], ['abcd', false]],
  integer: [{ minValue: -1, maxValue: 1 }, [-1, 0, 1], [2, 0.5, '1']],
  boolean: [{}, [true, false], ['yes', 0]],
  choice: [{ choices: [['a', 'A']] }, ['a'], ['b', ['a']]],
  multi_choice: [{ choices: [['a', 'A'], ['b', 'B']], maxSelections: 1 }, [['b']], [['a', 'b'], ['c'], 'a', ['a', 'a']]],
  ip_address: [{ version: 4 }, ['192.0.2.1'], ['192.0.2.1/24', '2001:db8::1', '1.2.3']],
  ip_address_with_mask: [{}, ['192.0.2.1/24', '2001:db8::1/64'], ['192.0.2.1', '192.0.2.1/33']],
  ip_network: [{ maxPrefixLength: 24 }, ['192.0.2.0/24', '10.0.0.0/8'], ['192.0.2.0/25', 'x']],
  json: [{}, [{ a: 1 }, [1], 'x', 0, false], []],
  object: [{ model: 'site' }, [ID], ['x', [ID]]],
  multi_object: [{ model: 'tag', required: false }, [[ID]], [ID, ['x']]],
  file: [{ maxSizeBytes: 10 }, [{ fileId: 'f', name: 'n', size: 10, contentType: 'text/plain' }], [{ fileId: 'f', name: 'n', size: 11, contentType: 'text/plain' }, 'n']],
};

function defined(type: VariableType): VariableDefinition {
  return defineVariable(type, `${type}Var`, SAMPLES[type][0]);
}

describe('VARIABLE_TYPES', () => {
  const types = Object.keys(VARIABLE_TYPES) as VariableType[];

  it('files every module under its own type', () => {
    for (const type of types) expect(VARIABLE_TYPES[type].type).toBe(type);
  });

  it('has a sample of every type in this spec', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...types].sort());
  });

  // The schema a form or another client validates with says what the check says: one definition, two readings.
  it.each(Object.keys(SAMPLES) as VariableType[])('%s: the JSON Schema accepts what the check accepts, and refuses what it refuses', (type) => {
    const definition = defined(type);
    const schema = variableTypeOf(definition).jsonSchema(definition, false);
    const [, good, bad] = SAMPLES[type];
    for (const value of good) {
      const checked = checkVariableValue(definition, value);
      expect(checked).toMatchObject({ ok: true });
      expect(schemaErrors(schema, checked.ok ? checked.value : undefined)).toEqual([]);
    }
    for (const value of bad) {
      expect(checkVariableValue(definition, value)).toMatchObject({ ok: false });
      expect(schemaErrors(schema, value).length).toBeGreaterThan(0);
    }
  });

  it('counts undefined, null and "" as not given for every type, [] only for the multi types', () => {
    for (const type of types) {
      const definition = defined(type);
      expect([undefined, null, ''].every((value) => isEmptyVariableValue(definition, value))).toBe(true);
      expect(isEmptyVariableValue(definition, [])).toBe(type === 'multi_choice' || type === 'multi_object');
    }
  });

  it('refuses a type it does not know', () => {
    expect(isVariableType('rack')).toBe(false);
    expect(isVariableType('toString')).toBe(false);
    expect(() => variableTypeOf({ type: 'rack' } as never)).toThrow('Unknown variable type "rack"');
  });

  it('tells the CLI each known type\'s kind, and nothing for a type it does not know', () => {
    expect(cliValueKindOfType('integer')).toBe('integer');
    expect(cliValueKindOfType('multi_object')).toBe('list');
    expect(cliValueKindOfType('rack')).toBeUndefined();
    expect(cliValueKindOfType('constructor')).toBeUndefined();
  });
});
