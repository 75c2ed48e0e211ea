import { INVENTORY_MODELS, isInventoryModel, UUID_PATTERN, type InventoryModel, type JsonObject, type MultiObjectVariableDefinition, type ObjectQueryFilters, type ObjectVariableDefinition } from '@yardmaster/contracts';
import { OBJECT_FILTER_FIELDS } from './object-filter-fields';
import type { VariableOptions } from '../variable-type';

/** What object and multi-object variables share: the model, what a form shows, how it filters. */
export function objectOptions(builder: string, options: VariableOptions) {
  const model = options.model;
  if (!isInventoryModel(model)) throw new Error(`${builder}: model must be one of ${INVENTORY_MODELS.join(', ')}, got ${JSON.stringify(model)}`);
  const displayField = (options.displayField as string | undefined) ?? 'name';
  if (!DISPLAY_FIELDS[model].includes(displayField)) {
    throw new Error(`${builder}: displayField of a ${model} must be one of ${DISPLAY_FIELDS[model].join(', ')}, got ${JSON.stringify(displayField)}`);
  }
  const required = options.required ?? options.default === undefined;
  if (options.nullOption !== undefined && required) throw new Error(`${builder}: nullOption is only for a variable declared required: false`);
  return {
    model,
    displayField,
    ...(options.queryFilters === undefined ? {} : { queryFilters: checkedQueryFilters(builder, model, options.queryFilters as ObjectQueryFilters) }),
    ...(options.nullOption === undefined ? {} : { nullOption: options.nullOption as string }),
  };
}

/** Fields a form may show for a record: text fields every record of the model has. */
const DISPLAY_FIELDS: Readonly<Record<InventoryModel, readonly string[]>> = {
  site: ['name', 'slug', 'description'],
  device_role: ['name', 'slug', 'description'],
  platform: ['name', 'slug', 'networkDriver', 'description'],
  tag: ['name', 'slug', 'description'],
  device: ['name', 'primaryAddress', 'oobAddress', 'status'],
  interface: ['name', 'description', 'macAddress'],
  ip_address: ['address', 'dnsName', 'vrf'],
  ip_neighbour: ['ip', 'mac'],
  mac_entry: ['mac'],
  lldp_neighbour: ['remoteSystemName', 'remotePort', 'remoteChassisId'],
  inventory_item: ['name', 'serial', 'partId'],
};

function checkedQueryFilters(builder: string, model: InventoryModel, filters: ObjectQueryFilters): ObjectQueryFilters {
  const known = OBJECT_FILTER_FIELDS[model];
  for (const field of Object.keys(filters)) {
    if (!known.includes(field)) throw new Error(`${builder}: queryFilters of a ${model} may use ${known.join(', ')}, not ${JSON.stringify(field)}`);
  }
  return filters;
}

/** What a form needs to offer an object variable's choices: where to list them, what to show, how to filter. */
export function objectHints(definition: ObjectVariableDefinition | MultiObjectVariableDefinition): JsonObject {
  return {
    'x-widget': definition.type === 'object' ? 'object' : 'multi-object',
    'x-model': definition.model,
    'x-display-field': definition.displayField,
    ...(definition.queryFilters ? { 'x-query-filters': definition.queryFilters as JsonObject } : {}),
    ...(definition.nullOption === undefined ? {} : { 'x-null-option': definition.nullOption }),
  };
}

/** A record id, any case; run data holds it in lower case. */
export const UUID_SCHEMA: JsonObject = { type: 'string', format: 'uuid', pattern: UUID_PATTERN };

export function modelName(model: InventoryModel): string {
  return model.replace('_', ' ');
}
