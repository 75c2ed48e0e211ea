import type {
  Choice,
  FieldError,
  IpAddressVariableDefinition,
  IpAddressWithMaskVariableDefinition,
  IpNetworkVariableDefinition,
  FileVariableDefinition,
  InventoryModel,
  IpVersion,
  JsonObject,
  JsonValue,
  MultiChoiceVariableDefinition,
  MultiObjectVariableDefinition,
  NamedVariableDefinition,
  UploadedFileRef,
  VariableDefinition,
} from '@yardmaster/contracts';
import { isUuid } from '@yardmaster/contracts';
import { hasHostBits, maxPrefixLengthOf, networkOf, parseIpAddress, parseIpPrefix, type IpPrefix } from './ip-address';

export type RunDataValidation =
  | { readonly ok: true; readonly data: JsonObject }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** One variable's value checked: the value run data holds (IP addresses in canonical text), or what is wrong. */
export type VariableValueCheck = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: string };

/**
 * Checks run data against a job's variables and fills in defaults. Every bad field gets its own error,
 * named `data.<variable>`, so a form can show each one beside its field.
 *
 * `null`, `""` and (for a multi-choice) `[]` count as not given, as an empty form field: the default is
 * filled in, or a required variable is reported missing.
 */
export function validateRunData(variables: readonly NamedVariableDefinition[], input: unknown): RunDataValidation {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'data', message: 'must be an object of variable values' }] };
  }
  const given = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  const data: JsonObject = {};
  const known = new Set(variables.map((variable) => variable.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) errors.push({ field: `data.${name}`, message: 'is not a variable of this job' });
  }
  for (const variable of variables) {
    const field = `data.${variable.name}`;
    // Own properties only: a variable named `constructor` or `toString` must not read Object.prototype's.
    const raw = Object.hasOwn(given, variable.name) ? given[variable.name] : undefined;
    if (isEmpty(variable, raw)) {
      // A copy, so a job that changes its data cannot change the declared default.
      if (variable.default !== undefined) data[variable.name] = structuredClone(variable.default) as JsonValue;
      else if (variable.required) errors.push({ field, message: 'is required' });
      continue;
    }
    const checked = checkVariableValue(variable, raw);
    if (checked.ok) data[variable.name] = checked.value;
    else errors.push({ field, message: checked.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}

/** Whether a given value counts as not given at all. */
function isEmpty(variable: VariableDefinition, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return (variable.type === 'multi_choice' || variable.type === 'multi_object') && Array.isArray(value) && value.length === 0;
}

/** Checks one given (non-empty) value against its variable's type and options. */
export function checkVariableValue(variable: VariableDefinition, value: unknown): VariableValueCheck {
  switch (variable.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') return problem('must be a string');
      // Code points, not UTF-16 units, as JSON Schema's minLength and maxLength count: an emoji is one character.
      const length = [...value].length;
      if (variable.minLength !== undefined && length < variable.minLength) return problem(`must be at least ${variable.minLength} characters long`);
      if (variable.maxLength !== undefined && length > variable.maxLength) return problem(`must be at most ${variable.maxLength} characters long`);
      if (variable.regex !== undefined && !new RegExp(`^(?:${variable.regex})$`, 'u').test(value)) return problem(`must match ${variable.regex}`);
      return accepted(value);
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return problem('must be a whole number');
      if (variable.minValue !== undefined && value < variable.minValue) return problem(`must be at least ${variable.minValue}`);
      if (variable.maxValue !== undefined && value > variable.maxValue) return problem(`must be at most ${variable.maxValue}`);
      return accepted(value);
    case 'boolean':
      return typeof value === 'boolean' ? accepted(value) : problem('must be true or false');
    case 'choice':
      if (typeof value !== 'string' || !variable.choices.some(([choice]) => choice === value)) {
        return problem(`must be one of ${choiceList(variable.choices)}`);
      }
      return accepted(value);
    case 'multi_choice':
      return checkMultiChoice(variable, value);
    case 'ip_address':
      return checkIpAddress(variable, value);
    case 'ip_address_with_mask':
      return checkIpAddressWithMask(variable, value);
    case 'ip_network':
      return checkIpNetwork(variable, value);
    case 'json':
      return isJsonValue(value) ? accepted(value) : problem('must be a JSON value: no undefined, functions, NaN, Infinity, class instances or cycles');
    case 'object':
      return isUuid(value) ? accepted(value.toLowerCase()) : problem(`must be the id (a UUID) of a ${modelName(variable.model)}`);
    case 'multi_object':
      return checkMultiObject(variable, value);
    case 'file':
      return checkFileRef(variable, value);
    default:
      return assertNever(variable);
  }
}

function modelName(model: InventoryModel): string {
  return model.replace('_', ' ');
}

function checkMultiObject(variable: MultiObjectVariableDefinition, value: unknown): VariableValueCheck {
  if (!Array.isArray(value) || value.some((item) => !isUuid(item))) {
    return problem(`must be an array of ids (UUIDs) of ${modelName(variable.model)} records`);
  }
  const ids = (value as string[]).map((id) => id.toLowerCase());
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) return problem(`must not list an id twice: ${[...new Set(repeated)].join(', ')}`);
  return accepted(ids);
}

/** Run data holds the reference the API made when it stored the upload; the upload itself is checked there. */
function checkFileRef(variable: FileVariableDefinition, value: unknown): VariableValueCheck {
  const ref = value as Partial<UploadedFileRef> | null;
  const shaped =
    typeof ref === 'object' &&
    ref !== null &&
    !Array.isArray(ref) &&
    typeof ref.fileId === 'string' &&
    typeof ref.name === 'string' &&
    typeof ref.contentType === 'string' &&
    typeof ref.size === 'number' &&
    Number.isInteger(ref.size) &&
    ref.size >= 0 &&
    Object.keys(ref).length === 4;
  if (!shaped) return problem('must be uploaded as a file: send the run request as multipart/form-data with a part of this name');
  if (ref.size! > variable.maxSizeBytes) return problem(`must be at most ${variable.maxSizeBytes} bytes, got ${ref.size}`);
  return accepted({ fileId: ref.fileId!, name: ref.name!, size: ref.size!, contentType: ref.contentType! });
}

function problem(message: string): VariableValueCheck {
  return { ok: false, message };
}

function accepted(value: JsonValue): VariableValueCheck {
  return { ok: true, value };
}

function assertNever(variable: never): never {
  throw new Error(`Unknown variable type ${JSON.stringify((variable as { type?: unknown }).type)}`);
}

function checkMultiChoice(variable: MultiChoiceVariableDefinition, value: unknown): VariableValueCheck {
  if (!Array.isArray(value)) return problem(`must be an array of choices from ${choiceList(variable.choices)}`);
  const unknown = value.filter((item) => typeof item !== 'string' || !variable.choices.some(([choice]) => choice === item));
  if (unknown.length > 0) {
    return problem(`must list only choices from ${choiceList(variable.choices)}, not ${unknown.map((item) => JSON.stringify(item) ?? String(item)).join(', ')}`);
  }
  const values = value as string[];
  const repeated = values.filter((item, index) => values.indexOf(item) !== index);
  if (repeated.length > 0) return problem(`must not list a choice twice: ${[...new Set(repeated)].map((item) => JSON.stringify(item)).join(', ')}`);
  const { minSelections: min, maxSelections: max } = variable;
  if (min !== undefined && values.length < min) return problem(`must have at least ${min} ${min === 1 ? 'choice' : 'choices'} selected`);
  if (max !== undefined && values.length > max) return problem(`must have at most ${max} ${max === 1 ? 'choice' : 'choices'} selected`);
  return accepted([...values]);
}

function choiceList(choices: readonly Choice[]): string {
  return choices.map(([choice]) => JSON.stringify(choice)).join(', ');
}

function checkIpAddress(variable: IpAddressVariableDefinition, value: unknown): VariableValueCheck {
  const example = addressExample(variable.version);
  const address = typeof value === 'string' ? parseIpAddress(value) : null;
  if (!address) {
    const masked = typeof value === 'string' ? parseIpPrefix(value) : null;
    const sameFamily = masked?.ok && (variable.version === undefined || masked.prefix.address.version === variable.version);
    if (masked?.ok && sameFamily) return problem(`must be an address without a mask: did you mean ${masked.prefix.address.text}?`);
    return problem(`must be ${familyName(variable.version)} address without a mask, e.g. ${example}`);
  }
  if (variable.version !== undefined && address.version !== variable.version) {
    return problem(`must be an IPv${variable.version} address, e.g. ${example}, not an IPv${address.version} one`);
  }
  return accepted(address.text);
}

function checkIpAddressWithMask(variable: IpAddressWithMaskVariableDefinition, value: unknown): VariableValueCheck {
  const example = prefixExample('host', variable.version);
  const checked = checkPrefix(value, variable.version);
  switch (checked.kind) {
    case 'syntax':
      return problem(`must be ${familyName(variable.version)} address with a prefix length, e.g. ${example}`);
    case 'family':
      return problem(`must be an IPv${checked.wanted} address with a prefix length, e.g. ${example}, not an IPv${checked.got} one`);
    case 'too-long':
      return problem(`must have a prefix length from 0 to ${maxPrefixLengthOf(checked.version)} for an IPv${checked.version} address`);
    case 'ok':
      return accepted(checked.prefix.text);
  }
}

function checkIpNetwork(variable: IpNetworkVariableDefinition, value: unknown): VariableValueCheck {
  const example = prefixExample('network', variable.version);
  const checked = checkPrefix(value, variable.version);
  switch (checked.kind) {
    case 'syntax':
      return problem(`must be ${familyName(variable.version)} network with host bits zero, e.g. ${example}`);
    case 'family':
      return problem(`must be an IPv${checked.wanted} network, e.g. ${example}, not an IPv${checked.got} one`);
    case 'too-long':
      return problem(`must have a prefix length from 0 to ${maxPrefixLengthOf(checked.version)} for an IPv${checked.version} network`);
    case 'ok': {
      const { minPrefixLength: min, maxPrefixLength: max } = variable;
      const length = checked.prefix.prefixLength;
      if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
        const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
        return problem(`must have a prefix length ${range}`);
      }
      if (hasHostBits(checked.prefix)) return problem(`must have host bits zero: did you mean ${networkOf(checked.prefix).text}?`);
      return accepted(checked.prefix.text);
    }
  }
}

type PrefixCheck =
  | { readonly kind: 'ok'; readonly prefix: IpPrefix }
  | { readonly kind: 'syntax' }
  | { readonly kind: 'family'; readonly wanted: IpVersion; readonly got: IpVersion }
  | { readonly kind: 'too-long'; readonly version: IpVersion };

/** Parses `address/length`, telling a wrong family apart from bad text and from a length past the family's. */
function checkPrefix(value: unknown, version: IpVersion | undefined): PrefixCheck {
  if (typeof value !== 'string') return { kind: 'syntax' };
  const parsed = parseIpPrefix(value);
  const got = parsed.ok ? parsed.prefix.address.version : parsed.reason === 'prefix-length' ? parsed.version : undefined;
  if (got === undefined) return { kind: 'syntax' };
  if (version !== undefined && got !== version) return { kind: 'family', wanted: version, got };
  return parsed.ok ? { kind: 'ok', prefix: parsed.prefix } : { kind: 'too-long', version: got };
}

function familyName(version: IpVersion | undefined): string {
  return version === undefined ? 'an IPv4 or IPv6' : `an IPv${version}`;
}

function addressExample(version: IpVersion | undefined): string {
  return version === 4 ? '192.0.2.1' : version === 6 ? '2001:db8::1' : '192.0.2.1 or 2001:db8::1';
}

function prefixExample(kind: 'host' | 'network', version: IpVersion | undefined): string {
  const [v4, v6] = kind === 'host' ? ['192.0.2.1/24', '2001:db8::1/64'] : ['192.0.2.0/24', '2001:db8::/32'];
  return version === 4 ? v4 : version === 6 ? v6 : `${v4} or ${v6}`;
}

/**
 * Whether a value is plain JSON: strings, finite numbers, booleans, null, arrays and plain objects of them,
 * without cycles. Iterative, so deep nesting cannot overflow the stack.
 */
function isJsonValue(root: unknown): root is JsonValue {
  const ancestors = new Set<object>();
  const stack: ({ readonly visit: unknown } | { readonly leave: object })[] = [{ visit: root }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('leave' in frame) {
      ancestors.delete(frame.leave);
      continue;
    }
    const value = frame.visit;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
      continue;
    }
    if (typeof value !== 'object' || ancestors.has(value)) return false;
    let children: unknown[];
    if (Array.isArray(value)) {
      children = Array.from({ length: value.length }, (_, index) => (Object.hasOwn(value, index) ? value[index] : undefined));
    } else {
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      children = Object.values(value);
    }
    ancestors.add(value);
    stack.push({ leave: value });
    for (const child of children) stack.push({ visit: child });
  }
  return true;
}
