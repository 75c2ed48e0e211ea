export const MAX_SLUG_LENGTH = 100;

/** What a slug may hold: lower-case ASCII letters, digits, `-` and `_`. */
export const SLUG_PATTERN = /^[a-z0-9_-]+$/;

/**
 * The slug a name gets when none is given, as NetBox makes them: accents dropped (`Zürich` → `zurich`), lower
 * case, every run of other characters one `-`, no `-` at either end. Empty when the name has no letter or digit.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}
