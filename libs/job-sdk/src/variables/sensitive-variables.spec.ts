import type { NamedVariableDefinition } from '@yardmaster/contracts';
import { variablesToJsonSchema } from './json-schema';
import { booleanVar, choiceVar, integerVar, jsonVar, multiChoiceVar, stringVar, textVar } from './variable-builders';

describe('sensitive variables', () => {
  it('are marked sensitive by every builder that takes the option, and only when asked', () => {
    expect(stringVar({ sensitive: true }).sensitive).toBe(true);
    expect(textVar({ sensitive: true }).sensitive).toBe(true);
    expect(integerVar({ sensitive: true }).sensitive).toBe(true);
    expect(jsonVar({ sensitive: true }).sensitive).toBe(true);
    expect(choiceVar({ choices: [['a', 'A']], sensitive: true }).sensitive).toBe(true);
    expect(multiChoiceVar({ choices: [['a', 'A']], sensitive: true }).sensitive).toBe(true);
    expect('sensitive' in stringVar({})).toBe(false);
    expect('sensitive' in stringVar({ sensitive: false })).toBe(false);
  });

  it('are required unless declared otherwise, like any variable without a default', () => {
    expect(stringVar({ sensitive: true }).required).toBe(true);
    expect(stringVar({ sensitive: true, required: false }).required).toBe(false);
  });

  it('cannot have a default, which the catalog would hold in clear text', () => {
    expect(() => stringVar({ sensitive: true, default: 'hunter2' })).toThrow('stringVar: a sensitive variable cannot have a default');
    expect(() => integerVar({ sensitive: true, default: 1 })).toThrow(/integerVar: a sensitive variable cannot have a default/);
    expect(() => choiceVar({ choices: [['a', 'A']], sensitive: true, default: 'a' })).toThrow(/choiceVar: a sensitive/);
  });

  it('cannot be a boolean', () => {
    // The option is not in booleanVar's type; a JavaScript job module could still pass it.
    const options = { sensitive: true } as Parameters<typeof booleanVar>[0];
    expect(() => booleanVar(options)).toThrow('booleanVar: a boolean cannot be sensitive; use a choiceVar or a stringVar');
  });

  it('are write-only and flagged x-sensitive in the JSON Schema', () => {
    const variables: NamedVariableDefinition[] = [
      { name: 'username', ...stringVar({}) },
      { name: 'password', ...stringVar({ sensitive: true }) },
    ];
    const properties = variablesToJsonSchema(variables).properties as Record<string, Record<string, unknown>>;
    expect(properties.password).toMatchObject({ type: 'string', writeOnly: true, 'x-sensitive': true });
    expect(properties.username).not.toHaveProperty('writeOnly');
    expect(properties.username).not.toHaveProperty('x-sensitive');
  });
});
