/**
 * A UUID's text form, either case, as a JSON Schema `pattern` (which has no flags, hence both cases spelt out).
 * Run ids and inventory ids are UUIDs.
 */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID = new RegExp(UUID_PATTERN);

/**
 * Checked before an id reaches Postgres or NATS: text that is no UUID names no record, and in a uuid column
 * its cast error would abort the session's whole transaction.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
