import { ErrorCode, YardError } from '@yardmaster/contracts';
import { readInventoryQuery } from './inventory-query';
import { INVENTORY_RESOURCES } from './inventory-resources';

const DEVICE_FILTERS = INVENTORY_RESOURCES.find((resource) => resource.model === 'device')!.filters;
const SITE_FILTERS = INVENTORY_RESOURCES.find((resource) => resource.model === 'site')!.filters;

function fieldErrorsOf(query: Record<string, unknown>, filters = DEVICE_FILTERS, plural = 'devices'): unknown {
  try {
    readInventoryQuery(filters, query, plural);
  } catch (error) {
    if (error instanceof YardError && error.code === ErrorCode.ValidationFailed) return error.fieldErrors;
    throw error;
  }
  throw new Error('no validation error');
}

describe('readInventoryQuery', () => {
  it('turns query parameters into a filter and a page', () => {
    expect(readInventoryQuery(DEVICE_FILTERS, { site: 'ams1', tag: ['core,edge', 'lab'], id: 'a, b', has_primary_address: 'false', limit: '1000', offset: '20' }, 'devices')).toEqual({
      filter: { site: 'ams1', tag: ['core', 'edge', 'lab'], id: ['a', 'b'], hasPrimaryAddress: false },
      page: { limit: 1000, offset: 20 },
    });
    expect(readInventoryQuery(SITE_FILTERS, {}, 'sites')).toEqual({ filter: {}, page: { limit: 50, offset: 0 } });
  });

  it('refuses __proto__, constructor and toString like any unknown parameter', () => {
    expect(fieldErrorsOf(JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>)).toEqual([
      { field: '__proto__', message: 'is not a filter of devices' },
      { field: 'constructor', message: 'is not a filter of devices' },
      { field: 'toString', message: 'is not a filter of devices' },
    ]);
  });

  it('names every bad parameter', () => {
    expect(fieldErrorsOf({ colour: 'red', status: 'broken', has_primary_address: 'yes', site: ['a', 'b'], limit: '1001' })).toEqual([
      { field: 'colour', message: 'is not a filter of devices' },
      { field: 'site', message: 'may be given once' },
      { field: 'status', message: 'must be one of planned, staged, active, offline, failed, inventory, decommissioning' },
      { field: 'has_primary_address', message: 'must be true or false' },
      { field: 'limit', message: 'must be a whole number from 1 to 1000' },
    ]);
    expect(fieldErrorsOf({ tag: 'core' }, SITE_FILTERS, 'sites')).toEqual([{ field: 'tag', message: 'is not a filter of sites' }]);
  });
});
