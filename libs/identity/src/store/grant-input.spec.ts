import { ErrorCode, YardError } from '@yardmaster/contracts';
import { grantView, parseGrants } from './grant-input';

function errorOf(action: () => unknown): YardError {
  try {
    action();
  } catch (error) {
    if (error instanceof YardError) return error;
  }
  throw new Error('expected a YardError');
}

describe('parseGrants', () => {
  it('reads names and scoped jobs.run grants', () => {
    expect(parseGrants(['runs.view_any', { permission: 'jobs.run', groupings: ['Examples'] }, { permission: 'jobs.run', jobIds: ['a.B', 'a.B'] }])).toEqual([
      { permission: 'runs.view_any', scope: null },
      { permission: 'jobs.run', scope: { groupings: ['Examples'] } },
      { permission: 'jobs.run', scope: { jobIds: ['a.B'] } },
    ]);
  });

  it('refuses __proto__, constructor and toString in a grant like any unknown field', () => {
    const error = errorOf(() => parseGrants([{ permission: 'jobs.run', ...(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>) }]));

    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['permissions[0].__proto__', 'permissions[0].constructor', 'permissions[0].toString']);
  });

  it('refuses unknown permissions, scopes on other permissions, empty scopes and extra fields, each by field', () => {
    const error = errorOf(() =>
      parseGrants(['jobs.fly', { permission: 'runs.view_any', jobIds: ['a.B'] }, { permission: 'jobs.run', jobIds: [] }, { permission: 'jobs.view', why: 1 }, 7]),
    );

    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual([
      'permissions[0].permission',
      'permissions[1]',
      'permissions[2]',
      'permissions[3].why',
      'permissions[4]',
    ]);
  });

  it('refuses what is not a list', () => {
    expect(errorOf(() => parseGrants({ permission: 'jobs.view' })).fieldErrors).toEqual([{ field: 'permissions', message: 'must be a list of permissions' }]);
  });

  it('shows grants without empty scopes', () => {
    expect(grantView({ permission: 'jobs.view', scope: null })).toEqual({ permission: 'jobs.view' });
    expect(grantView({ permission: 'jobs.run', scope: { groupings: ['Examples'] } })).toEqual({ permission: 'jobs.run', groupings: ['Examples'] });
  });
});
