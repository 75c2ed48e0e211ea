import { ErrorCode, YardError } from '@yardmaster/contracts';
import { parseStartRunBody } from './start-run-body';

describe('parseStartRunBody', () => {
  it('keeps runAs, the user the run acts as (who may send it is checked elsewhere)', () => {
    expect(parseStartRunBody({ data: { name: 'x' }, runAs: 'bob' })).toEqual({ data: { name: 'x' }, runAs: 'bob' });
    expect(parseStartRunBody({ data: {} })).toEqual({ data: {} });
  });

  it('refuses __proto__, constructor and toString like any unknown field', () => {
    let thrown: unknown;
    try {
      parseStartRunBody({ data: {}, ...(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(YardError);
    expect((thrown as YardError).fieldErrors?.map((fieldError) => fieldError.field).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('refuses a runAs that is not a username, on that field', () => {
    for (const runAs of [42, '', '  ', null]) {
      let thrown: unknown;
      try {
        parseStartRunBody({ runAs });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(YardError);
      expect(thrown).toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'runAs', message: 'must be a username' }] });
    }
  });
});
