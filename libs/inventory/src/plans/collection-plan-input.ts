import { collectionPlanBodySchema, ErrorCode, parseBody, YardError, type CollectionPlanBody, type FieldError, type PlanDeviceFilter } from '@yardmaster/contracts';
import type { EntityManager } from 'typeorm';

const REFUSAL = { invalid: 'The collection plan is invalid', unknownField: 'is not a field of a collection plan' };

/**
 * A create or a replace (`current` null) reads the body as a whole plan, defaults filled in; a patch reads its
 * fields over the plan as it is, so the result is checked as a whole plan too.
 */
export function readCollectionPlanBody(input: unknown, current: CollectionPlanBody | null): CollectionPlanBody {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new YardError(ErrorCode.MalformedRequest, 'The request body must be a JSON object describing the collection plan');
  }
  return parseBody(collectionPlanBodySchema, current === null ? input : { ...current, ...input }, REFUSAL);
}

/** Where each kind of filter looks its values up: the table and the column that holds them. */
const FILTER_LOOKUPS: ReadonlyArray<{ readonly kind: keyof PlanDeviceFilter; readonly table: string; readonly column: string; readonly noun: string }> = [
  { kind: 'devices', table: 'inventory_devices', column: 'id::text', noun: 'device id' },
  { kind: 'sites', table: 'inventory_sites', column: 'id::text', noun: 'site id' },
  { kind: 'roles', table: 'inventory_device_roles', column: 'id::text', noun: 'role id' },
  { kind: 'platforms', table: 'inventory_platforms', column: 'id::text', noun: 'platform id' },
  { kind: 'tags', table: 'inventory_tags', column: 'slug', noun: 'tag slug' },
];

/**
 * What the plan names that the inventory does not hold: its credential set (by exact name, as a device's
 * `management.credentialsRef`) and each id or slug of its filter, one field error per kind naming the unknown ones.
 * Statuses are free text, as a device's are. Only what the write adds to `current` is looked up: a device deleted
 * since the plan named it does not keep the plan's other fields from changing.
 */
export async function unknownReferences(manager: EntityManager, body: CollectionPlanBody, current: CollectionPlanBody | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (body.credentialsRef !== null && body.credentialsRef !== current?.credentialsRef) {
    const sets: unknown[] = await manager.query(`SELECT 1 FROM inventory_credential_sets WHERE name = $1`, [body.credentialsRef]);
    if (sets.length === 0) errors.push({ field: 'credentialsRef', message: 'no credential set has this name (names match exactly, case included)' });
  }
  for (const { kind, table, column, noun } of FILTER_LOOKUPS) {
    const before = new Set(current?.filter[kind] ?? []);
    const wanted = [...new Set(body.filter[kind] ?? [])].filter((value) => !before.has(value));
    if (wanted.length === 0) continue;
    const rows: Array<{ value: string }> = await manager.query(`SELECT ${column} AS value FROM ${table} WHERE ${column} = ANY($1::text[])`, [wanted]);
    const found = new Set(rows.map((row) => row.value));
    const unknown = wanted.filter((value) => !found.has(value));
    if (unknown.length > 0) errors.push({ field: `filter.${kind}`, message: `no ${noun} ${unknown.map((value) => JSON.stringify(value)).join(', ')} in the inventory` });
  }
  return errors;
}
