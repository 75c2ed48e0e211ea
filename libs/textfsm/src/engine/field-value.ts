/** A List value whose regex has named groups gives one of these per match. */
export type NestedMatch = Readonly<Record<string, string | null>>;

/** A record's field: a string ('' when unset), or a List value's items. */
export type FieldValue = string | readonly (string | NestedMatch | null)[];

/** What a Value holds while a record is built: null is Python's None. */
export type HeldValue = string | null | (string | NestedMatch | null)[];

/** Python's truth value of a held value: None, '' and [] are false. */
export function isSet(value: HeldValue | FieldValue): boolean {
  return value !== null && value.length > 0;
}
