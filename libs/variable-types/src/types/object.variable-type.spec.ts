import { multiObjectVariableType } from './multi-object.variable-type';
import { objectVariableType } from './object.variable-type';

const ID = '0B0E7D4C-1111-4A2B-8C3D-123456789ABC';

describe('object and multi-object variable types', () => {
  const device = objectVariableType.define('objectVar', { model: 'device' });
  const roles = multiObjectVariableType.define('multiObjectVar', { model: 'device_role', required: false, nullOption: 'Any' });

  it('takes an id in any case and keeps it in lower case', () => {
    expect(objectVariableType.check(device, ID)).toEqual({ ok: true, value: ID.toLowerCase() });
    expect(multiObjectVariableType.check(roles, [ID])).toEqual({ ok: true, value: [ID.toLowerCase()] });
  });

  it.each([['not-a-uuid'], [`urn:uuid:${ID}`], [7]])('refuses %p as an id', (value) => {
    expect(objectVariableType.check(device, value)).toEqual({ ok: false, message: 'must be the id (a UUID) of a device' });
    expect(multiObjectVariableType.check(roles, [value])).toEqual({ ok: false, message: 'must be an array of ids (UUIDs) of device role records' });
  });

  it('refuses an id listed twice, even in another case', () => {
    expect(multiObjectVariableType.check(roles, [ID, ID.toLowerCase()])).toEqual({ ok: false, message: `must not list an id twice: ${ID.toLowerCase()}` });
  });

  it.each([
    [{ model: 'rack' }, 'objectVar: model must be one of site, device_role, platform, tag, device, interface, ip_address, ip_neighbour, mac_entry, lldp_neighbour, inventory_item, got "rack"'],
    [{ model: 'site', displayField: 'status' }, 'objectVar: displayField of a site must be one of name, slug, description, got "status"'],
    [{ model: 'site', nullOption: 'None' }, 'objectVar: nullOption is only for a variable declared required: false'],
    [{ model: 'tag', queryFilters: { site: '$site' } }, 'objectVar: queryFilters of a tag may use q, name, slug, not "site"'],
  ])('refuses the options %p', (options, message) => {
    expect(() => objectVariableType.define('objectVar', options)).toThrow(message);
  });

  it('gives a form what it needs to offer the records', () => {
    expect(multiObjectVariableType.jsonSchema(roles, false)).toEqual({
      type: 'array',
      items: { type: 'string', format: 'uuid', pattern: expect.any(String) },
      uniqueItems: true,
      'x-widget': 'multi-object',
      'x-model': 'device_role',
      'x-display-field': 'name',
      'x-null-option': 'Any',
    });
  });

  it('counts [] as not given for several records only; reads --data as an id or a list', () => {
    expect(multiObjectVariableType.isAlsoEmpty?.([])).toBe(true);
    expect(objectVariableType.isAlsoEmpty).toBeUndefined();
    expect([objectVariableType.cliValueKind, multiObjectVariableType.cliValueKind]).toEqual(['string', 'list']);
  });
});
