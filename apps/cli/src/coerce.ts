import type { FieldError, JsonObject, JsonValue, NamedVariableDefinition } from '@yardmaster/contracts';
import { readFileSync } from 'node:fs';
import { messageOf, UsageError } from './errors';

/** `name=value` from `--data`; the value may contain `=`; an empty value is allowed (the variable's default then applies). */
export function parseAssignment(text: string): { name: string; raw: string } {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`run: --data takes name=value, not ${JSON.stringify(text)}`, [], 'run');
  }
  return { name: text.slice(0, equals).trim(), raw: text.slice(equals + 1) };
}

const TRUE_WORDS = ['true', 'yes', 'y', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'n', 'off', '0'];

/**
 * What JSON a variable's value is: by its declared type, else by its JSON Schema property (for variable types this
 * CLI does not know yet). `list` is an array of strings: a JSON array, or comma-separated text.
 */
export type ValueKind = 'integer' | 'number' | 'boolean' | 'string' | 'list' | 'json' | 'unknown';

/** Declared types, by name, so that the CLI keeps working as the variable set grows. */
const KIND_BY_TYPE: Readonly<Record<string, ValueKind>> = {
  integer: 'integer',
  boolean: 'boolean',
  string: 'string',
  text: 'string',
  choice: 'string',
  ip_address: 'string',
  ip_address_with_mask: 'string',
  ip_network: 'string',
  multi_choice: 'list',
  json: 'json',
  // Inventory records by id: one, or a JSON array or comma-separated list.
  object: 'string',
  multi_object: 'list',
};

export function kindOfVariable(name: string, variables: readonly NamedVariableDefinition[], schema: JsonObject | undefined): ValueKind {
  const variable = variables.find((candidate) => candidate.name === name);
  const declared: string | undefined = variable?.type;
  if (declared !== undefined && Object.hasOwn(KIND_BY_TYPE, declared)) return KIND_BY_TYPE[declared];
  const property = objectAt(objectAt(schema, 'properties'), name);
  const schemaType = property?.type;
  const types = Array.isArray(schemaType) ? schemaType : [schemaType];
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return 'json';
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('string')) return 'string';
  return 'unknown';
}

function objectAt(value: JsonObject | undefined, key: string): JsonObject | undefined {
  const found = value?.[key];
  return found && typeof found === 'object' && !Array.isArray(found) ? found : undefined;
}

/**
 * Turns the text given on the command line into the JSON value its variable takes: integer → number,
 * boolean → true/false (also yes/no, on/off, 1/0), a list → a JSON array or comma-separated values, JSON →
 * parsed (text that is not JSON stays text, unless it opens like JSON), the rest as text. A variable the job
 * does not have is sent as text, or as JSON when it reads as an object or array, for the API to judge.
 */
export function coerceValue(raw: string, kind: ValueKind): { ok: true; value: JsonValue } | { ok: false; message: string } {
  const text = raw.trim();
  // Nothing given: the API treats an empty value as absent and fills in the variable's default.
  if (text === '') return { ok: true, value: '' };
  switch (kind) {
    case 'integer': {
      const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, message: `must be a whole number, not ${JSON.stringify(raw)}` };
    }
    case 'number': {
      const value = Number(text);
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `must be a number, not ${JSON.stringify(raw)}` };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
      if (FALSE_WORDS.includes(word)) return { ok: true, value: false };
      return { ok: false, message: `must be true or false, not ${JSON.stringify(raw)}` };
    }
    case 'list': {
      if (!text.startsWith('[')) return { ok: true, value: text.split(',').map((item) => item.trim()).filter((item) => item !== '') };
      const parsed = parseJson(text);
      return parsed.ok && Array.isArray(parsed.value)
        ? parsed
        : { ok: false, message: `must be a JSON array or comma-separated values, not ${JSON.stringify(raw)}` };
    }
    case 'json': {
      const parsed = parseJson(text);
      if (parsed.ok) return parsed;
      // `--data note=hello` means the text "hello"; `{"a":` is a mistake.
      if (/^[[{"]/.test(text)) return { ok: false, message: `must be JSON, e.g. {"key":"value"} or [1,2], not ${JSON.stringify(raw)}` };
      return { ok: true, value: raw };
    }
    case 'unknown':
      if (/^[[{]/.test(text)) {
        const parsed = parseJson(text);
        if (parsed.ok) return parsed;
      }
      return { ok: true, value: raw };
    case 'string':
      return { ok: true, value: raw };
  }
}

function parseJson(text: string): { ok: true; value: JsonValue } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
}

/**
 * The run's data: the `--data-file` object, with every `--data name=value` over it, each value coerced by the
 * job's variables. Every value that does not fit is reported at once, as the API reports its field errors.
 */
export function buildRunData(
  fileData: JsonObject,
  assignments: readonly string[],
  job: { readonly variables: readonly NamedVariableDefinition[]; readonly schema?: JsonObject } | null,
): JsonObject {
  const data: JsonObject = { ...fileData };
  const errors: FieldError[] = [];
  for (const assignment of assignments) {
    const { name, raw } = parseAssignment(assignment);
    const result = coerceValue(raw, job ? kindOfVariable(name, job.variables, job.schema) : 'unknown');
    if (result.ok) data[name] = result.value;
    else errors.push({ field: `data.${name}`, message: result.message });
  }
  if (errors.length > 0) {
    throw new UsageError(
      'run: a --data value does not fit its variable',
      errors.map((error) => `${error.field}: ${error.message}`),
      'run',
    );
  }
  return data;
}

/** The JSON object in `--data-file`; a usage error when the file cannot be read or holds anything else. */
export function readDataFile(path: string, read: (path: string) => string = (file) => readFileSync(file, 'utf8')): JsonObject {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`run: cannot read --data-file ${JSON.stringify(path)}${typeof code === 'string' ? ` (${code})` : ''}`, [], 'run');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`run: --data-file ${JSON.stringify(path)} is not JSON: ${messageOf(error)}`, [], 'run');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`run: --data-file ${JSON.stringify(path)} must hold a JSON object of variable values, e.g. {"name":"yard"}`, [], 'run');
  }
  return parsed as JsonObject;
}
