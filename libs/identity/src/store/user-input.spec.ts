import { ErrorCode, YardError } from '@yardmaster/contracts';
import { parseGroupPatch, parseNewGroup, parseNewToken, parseNewUser, parseUserPatch } from './user-input';

const PROTOTYPE_KEYS = JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>;

function unknownFieldsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) {
      return (error.fieldErrors ?? []).filter((fieldError) => fieldError.message === 'is not a field here').map((fieldError) => fieldError.field);
    }
    throw error;
  }
  throw new Error('no validation error');
}

describe('identity inputs', () => {
  it.each([
    ['a new user', () => parseNewUser({ username: 'ann', ...PROTOTYPE_KEYS })],
    ['a change to a user', () => parseUserPatch({ displayName: 'Ann', ...PROTOTYPE_KEYS })],
    ['a new group', () => parseNewGroup({ name: 'ops', ...PROTOTYPE_KEYS })],
    ['a change to a group', () => parseGroupPatch({ description: 'x', ...PROTOTYPE_KEYS })],
    ['a new token', () => parseNewToken({ name: 'laptop', ...PROTOTYPE_KEYS })],
  ])('%s: refuses __proto__, constructor and toString like any unknown field', (_what, parse) => {
    expect(unknownFieldsOf(parse)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('reads expiresAt null as a token that never expires, as the OpenAPI document says', () => {
    expect(parseNewToken({ name: 'laptop', expiresAt: null })).toEqual({ name: 'laptop', expiresAt: null, readOnly: false });
    expect(parseNewToken({ name: 'laptop' })).toEqual({ name: 'laptop', expiresAt: null, readOnly: false });
  });
});
