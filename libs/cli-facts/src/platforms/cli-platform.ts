import type { CliCollected, CliCollectorType, CliDeviceFacts, CliRecordTypes, CliWarning, ParsedRecord } from '../collected-facts';

/** How one collector type is read on one platform: the commands, and the mapping of their parsed records. */
export interface CliCollector<T extends CliCollectorType> {
  /** `show` commands in full (templates are found by platform and command); run once each per device session. */
  readonly commands: readonly string[];
  /** The facts from each command's records, given in the order of `commands`. */
  readonly map: (parsed: readonly (readonly ParsedRecord[])[]) => CliCollected<CliRecordTypes[T]>;
}

/** A platform (the `networkDriver` of netmiko and ntc-templates) and how each collector type is read on it. */
export interface CliPlatform {
  readonly driver: string;
  readonly vendor: string;
  readonly collectors: { readonly [T in CliCollectorType]: CliCollector<T> };
}

/** A record's text value; '' when missing or not text (a List value's first entry is `list(...)[0]`). */
export function text(record: ParsedRecord, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** A record's List value; a text value becomes a one-entry list, a missing or empty one an empty list. */
export function list(record: ParsedRecord, key: string): string[] {
  const value = record[key];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map((entry) => entry.trim());
  return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
}

/** Collects records and warnings for one collector type. */
export class Findings<T> {
  readonly records: T[] = [];
  readonly warnings: CliWarning[] = [];

  constructor(private readonly collector: CliCollectorType) {}

  add(record: T): void {
    this.records.push(record);
  }

  warn(message: string): void {
    this.warnings.push({ code: 'BAD_VALUE', collector: this.collector, message });
  }

  done(): CliCollected<T> {
    return { records: this.records, warnings: this.warnings };
  }
}

/** The facts of the first record of a device's `show version` (it prints one), or none when it printed nothing. */
export function factsOfFirst(records: readonly ParsedRecord[], facts: (record: ParsedRecord) => CliDeviceFacts): CliCollected<CliDeviceFacts> {
  const found = new Findings<CliDeviceFacts>('facts');
  const record = records[0];
  if (record) found.add(facts(record));
  return found.done();
}

/** Names made unique in order of appearance (`PIC 0`, `PIC 0 (2)`): a report keys inventory items by name. */
export function uniqueNames<T extends { name: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, count);
    return count === 1 ? item : { ...item, name: `${item.name} (${count})` };
  });
}
