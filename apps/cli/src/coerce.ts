import type { FieldError, JsonObject, NamedVariableDefinition } from '@yardmaster/contracts';
import { cliValueKindOfType, coerceCliValue, type CliValueCoercion, type CliValueKind } from '@yardmaster/variable-types';
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

/** What JSON a `--data` value becomes; each variable type's module declares its own (`cliValueKind`). */
export type ValueKind = CliValueKind;

export function kindOfVariable(name: string, variables: readonly NamedVariableDefinition[], schema: JsonObject | undefined): ValueKind {
  const variable = variables.find((candidate) => candidate.name === name);
  // By name: a server newer than this CLI may declare a type its contracts do not know.
  const declared = variable === undefined ? undefined : cliValueKindOfType(variable.type);
  if (declared !== undefined) return declared;
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

/** The text given on the command line as the JSON value its kind of variable takes (see `coerceCliValue`). */
export function coerceValue(raw: string, kind: ValueKind): CliValueCoercion {
  return coerceCliValue(raw, kind);
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
