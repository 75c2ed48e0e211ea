import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonObject } from '@yardmaster/contracts';

/** The form hints variable schemas carry: annotations, declared so that strict mode still catches typos. */
const FORM_HINTS = [
  'x-order',
  'x-widget',
  'x-sensitive',
  'x-choice-labels',
  'x-ip-version',
  'x-min-prefix-length',
  'x-max-prefix-length',
  'x-host-bits-zero',
  'x-model',
  'x-display-field',
  'x-query-filters',
  'x-null-option',
  'x-max-size-bytes',
];

// allErrors: a type translates several errors into the one message the checks always gave, in its own order.
// strictNumbers: NaN and Infinity are not numbers in JSON, and never were integers to `validateRunData`.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true });
addFormats(ajv);
ajv.addVocabulary(FORM_HINTS);

/** Schemas repeat (every run of a job checks the same variables): compile each once, within a bound. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 1000;

/** What `schema` finds wrong with `value`, as Ajv's error objects; none when it is valid. */
export function schemaErrors(schema: JsonObject, value: unknown): readonly ErrorObject[] {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []);
}

/** Whether Ajv reported `keyword` for the value itself (`atRoot`) or for something inside it. */
export function hasError(errors: readonly ErrorObject[], keyword: string, where: 'root' | 'inside' = 'root'): boolean {
  return errors.some((error) => error.keyword === keyword && (error.instancePath === '') === (where === 'root'));
}
