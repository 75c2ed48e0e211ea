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

  it('answers each bad field once, in the words the API has always used', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const fieldErrorsOf = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return error.fieldErrors;
        throw error;
      }
      throw new Error('no validation error');
    };
    expect(fieldErrorsOf(() => parseNewToken({ name: ' ', expiresAt: '2026-01-01T00:00:00Z', readOnly: 'no' }, now))).toEqual([
      { field: 'name', message: 'must be a name of 1 to 100 characters, saying what the token is for' },
      { field: 'expiresAt', message: 'must be in the future' },
      { field: 'readOnly', message: 'must be true or false' },
    ]);
    expect(fieldErrorsOf(() => parseNewToken({ name: 'laptop', expiresAt: 'soon' }, now))).toEqual([{ field: 'expiresAt', message: 'must be an ISO 8601 date and time' }]);
    expect(fieldErrorsOf(() => parseNewUser({ username: 'a b', groups: ['ops', ''] }))).toEqual([
      { field: 'username', message: 'must be 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit' },
      { field: 'groups', message: 'must be a list of group names' },
    ]);
    expect(parseNewUser({ username: 'ann', groups: ['ops', 'ops'] })).toEqual({ username: 'ann', displayName: 'ann', admin: false, groups: ['ops'] });
    expect(parseNewToken({ name: ' laptop ', expiresAt: '2026-07-01T00:00:00Z' }, now)).toEqual({ name: 'laptop', expiresAt: new Date('2026-07-01T00:00:00Z'), readOnly: false });
  });
});
