import type { Device } from '@yardmaster/contracts';
import { planCollects } from './plan-devices';

function deviceWith(fields: Partial<Device>): Device {
  return {
    id: 'd-1', name: 'edge-01', siteId: 'site-a', roleId: 'role-switch', platformId: 'ios', status: 'active', primaryAddress: null, oobAddress: null, management: null, tags: ['core'],
    facts: { vendor: null, model: null, serial: null, osVersion: null, hostname: null, uptime: null, lastCollectedAt: null },
    createdAt: '', updatedAt: '', ...fields,
  };
}

describe('planCollects', () => {
  const device = deviceWith({});

  it('collects every device when the filter is empty or its kinds are', () => {
    expect(planCollects(device, {})).toBe(true);
    expect(planCollects(device, { sites: [], tags: [] })).toBe(true);
  });

  it('ORs the values of one kind', () => {
    expect(planCollects(device, { sites: ['site-b', 'site-a'] })).toBe(true);
    expect(planCollects(device, { sites: ['site-b', 'site-c'] })).toBe(false);
    expect(planCollects(device, { tags: ['edge', 'core'] })).toBe(true);
  });

  it('ANDs the kinds', () => {
    expect(planCollects(device, { sites: ['site-a'], roles: ['role-switch'], statuses: ['active'] })).toBe(true);
    expect(planCollects(device, { sites: ['site-a'], roles: ['role-router'] })).toBe(false);
    expect(planCollects(device, { sites: ['site-a'], platforms: ['junos'] })).toBe(false);
    expect(planCollects(deviceWith({ platformId: null }), { platforms: ['ios'] })).toBe(false);
    expect(planCollects(device, { devices: ['d-2'] })).toBe(false);
  });

  it('narrows by the run’s device ids, which never widen the filter', () => {
    expect(planCollects(device, {}, ['d-1', 'd-9'])).toBe(true);
    expect(planCollects(device, {}, ['d-9'])).toBe(false);
    expect(planCollects(device, { sites: ['site-b'] }, ['d-1'])).toBe(false);
    expect(planCollects(device, {}, null)).toBe(true);
  });
});
