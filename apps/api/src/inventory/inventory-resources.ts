import { DEVICE_STATUSES, MANAGEMENT_PROTOCOLS, SITE_STATUSES, type InventoryModel } from '@yardmaster/contracts';
import type { InventoryStore } from '@yardmaster/inventory';
import type { InventoryCollection } from '@yardmaster/job-sdk';
import { COLLECTED_RESOURCES } from './collected-resources';
import type { InventoryResource } from './inventory-resource';
import type { FilterParam } from './inventory-query';

type JsonSchema = Record<string, unknown>;

const NAMED_FILTERS: readonly FilterParam[] = [
  { param: 'q', field: 'q', kind: 'text', description: 'Part of the name or slug, any case' },
  { param: 'name', field: 'name', kind: 'text', description: 'The exact name' },
  { param: 'slug', field: 'slug', kind: 'text', description: 'The exact slug' },
  { param: 'id', field: 'id', kind: 'list', description: 'Ids, comma-separated or repeated' },
];

const NAMED_FIELDS = {
  name: { type: 'string', maxLength: 100, example: 'Amsterdam 1' },
  slug: { type: 'string', pattern: '^[a-z0-9_-]+$', description: 'Made from the name when left out', example: 'amsterdam-1' },
  description: { type: 'string', maxLength: 200 },
};

const COLOR = { type: 'string', pattern: '^[0-9a-fA-F]{6}$', default: '9e9e9e' };

function namedInput(own: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', required: ['name'], additionalProperties: false, properties: { ...NAMED_FIELDS, ...own } };
}

export const INVENTORY_RESOURCES: readonly InventoryResource[] = [
  {
    model: 'site',
    path: 'sites',
    collection: 'sites',
    typeName: 'Site',
    noun: 'site',
    plural: 'sites',
    conflict: 'the name or slug is taken',
    filters: [...NAMED_FILTERS, { param: 'status', field: 'status', kind: { oneOf: SITE_STATUSES }, description: 'The status' }],
    inputSchema: namedInput({ status: { type: 'string', enum: SITE_STATUSES, default: 'active' } }),
  },
  {
    model: 'device_role',
    path: 'device-roles',
    collection: 'deviceRoles',
    typeName: 'DeviceRole',
    noun: 'device role',
    plural: 'device roles',
    conflict: 'the name or slug is taken',
    filters: NAMED_FILTERS,
    inputSchema: namedInput({ color: COLOR }),
  },
  {
    model: 'platform',
    path: 'platforms',
    collection: 'platforms',
    typeName: 'Platform',
    noun: 'platform',
    plural: 'platforms',
    conflict: 'the name or slug is taken',
    filters: NAMED_FILTERS,
    inputSchema: namedInput({ networkDriver: { type: 'string', pattern: '^[a-z0-9_]*$', example: 'cisco_ios', default: '' } }),
  },
  {
    model: 'tag',
    path: 'tags',
    collection: 'tags',
    typeName: 'Tag',
    noun: 'tag',
    plural: 'tags',
    conflict: 'the name or slug is taken',
    filters: NAMED_FILTERS,
    inputSchema: namedInput({ color: COLOR }),
  },
  {
    model: 'device',
    path: 'devices',
    collection: 'devices',
    typeName: 'Device',
    noun: 'device',
    plural: 'devices',
    conflict: 'the site has a device of this name',
    filters: [
      { param: 'q', field: 'q', kind: 'text', description: 'Part of the name, any case' },
      { param: 'name', field: 'name', kind: 'text', description: 'The exact name' },
      { param: 'id', field: 'id', kind: 'list', description: 'Ids, comma-separated or repeated' },
      { param: 'site', field: 'site', kind: 'text', description: "The site's id or slug" },
      { param: 'role', field: 'role', kind: 'text', description: "The device role's id or slug" },
      { param: 'platform', field: 'platform', kind: 'text', description: "The platform's id or slug" },
      { param: 'status', field: 'status', kind: { oneOf: DEVICE_STATUSES }, description: 'The status' },
      { param: 'tag', field: 'tag', kind: 'list', description: 'Tag slugs, comma-separated or repeated: devices with all of them' },
      { param: 'has_primary_address', field: 'hasPrimaryAddress', kind: 'boolean', description: 'true or false' },
      { param: 'has_oob_address', field: 'hasOobAddress', kind: 'boolean', description: 'true or false: whether the device has an out-of-band address' },
    ],
    inputSchema: {
      type: 'object',
      required: ['name', 'siteId', 'roleId'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: 100, example: 'edge-ams1-01' },
        siteId: { type: 'string', format: 'uuid' },
        roleId: { type: 'string', format: 'uuid' },
        platformId: { type: 'string', format: 'uuid', nullable: true },
        status: { type: 'string', enum: DEVICE_STATUSES, default: 'active' },
        primaryAddress: { type: 'string', nullable: true, example: '192.0.2.10/24', description: 'An IPv4 or IPv6 address with its prefix length' },
        oobAddress: {
          type: 'string',
          nullable: true,
          example: '198.51.100.10/24',
          description: "The out-of-band management address, as primaryAddress; a collection plan's connectionTarget picks which one its runs dial",
        },
        management: {
          type: 'object',
          nullable: true,
          required: ['protocol'],
          properties: {
            protocol: { type: 'string', enum: MANAGEMENT_PROTOCOLS },
            port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Defaults by protocol: ssh 22, netconf 830, snmp 161, https 443, telnet 23' },
            credentialsRef: { type: 'string', nullable: true, description: "The name of a credential set in the collector's secret store" },
          },
        },
        tags: { type: 'array', items: { type: 'string' }, description: 'Slugs of existing tags' },
      },
    },
  },
  ...COLLECTED_RESOURCES,
];

/** The store's collection of a resource's model, typed loosely: the resource table pairs models and paths. */
export function collectionOf(store: InventoryStore, resource: InventoryResource): InventoryCollection<InventoryModel> {
  return store.collections[resource.collection] as unknown as InventoryCollection<InventoryModel>;
}
