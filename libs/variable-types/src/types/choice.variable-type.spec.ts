import { choiceVariableType } from './choice.variable-type';
import { multiChoiceVariableType } from './multi-choice.variable-type';

const choices = [
  ['a', 'A'],
  ['b', 'B'],
  ['c', 'C'],
] as const;

describe('choice variable type', () => {
  const choice = choiceVariableType.define('choiceVar', { choices });

  it.each([['d'], [1], [['a']]])('refuses %p, listing the choices', (value) => {
    expect(choiceVariableType.check(choice, value)).toEqual({ ok: false, message: 'must be one of "a", "b", "c"' });
  });

  it.each([
    [[], 'choiceVar: give at least one choice'],
    [[['', 'None']], 'choiceVar: a choice value cannot be ""'],
    [[['a', 'A'], ['a', 'Again']], 'choiceVar: choice value "a" is listed twice'],
  ])('refuses the choices %p', (given, message) => {
    expect(() => choiceVariableType.define('choiceVar', { choices: given })).toThrow(message);
  });

  it('gives a form the labels', () => {
    expect(choiceVariableType.jsonSchema(choice, true)).toEqual({ type: 'string', enum: ['a', 'b', 'c'], 'x-choice-labels': { a: 'A', b: 'B', c: 'C' } });
  });
});

describe('multi-choice variable type', () => {
  const picks = multiChoiceVariableType.define('multiChoiceVar', { choices, minSelections: 2, maxSelections: 2 });

  it.each([
    ['not an array', 'a', 'must be an array of choices from "a", "b", "c"'],
    ['unknown items, all named', ['a', 'x', 1], 'must list only choices from "a", "b", "c", not "x", 1'],
    ['a repeated choice', ['a', 'a'], 'must not list a choice twice: "a"'],
    ['too few', ['a'], 'must have at least 2 choices selected'],
    ['too many', ['a', 'b', 'c'], 'must have at most 2 choices selected'],
  ])('refuses %s', (_case, value, message) => {
    expect(multiChoiceVariableType.check(picks, value)).toEqual({ ok: false, message });
  });

  it('says "choice" for one', () => {
    const one = multiChoiceVariableType.define('multiChoiceVar', { choices, maxSelections: 1 });
    expect(multiChoiceVariableType.check(one, ['a', 'b'])).toEqual({ ok: false, message: 'must have at most 1 choice selected' });
  });

  it('accepts distinct choices in the order given, as a copy', () => {
    const given = ['c', 'a'];
    const checked = multiChoiceVariableType.check(picks, given);
    expect(checked).toEqual({ ok: true, value: ['c', 'a'] });
    expect(checked.ok && checked.value).not.toBe(given);
  });

  it('counts [] as not given, and reads --data as a list', () => {
    expect([[], ['a']].map((value) => multiChoiceVariableType.isAlsoEmpty?.(value))).toEqual([true, false]);
    expect(multiChoiceVariableType.cliValueKind).toBe('list');
  });

  it('needs one selection in its schema when it must be given', () => {
    const optional = multiChoiceVariableType.define('multiChoiceVar', { choices });
    expect(multiChoiceVariableType.jsonSchema(optional, true)).toMatchObject({ minItems: 1, uniqueItems: true });
    expect(multiChoiceVariableType.jsonSchema(optional, false)).not.toHaveProperty('minItems');
  });
});
