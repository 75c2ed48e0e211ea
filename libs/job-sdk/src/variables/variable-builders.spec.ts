import { booleanVar, choiceVar, integerVar, stringVar } from './variable-builders';

describe('variable builders', () => {
  it('make a variable required unless it has a default or says otherwise', () => {
    expect(stringVar({}).required).toBe(true);
    expect(stringVar({ default: 'x' }).required).toBe(false);
    expect(integerVar({ required: false }).required).toBe(false);
  });

  it('never require a boolean, and default it to false', () => {
    expect(booleanVar()).toMatchObject({ type: 'boolean', required: false, default: false });
  });

  it('keep a RegExp as its source', () => {
    expect(stringVar({ regex: /[a-z]+-\d+/ }).regex).toBe('[a-z]+-\\d+');
  });

  it('refuse a RegExp with flags, which the catalog could not carry', () => {
    expect(() => stringVar({ regex: /edge/i })).toThrow('regex flags are not supported');
  });

  it('keep choices as [value, label] pairs', () => {
    expect(choiceVar({ choices: [['a', 'A']] as const }).choices).toEqual([['a', 'A']]);
  });
});
