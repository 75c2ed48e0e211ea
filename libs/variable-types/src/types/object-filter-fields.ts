import type { InventoryModel } from '@yardmaster/contracts';

/** The filter fields of each model (`InventoryFilterOf`) an object variable's `queryFilters` may use. */
export const OBJECT_FILTER_FIELDS: Readonly<Record<InventoryModel, readonly string[]>> = {
  site: ['q', 'name', 'slug', 'status'],
  device_role: ['q', 'name', 'slug'],
  platform: ['q', 'name', 'slug'],
  tag: ['q', 'name', 'slug'],
  device: ['q', 'name', 'site', 'role', 'platform', 'status', 'tag', 'hasPrimaryAddress'],
};
