/** One problem a rule found; `path` names a part of a structured value, e.g. `port` in `management`. */
export interface RuleProblem {
  readonly path?: string;
  readonly message: string;
}

export type RuleResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly RuleProblem[] };

/** Checks one field's value and gives it in its stored form (trimmed, lower-cased, canonical). */
export type FieldRule<T> = (value: unknown) => RuleResult<T>;

export function accept<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function reject(message: string): RuleResult<never> {
  return { ok: false, problems: [{ message }] };
}

/** `rule`, with null accepted as "none". */
export function nullable<T>(rule: FieldRule<T>): FieldRule<T | null> {
  return (value) => (value === null ? accept(null) : rule(value));
}
