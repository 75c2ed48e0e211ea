import { PermissionDenied } from '../errors/permission-denied';
import { requirePermissionOf } from './require-permission';

describe('requirePermissionOf', () => {
  const bob = { username: 'bob', isAdmin: false, grants: [{ permission: 'inventory.view' as const }, { permission: 'jobs.run' as const, scope: { groupings: ['Examples'] } }] };

  it('passes for a permission the acting user holds, about the resource when given', () => {
    const require = requirePermissionOf(bob);
    expect(() => require('inventory.view')).not.toThrow();
    expect(() => require('jobs.run', { kind: 'job', jobId: 'examples.HelloWorld', grouping: 'Examples' })).not.toThrow();
  });

  it('throws PermissionDenied naming the user and the permission otherwise', () => {
    const require = requirePermissionOf(bob);
    let thrown: unknown;
    try {
      require('inventory.manage');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermissionDenied);
    expect(thrown).toMatchObject({ code: 'PERMISSION_DENIED', username: 'bob', permission: 'inventory.manage', message: 'User bob lacks the permission inventory.manage' });
    expect(() => require('jobs.run', { kind: 'job', jobId: 'net.Ping', grouping: 'Network checks' })).toThrow(PermissionDenied);
  });

  it('lets an administrator do anything', () => {
    expect(() => requirePermissionOf({ username: 'root', isAdmin: true, grants: [] })('users.admin')).not.toThrow();
  });
});
