import { defineVariable } from './define-variable';

describe('defineVariable', () => {
  it('fills in the common fields: required unless a default is given', () => {
    expect(defineVariable('integer', 'integerVar', {})).toEqual({ type: 'integer', label: '', description: '', required: true });
    expect(defineVariable('integer', 'integerVar', { default: 3, label: 'Count' })).toEqual({ type: 'integer', label: 'Count', description: '', required: false, default: 3 });
  });

  it('checks the default as run data, naming the builder', () => {
    expect(() => defineVariable('integer', 'integerVar', { default: 1.5 })).toThrow('integerVar: default 1.5 must be a whole number');
    expect(() => defineVariable('choice', 'choiceVar', { choices: [['a', 'A']], default: 'b' })).toThrow('choiceVar: default "b" must be one of "a"');
  });

  it('keeps the default as the check gives it back: IP addresses in canonical text', () => {
    expect(defineVariable('ip_address', 'ipAddressVar', { default: '2001:DB8::0001' })).toMatchObject({ default: '2001:db8::1' });
  });

  it('refuses a default for a sensitive variable: the catalog would hold it in clear text', () => {
    expect(() => defineVariable('string', 'stringVar', { sensitive: true, default: 'x' })).toThrow(
      'stringVar: a sensitive variable cannot have a default: the catalog would hold it in clear text',
    );
  });
});
