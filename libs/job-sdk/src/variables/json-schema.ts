import type {
  IpVersion,
  JsonObject,
  JsonValue,
  MultiObjectVariableDefinition,
  NamedVariableDefinition,
  ObjectVariableDefinition,
  VariableDefinition,
} from '@yardmaster/contracts';
import { UUID_PATTERN } from '@yardmaster/contracts';
import { IPV4_PATTERN, IPV6_PATTERN, maxPrefixLengthOf, prefixPattern } from './ip-address';

/**
 * The JSON Schema (draft 2020-12) of a job's run data, with `x-order` so a form keeps the field order.
 *
 * It asserts what `validateRunData` checks, with two differences a standard validator cannot express:
 * - `validateRunData` also takes `null`, `""` and (multi-choice) `[]` as "not given"; the schema wants such a
 *   field left out. A required variable without a default refuses its empty value in the schema too.
 * - an IP network's host bits must be zero: the schema says so only as the annotation `x-host-bits-zero`.
 * `format: ipv4`/`ipv6` is only an annotation in 2020-12 unless a validator asserts formats, so IP fields carry
 * a `pattern` as well. `x-*` keywords are annotations for forms; a sensitive variable is `writeOnly` and `x-sensitive`.
 */
export function variablesToJsonSchema(variables: readonly NamedVariableDefinition[]): JsonObject {
  const properties: JsonObject = {};
  variables.forEach((variable, index) => {
    properties[variable.name] = {
      ...propertySchema(variable),
      title: variable.label || variable.name,
      ...(variable.description ? { description: variable.description } : {}),
      ...(variable.default === undefined ? {} : { default: variable.default as JsonValue }),
      // writeOnly: a client sends it and never gets it back; x-sensitive tells a form to mask it.
      ...(variable.sensitive === true ? { writeOnly: true, 'x-sensitive': true } : {}),
      'x-order': index,
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    properties,
    required: variables.filter(mustBeGiven).map((variable) => variable.name),
  };
}

function mustBeGiven(variable: VariableDefinition): boolean {
  return variable.required && variable.default === undefined;
}

function propertySchema(variable: VariableDefinition): JsonObject {
  switch (variable.type) {
    case 'string':
    case 'text': {
      // "" counts as not given, so a variable that must be given needs at least one character.
      const minLength = Math.max(variable.minLength ?? 0, mustBeGiven(variable) ? 1 : 0);
      return {
        type: 'string',
        ...(minLength === 0 ? {} : { minLength }),
        ...(variable.maxLength === undefined ? {} : { maxLength: variable.maxLength }),
        ...(variable.regex === undefined ? {} : { pattern: `^(?:${variable.regex})$` }),
        ...(variable.type === 'text' ? { 'x-widget': 'textarea' } : {}),
      };
    }
    case 'integer':
      return {
        type: 'integer',
        ...(variable.minValue === undefined ? {} : { minimum: variable.minValue }),
        ...(variable.maxValue === undefined ? {} : { maximum: variable.maxValue }),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'choice':
      return {
        type: 'string',
        enum: variable.choices.map(([value]) => value),
        'x-choice-labels': Object.fromEntries(variable.choices.map(([value, label]) => [value, label])),
      };
    case 'multi_choice': {
      // [] counts as not given, so a variable that must be given needs at least one selection.
      const minItems = Math.max(variable.minSelections ?? 0, mustBeGiven(variable) ? 1 : 0);
      return {
        type: 'array',
        items: { type: 'string', enum: variable.choices.map(([value]) => value) },
        uniqueItems: true,
        ...(minItems === 0 ? {} : { minItems }),
        ...(variable.maxSelections === undefined ? {} : { maxItems: variable.maxSelections }),
        'x-choice-labels': Object.fromEntries(variable.choices.map(([value, label]) => [value, label])),
      };
    }
    case 'ip_address': {
      const ipv4 = { format: 'ipv4', pattern: `^${IPV4_PATTERN}$` };
      const ipv6 = { format: 'ipv6', pattern: `^${IPV6_PATTERN}$` };
      if (variable.version === 4) return { type: 'string', ...ipv4 };
      if (variable.version === 6) return { type: 'string', ...ipv6 };
      return { type: 'string', anyOf: [ipv4, ipv6] };
    }
    case 'ip_address_with_mask':
      return {
        type: 'string',
        pattern: prefixesPattern(variable.version, 0, 128),
        ...(variable.version === undefined ? {} : { 'x-ip-version': variable.version }),
      };
    case 'ip_network':
      return {
        type: 'string',
        pattern: prefixesPattern(variable.version, variable.minPrefixLength ?? 0, variable.maxPrefixLength ?? 128),
        ...(variable.version === undefined ? {} : { 'x-ip-version': variable.version }),
        ...(variable.minPrefixLength === undefined ? {} : { 'x-min-prefix-length': variable.minPrefixLength }),
        ...(variable.maxPrefixLength === undefined ? {} : { 'x-max-prefix-length': variable.maxPrefixLength }),
        'x-host-bits-zero': true,
      };
    case 'json':
      // Any JSON value; null and "" count as not given, so a variable that must be given refuses them.
      return { ...(mustBeGiven(variable) ? { not: { enum: [null, ''] } } : {}), 'x-widget': 'json' };
    case 'object':
      return { type: 'string', format: 'uuid', pattern: UUID_PATTERN, ...objectHints(variable) };
    case 'multi_object':
      return {
        type: 'array',
        items: { type: 'string', format: 'uuid', pattern: UUID_PATTERN },
        uniqueItems: true,
        ...(mustBeGiven(variable) ? { minItems: 1 } : {}),
        ...objectHints(variable),
      };
    case 'file':
      // Sent as a multipart part; run data then holds this reference to the stored upload.
      return {
        type: 'object',
        additionalProperties: false,
        required: ['fileId', 'name', 'size', 'contentType'],
        properties: {
          fileId: { type: 'string' },
          name: { type: 'string' },
          size: { type: 'integer', minimum: 0, maximum: variable.maxSizeBytes },
          contentType: { type: 'string' },
        },
        'x-widget': 'file',
        'x-max-size-bytes': variable.maxSizeBytes,
      };
    default:
      return assertNever(variable);
  }
}

/** What a form needs to offer an object variable's choices: where to list them, what to show, how to filter. */
function objectHints(variable: ObjectVariableDefinition | MultiObjectVariableDefinition): JsonObject {
  return {
    'x-widget': variable.type === 'object' ? 'object' : 'multi-object',
    'x-model': variable.model,
    'x-display-field': variable.displayField,
    ...(variable.queryFilters ? { 'x-query-filters': variable.queryFilters as JsonObject } : {}),
    ...(variable.nullOption === undefined ? {} : { 'x-null-option': variable.nullOption }),
  };
}

/** `address/length` for the allowed families, each length within `min`..`max` and its family's maximum. */
function prefixesPattern(version: IpVersion | undefined, min: number, max: number): string {
  const families: IpVersion[] = version === undefined ? [4, 6] : [version];
  const alternatives = families
    .filter((family) => min <= Math.min(max, maxPrefixLengthOf(family)))
    .map((family) => prefixPattern(family, min, Math.min(max, maxPrefixLengthOf(family))));
  // No family left (only for a hand-written definition, such as IPv4 of at least /40): a pattern nothing matches.
  return alternatives.length === 0 ? '^(?!)$' : `^(?:${alternatives.join('|')})$`;
}

function assertNever(variable: never): never {
  throw new Error(`Unknown variable type ${JSON.stringify((variable as { type?: unknown }).type)}`);
}
