import type { SnmpCollectorType, SnmpWarning, SnmpWarningCode } from './collected';

/** Collects one collector's warnings; bad-value warnings are counted per column, not one per row. */
export class Warnings {
  readonly list: SnmpWarning[] = [];
  private readonly badValues = new Map<string, { count: number; example: string }>();

  constructor(readonly collector: SnmpCollectorType) {}

  add(code: SnmpWarningCode, message: string, oid?: string): void {
    this.list.push({ code, collector: this.collector, message, ...(oid ? { oid } : {}) });
  }

  badValue(column: string, example: string): void {
    const seen = this.badValues.get(column);
    if (seen) seen.count++;
    else this.badValues.set(column, { count: 1, example });
  }

  done(): SnmpWarning[] {
    for (const [column, { count, example }] of this.badValues) {
      this.add('BAD_VALUE', `${count} value(s) of ${column} could not be read, e.g. ${example}`, column);
    }
    this.badValues.clear();
    return this.list;
  }
}
