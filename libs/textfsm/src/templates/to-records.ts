import type { FieldValue } from '../engine/field-value';
import type { TextFsmTable } from '../engine/run-template';

/** A record as ntc-templates' `parse_output` returns it: lower-case Value names; '' for unset, a list for List values. */
export type TextFsmRecord = Record<string, FieldValue>;

export function toRecords(table: TextFsmTable): TextFsmRecord[] {
  const keys = table.header.map((name) => name.toLowerCase());
  return table.rows.map((row) => {
    const record: TextFsmRecord = {};
    keys.forEach((key, index) => (record[key] = row[index]));
    return record;
  });
}
