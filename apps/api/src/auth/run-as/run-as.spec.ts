import { ErrorCode, YardError, type Principal } from '@yardmaster/contracts';
import { actingFromAnswer, actingSelf, mayActAsOthers, RunAsResolver } from './run-as';

function principal(overrides: Partial<Principal> = {}): Principal {
  return { username: 'ann', displayName: 'Ann', isAdmin: false, readOnly: false, grants: [{ permission: 'jobs.run' }], ...overrides };
}

async function refusal(promise: Promise<unknown>): Promise<YardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof YardError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('run_as', () => {
  it('is for administrators: the admin flag or users.admin', () => {
    expect(mayActAsOthers(principal({ isAdmin: true, grants: [] }))).toBe(true);
    expect(mayActAsOthers(principal({ grants: [{ permission: 'users.admin' }] }))).toBe(true);
    expect(mayActAsOthers(principal())).toBe(false);
  });

  it('acts as the caller when nobody is named, carrying their grants and nothing of their token', () => {
    expect(actingSelf(principal({ readOnly: true }))).toEqual({ runAs: 'ann', principal: { username: 'ann', isAdmin: false, grants: [{ permission: 'jobs.run' }] } });
  });

  it("refuses a non-administrator's runAs with 403 before looking anyone up", async () => {
    const lookups: unknown[] = [];
    const resolver = new RunAsResolver({ query: async (...args: unknown[]) => lookups.push(args) } as never);
    const error = await refusal(resolver.resolve(principal(), 'bob'));
    expect([error.code, error.message]).toEqual([ErrorCode.Forbidden, 'run_as needs an administrator']);
    expect(lookups).toEqual([]);
    await expect(resolver.resolve(principal(), undefined)).resolves.toMatchObject({ runAs: 'ann' });
  });

  it('takes the named user as the API knows them, and refuses one who is gone or deactivated on the field runAs', () => {
    const bob = { username: 'bob', isAdmin: false, grants: [] };
    expect(actingFromAnswer('bob', { status: 'active', principal: bob })).toEqual({ runAs: 'bob', principal: bob });
    for (const [status, message] of [
      ['inactive', 'is deactivated'],
      ['unknown', 'is not a user'],
    ] as const) {
      let thrown: unknown;
      try {
        actingFromAnswer('bob', { status });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'runAs', message }] });
    }
  });
});
