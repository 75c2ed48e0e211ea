import { ErrorCode, YardError } from '@yardmaster/contracts';
import { checkFilter, type FilterKind } from './check-filter';

const KINDS: Readonly<Record<string, FilterKind>> = { name: 'text', tag: 'list', active: 'boolean' };

function fieldErrorsOf(filter: unknown): unknown {
  try {
    checkFilter(filter, KINDS, 'devices');
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return error.fieldErrors;
    throw error;
  }
  throw new Error('no validation error');
}

describe('checkFilter', () => {
  it('accepts known filters of their kind', () => {
    expect(() => checkFilter({ name: 'r1', tag: ['core'], active: true }, KINDS, 'devices')).not.toThrow();
  });

  it('refuses __proto__, constructor and toString like any unknown filter', () => {
    expect(fieldErrorsOf(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}'))).toEqual([
      { field: '__proto__', message: 'is not a filter of devices' },
      { field: 'constructor', message: 'is not a filter of devices' },
      { field: 'toString', message: 'is not a filter of devices' },
    ]);
  });
});
