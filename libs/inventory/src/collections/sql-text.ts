const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are uuid columns: text that is no UUID cannot match one, and must never reach Postgres, whose cast error
 * would abort a session's whole transaction.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `text` as a literal inside an ILIKE pattern (`ESCAPE '\'`): `%` and `_` match only themselves. */
export function likePatternContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
