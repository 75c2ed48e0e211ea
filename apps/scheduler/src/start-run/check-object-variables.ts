import type { FieldError, InventoryModel, JsonObject, NamedVariableDefinition, ObjectQueryFilters } from '@yardmaster/contracts';
import type { InventoryStore } from '@yardmaster/inventory';
import { COLLECTION_OF_MODEL, referencedVariableOf } from '@yardmaster/job-sdk';

/**
 * Object variables name records by id: each must exist now and, when the variable has query filters, match
 * them, with `$name` replaced by that variable's value in the same request. One field error per variable.
 */
export async function checkObjectVariables(store: InventoryStore, variables: readonly NamedVariableDefinition[], data: JsonObject): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const variable of variables) {
    if (variable.type !== 'object' && variable.type !== 'multi_object') continue;
    const value = data[variable.name];
    if (value === undefined || value === null) continue;
    const ids = variable.type === 'object' ? [value as string] : (value as string[]);
    const field = `data.${variable.name}`;
    const { missing } = await store.findExisting(variable.model, ids);
    if (missing.length > 0) {
      errors.push({ field, message: `no ${nameOf(variable.model)} has the id ${missing.join(', ')}` });
      continue;
    }
    if (!variable.queryFilters) continue;
    const filter = resolvedFilter(variable.queryFilters, data);
    const collection = store.collections[COLLECTION_OF_MODEL[variable.model]];
    const page = await collection.find({ ...filter, id: ids } as never, { limit: ids.length });
    const matching = new Set(page.items.map((record) => record.id));
    const outside = ids.filter((id) => !matching.has(id));
    if (outside.length > 0) {
      errors.push({ field, message: `must be a ${nameOf(variable.model)} matching ${describeFilter(filter)}; ${outside.join(', ')} does not` });
    }
  }
  return errors;
}

/** `$name` becomes the request's value of `name`; a filter on a variable left empty is dropped, as a form would. */
export function resolvedFilter(filters: ObjectQueryFilters, data: JsonObject): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const referenced = referencedVariableOf(value);
    if (referenced === null) resolved[key] = value;
    else if (data[referenced] !== undefined && data[referenced] !== null) resolved[key] = data[referenced];
  }
  return resolved;
}

function describeFilter(filter: Record<string, unknown>): string {
  return Object.entries(filter)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(', ');
}

function nameOf(model: InventoryModel): string {
  return model.replace('_', ' ');
}
