import type { FieldValue, NestedMatch } from '../engine/field-value';
import type { TextFsmTable } from '../engine/run-template';

/**
 * clitable stores each record in a TextTable row, which turns every item of a List value into Python's `str()` of
 * it: None becomes 'None' and a nested-group record its dict text (`{'name': 'Bob', 'age': '32'}`). ntc-templates'
 * `parse_output` returns those strings, so the index path does the same.
 */
export function asTextTable(table: TextFsmTable): TextFsmTable {
  return { header: table.header, rows: table.rows.map((row) => row.map(toTextTableField)) };
}

function toTextTableField(value: FieldValue): FieldValue {
  return typeof value === 'string' ? value : value.map(pythonStr);
}

function pythonStr(item: string | NestedMatch | null): string {
  if (item === null) return 'None';
  if (typeof item === 'string') return item;
  return `{${Object.entries(item).map(([key, value]) => `${pythonRepr(key)}: ${value === null ? 'None' : pythonRepr(value)}`).join(', ')}}`;
}

/** Python's `repr()` of a str: single quotes unless the text has one and no double quote. */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${quote}${out}${quote}`;
}
