/** `text` as a literal inside an ILIKE pattern (`ESCAPE '\'`): `%` and `_` match only themselves. */
export function likePatternContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
