import { ErrorCode, YardError } from '@yardmaster/contracts';
import { readDeviceCreate, readDevicePatch } from './device-input';
import { readNamedCreate, readNamedPatch } from './named-input';
import { DEVICE_ROLE_MODEL, PLATFORM_MODEL, SITE_MODEL } from './named-model';

function fieldErrorsOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return error.fieldErrors;
    throw error;
  }
  throw new Error('no validation error');
}

describe('named inputs', () => {
  it('fills in the slug from the name and the defaults', () => {
    expect(readNamedCreate(SITE_MODEL, { name: 'Amsterdam 1' })).toEqual({ name: 'Amsterdam 1', slug: 'amsterdam-1', status: 'active', description: '' });
    expect(readNamedCreate(DEVICE_ROLE_MODEL, { name: 'Leaf', slug: 'leaf-switch', color: 'AABBCC' })).toEqual({
      name: 'Leaf',
      slug: 'leaf-switch',
      color: 'aabbcc',
      description: '',
    });
    expect(readNamedCreate(PLATFORM_MODEL, { name: 'IOS XE', networkDriver: 'cisco_xe' })).toMatchObject({ slug: 'ios-xe', networkDriver: 'cisco_xe' });
  });

  it('gives one error per field: missing, bad and unknown', () => {
    expect(fieldErrorsOf(() => readNamedCreate(SITE_MODEL, { slug: 'Bad Slug', status: 'closed', colour: 'red' }))).toEqual([
      { field: 'colour', message: 'is not a field of a site' },
      { field: 'name', message: 'is required' },
      { field: 'slug', message: 'must be lower-case letters, digits, - and _ (e.g. ams-1)' },
      { field: 'status', message: 'must be one of planned, staging, active, decommissioning, retired' },
    ]);
  });

  it('refuses __proto__, constructor and toString like any unknown field', () => {
    const input = { name: 'Amsterdam 1', ...(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as object) };

    expect(fieldErrorsOf(() => readNamedCreate(SITE_MODEL, input))).toEqual([
      { field: '__proto__', message: 'is not a field of a site' },
      { field: 'constructor', message: 'is not a field of a site' },
      { field: 'toString', message: 'is not a field of a site' },
    ]);
  });

  it('asks for a slug when the name gives none', () => {
    expect(fieldErrorsOf(() => readNamedCreate(SITE_MODEL, { name: '***' }))).toEqual([{ field: 'slug', message: 'cannot be made from the name: give one' }]);
  });

  it('takes a patch of any fields, and only known ones', () => {
    expect(readNamedPatch(SITE_MODEL, { status: 'retired' })).toEqual({ status: 'retired' });
    expect(fieldErrorsOf(() => readNamedPatch(SITE_MODEL, { name: '' }))).toEqual([{ field: 'name', message: 'must be a non-empty string' }]);
  });

  it('refuses what is not an object', () => {
    expect(() => readNamedCreate(SITE_MODEL, ['ams1'])).toThrow('A site must be given as an object of its fields');
  });
});

describe('device inputs', () => {
  it('fills in the defaults', () => {
    expect(readDeviceCreate({ name: 'edge-1', siteId: 's', roleId: 'r' })).toEqual({
      values: { name: 'edge-1', siteId: 's', roleId: 'r', platformId: null, status: 'active', primaryAddress: null, oobAddress: null, management: null, tags: [] },
      errors: [],
    });
  });

  it('names every bad field, nested ones by their path', () => {
    const { errors } = readDeviceCreate({ name: 'edge-1', roleId: 7, primaryAddress: '10.0.0.1', oobAddress: '10.1.0.1/33', management: { protocol: 'ssh', port: 70000 }, tags: 'core' });
    expect(errors).toEqual([
      { field: 'siteId', message: 'is required' },
      { field: 'roleId', message: 'must be the id of a device role' },
      { field: 'primaryAddress', message: 'must be an IP address with its prefix length, e.g. 192.0.2.10/24 or 2001:db8::10/64' },
      { field: 'oobAddress', message: 'has a prefix length over 32, the most for IPv4' },
      { field: 'management.port', message: 'must be a whole number from 1 to 65535' },
      { field: 'tags', message: 'must be a list of tag slugs' },
    ]);
  });

  it('lets a patch clear what may be empty, but not a required reference', () => {
    expect(readDevicePatch({ platformId: null, primaryAddress: null, oobAddress: null, management: null }).errors).toEqual([]);
    expect(readDevicePatch({ oobAddress: '2001:DB8::0010/64' }).values).toEqual({ oobAddress: '2001:db8::10/64' });
    expect(readDevicePatch({ siteId: null }).errors).toEqual([{ field: 'siteId', message: 'must be the id of a site' }]);
  });
});
