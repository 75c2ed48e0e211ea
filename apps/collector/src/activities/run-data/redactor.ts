import { REDACTED, type JsonValue } from '@yardmaster/contracts';

/**
 * Masks a step's sensitive values wherever job code could echo them: log entries, the step's result and the
 * error it throws, all of which reach events, read models or workflow history. Longer values are masked first,
 * so a value containing another is masked whole.
 */
export class Redactor {
  static readonly none = new Redactor([]);

  private readonly secrets: readonly string[];

  /** Strings are masked as they are; numbers as their text; objects and arrays by each leaf value and as JSON. */
  constructor(values: readonly unknown[]) {
    const secrets = new Set<string>();
    for (const value of values) collectSecrets(value, secrets);
    this.secrets = [...secrets].sort((a, b) => b.length - a.length);
  }

  get isEmpty(): boolean {
    return this.secrets.length === 0;
  }

  text(text: string): string {
    let masked = text;
    for (const secret of this.secrets) if (masked.includes(secret)) masked = masked.split(secret).join(REDACTED);
    return masked;
  }

  json(value: JsonValue): JsonValue {
    if (this.isEmpty) return value;
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') return this.secrets.includes(String(value)) ? REDACTED : value;
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.text(key), this.json(item)]));
    }
    return value;
  }

  /**
   * A copy of an error to hand to Temporal, which records message, stack and causes in workflow history: the
   * same name, masked text, and its cause masked too. Nothing else of the original travels. With nothing to
   * hide, the error itself, so it keeps its class for anyone in this process who inspects it.
   */
  error(error: unknown, depth = 0): Error {
    const original = error instanceof Error ? error : new Error(String(error));
    if (this.isEmpty) return original;
    const copy = new Error(this.text(original.message));
    copy.name = original.name;
    copy.stack = original.stack === undefined ? undefined : this.text(original.stack);
    if (original.cause !== undefined && depth < 5) copy.cause = this.error(original.cause, depth + 1);
    return copy;
  }
}

function collectSecrets(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') into.add(value);
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    into.add(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into);
    if (value.length > 0) into.add(JSON.stringify(value));
  } else if (value !== null && typeof value === 'object') {
    // Keys are the value's shape (`password`, `token`), not its secret; masking them would mask ordinary words.
    for (const item of Object.values(value)) collectSecrets(item, into);
    if (Object.keys(value).length > 0) into.add(JSON.stringify(value));
  }
}
