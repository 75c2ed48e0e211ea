import type { Device, PlanDeviceFilter } from '@yardmaster/contracts';

/**
 * Whether a plan collects a device: AND across the filter's kinds, OR within one; an empty or absent kind does not
 * filter. `deviceIds` (a re-run of the failed devices) narrows further; null or absent does not.
 */
export function planCollects(device: Device, filter: PlanDeviceFilter, deviceIds?: readonly string[] | null): boolean {
  if (deviceIds && !deviceIds.includes(device.id)) return false;
  return (
    anyOf(filter.devices, (id) => id === device.id) &&
    anyOf(filter.sites, (id) => id === device.siteId) &&
    anyOf(filter.roles, (id) => id === device.roleId) &&
    anyOf(filter.platforms, (id) => id === device.platformId) &&
    anyOf(filter.tags, (slug) => device.tags.includes(slug)) &&
    anyOf(filter.statuses, (status) => status === device.status)
  );
}

function anyOf(values: readonly string[] | undefined, matches: (value: string) => boolean): boolean {
  return !values || values.length === 0 || values.some(matches);
}
