import type {
  BooleanVariableDefinition,
  Choice,
  ChoiceVariableDefinition,
  IntegerVariableDefinition,
  IpAddressVariableDefinition,
  IpAddressWithMaskVariableDefinition,
  IpNetworkVariableDefinition,
  IpVersion,
  JsonValue,
  JsonVariableDefinition,
  MultiChoiceVariableDefinition,
  StringVariableDefinition,
  TextVariableDefinition,
  VariableDefinition,
  InventoryModel,
  InventoryRecordOf,
  MultiObjectVariableDefinition,
  ObjectQueryFilters,
  ObjectVariableDefinition,
} from '@yardmaster/contracts';
import { INVENTORY_MODELS, isInventoryModel } from '@yardmaster/contracts';
import { OBJECT_FILTER_FIELDS } from '../inventory/object-filters';
import type { FileVariableDefinition } from '@yardmaster/contracts';
import type { RunFile } from '../files/run-file';
import { maxPrefixLengthOf } from './ip-address';
import { checkVariableValue } from './validate-run-data';

/**
 * Builders for job variables. `required` defaults to true, as in Nautobot, unless a default is given.
 * The generic parameter carries the value's TypeScript type so `JobData<typeof variables>` is typed.
 */
export type Variable<TValue, TDefinition extends VariableDefinition = VariableDefinition, TPresent extends boolean = boolean> = TDefinition & {
  readonly __value?: TValue;
  /** True when a run always has a value: the variable is required or has a default. */
  readonly __present?: TPresent;
};

/** A variable always has a value unless it is declared `required: false` without a default. */
type Presence<TOptions> = TOptions extends { default: unknown } ? true : TOptions extends { required: false } ? false : true;

interface CommonOptions<TValue> {
  label?: string;
  description?: string;
  required?: boolean;
  default?: TValue;
  /**
   * A password, a token: the value never reaches logs, events, read models or workflow history in clear text,
   * is not kept for re-runs, and the job cannot be scheduled. It cannot have a default (the catalog is clear text).
   */
  sensitive?: boolean;
}

function common<TValue>(options: CommonOptions<TValue>) {
  return {
    label: options.label ?? '',
    description: options.description ?? '',
    required: options.required ?? options.default === undefined,
    ...(options.default === undefined ? {} : { default: options.default }),
    ...(options.sensitive === true ? { sensitive: true } : {}),
  };
}

type StringOptions = CommonOptions<string> & { minLength?: number; maxLength?: number; regex?: string | RegExp };

/** A single-line string. `minLength` and `maxLength` count characters (code points); `regex` must match the whole value. */
export function stringVar<const TOptions extends StringOptions>(options: TOptions = {} as TOptions): Variable<string, StringVariableDefinition, Presence<TOptions>> {
  return checkedDefault('stringVar', { type: 'string', ...common(options), ...stringConstraints('stringVar', options) });
}

/** Multi-line text, shown in a text area; the same options as `stringVar`. */
export function textVar<const TOptions extends StringOptions>(options: TOptions = {} as TOptions): Variable<string, TextVariableDefinition, Presence<TOptions>> {
  return checkedDefault('textVar', { type: 'text', ...common(options), ...stringConstraints('textVar', options) });
}

function stringConstraints(builder: string, options: StringOptions) {
  if (options.regex instanceof RegExp && options.regex.flags !== '') {
    // Only the source travels in the catalog; silently dropping a flag such as `i` would change the meaning.
    throw new Error(`${builder}: regex flags are not supported (got /${options.regex.source}/${options.regex.flags}); write the pattern without them`);
  }
  const regex = options.regex instanceof RegExp ? options.regex.source : options.regex;
  if (regex !== undefined) {
    try {
      new RegExp(regex, 'u');
    } catch (error) {
      throw new Error(`${builder}: regex ${JSON.stringify(regex)} is not a valid Unicode regular expression: ${(error as Error).message}`);
    }
  }
  checkBounds(builder, 'minLength', options.minLength, 'maxLength', options.maxLength);
  return {
    ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    ...(regex === undefined ? {} : { regex }),
  };
}

type IntegerOptions = CommonOptions<number> & { minValue?: number; maxValue?: number };

export function integerVar<const TOptions extends IntegerOptions>(options: TOptions = {} as TOptions): Variable<number, IntegerVariableDefinition, Presence<TOptions>> {
  return checkedDefault('integerVar', {
    type: 'integer',
    ...common(options),
    ...(options.minValue === undefined ? {} : { minValue: options.minValue }),
    ...(options.maxValue === undefined ? {} : { maxValue: options.maxValue }),
  });
}

/** A boolean is never required: an absent box is `false`, as in a form. */
export function booleanVar(options: Omit<CommonOptions<boolean>, 'required' | 'sensitive'> = {}): Variable<boolean, BooleanVariableDefinition, true> {
  // Two possible values hide nothing, and an absent box is `false`, a default in clear text.
  if ((options as CommonOptions<boolean>).sensitive === true) throw new Error('booleanVar: a boolean cannot be sensitive; use a choiceVar or a stringVar');
  return checkedDefault('booleanVar', { type: 'boolean', ...common({ ...options, default: options.default ?? false }), required: false });
}

export function choiceVar<const TChoices extends readonly Choice[], const TOptions extends CommonOptions<TChoices[number][0]>>(
  options: TOptions & { choices: TChoices },
): Variable<TChoices[number][0], ChoiceVariableDefinition, Presence<TOptions>> {
  return checkedDefault('choiceVar', { type: 'choice', ...common(options), choices: checkedChoices('choiceVar', options.choices) });
}

type MultiChoiceOptions<TValue extends string> = CommonOptions<readonly TValue[]> & { minSelections?: number; maxSelections?: number };

/**
 * Several of the choices: the value is an array of distinct choice values, in the order given. An empty
 * array counts as not given, so a required multi-choice needs at least one selection.
 */
export function multiChoiceVar<const TChoices extends readonly Choice[], const TOptions extends MultiChoiceOptions<TChoices[number][0]>>(
  options: TOptions & { choices: TChoices },
): Variable<TChoices[number][0][], MultiChoiceVariableDefinition, Presence<TOptions>> {
  const choices = checkedChoices('multiChoiceVar', options.choices);
  checkBounds('multiChoiceVar', 'minSelections', options.minSelections, 'maxSelections', options.maxSelections);
  return checkedDefault('multiChoiceVar', {
    type: 'multi_choice',
    ...common(options),
    choices,
    ...(options.minSelections === undefined ? {} : { minSelections: options.minSelections }),
    ...(options.maxSelections === undefined ? {} : { maxSelections: options.maxSelections }),
  });
}

type IpOptions = CommonOptions<string> & { version?: IpVersion };

/** An IPv4 or IPv6 address without a mask, e.g. `192.0.2.1`; `version` narrows it to one family. Run data holds canonical text. */
export function ipAddressVar<const TOptions extends IpOptions>(options: TOptions = {} as TOptions): Variable<string, IpAddressVariableDefinition, Presence<TOptions>> {
  return checkedDefault('ipAddressVar', { type: 'ip_address', ...common(options), ...checkedVersion('ipAddressVar', options.version) });
}

/** An address with its prefix length, e.g. `192.0.2.1/24` or `2001:db8::1/64`; host bits may be set. */
export function ipAddressWithMaskVar<const TOptions extends IpOptions>(
  options: TOptions = {} as TOptions,
): Variable<string, IpAddressWithMaskVariableDefinition, Presence<TOptions>> {
  return checkedDefault('ipAddressWithMaskVar', { type: 'ip_address_with_mask', ...common(options), ...checkedVersion('ipAddressWithMaskVar', options.version) });
}

type IpNetworkOptions = IpOptions & { minPrefixLength?: number; maxPrefixLength?: number };

/** A network, e.g. `192.0.2.0/24`: the host bits must be zero; `minPrefixLength`/`maxPrefixLength` bound the prefix length. */
export function ipNetworkVar<const TOptions extends IpNetworkOptions>(options: TOptions = {} as TOptions): Variable<string, IpNetworkVariableDefinition, Presence<TOptions>> {
  const builder = 'ipNetworkVar';
  const version = checkedVersion(builder, options.version);
  const longest = version.version === undefined ? 128 : maxPrefixLengthOf(version.version);
  for (const [name, value] of [['minPrefixLength', options.minPrefixLength], ['maxPrefixLength', options.maxPrefixLength]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= longest)) {
      throw new Error(`${builder}: ${name} must be a whole number from 0 to ${longest}, got ${value}`);
    }
  }
  checkBounds(builder, 'minPrefixLength', options.minPrefixLength, 'maxPrefixLength', options.maxPrefixLength);
  return checkedDefault(builder, {
    type: 'ip_network',
    ...common(options),
    ...version,
    ...(options.minPrefixLength === undefined ? {} : { minPrefixLength: options.minPrefixLength }),
    ...(options.maxPrefixLength === undefined ? {} : { maxPrefixLength: options.maxPrefixLength }),
  });
}

/**
 * Any JSON value: object, array, string, number, boolean or null, as given (a form's JSON editor parses the
 * text). As for every variable, `null` and `""` count as not given.
 */
export function jsonVar<const TOptions extends CommonOptions<JsonValue>>(options: TOptions = {} as TOptions): Variable<JsonValue, JsonVariableDefinition, Presence<TOptions>> {
  return checkedDefault('jsonVar', { type: 'json', ...common(options) });
}

/** Uploads larger than this are refused unless a file variable says otherwise. */
export const DEFAULT_FILE_MAX_SIZE_BYTES = 10 * 1024 * 1024;

type FileOptions = Omit<CommonOptions<never>, 'default' | 'sensitive'> & { maxSizeBytes?: number };

/**
 * An uploaded file, as Nautobot's FileVar: a run request sends it as a multipart part named after the variable,
 * and the job receives a `RunFile`. The file is kept only until the run ends; a larger upload than `maxSizeBytes`
 * (default 10 MiB) is refused with 413 before the run starts. A file has no default.
 */
export function fileVar<const TOptions extends FileOptions>(options: TOptions = {} as TOptions): Variable<RunFile, FileVariableDefinition, Presence<TOptions>> {
  const unsupported = (['default', 'sensitive'] as const).filter((name) => (options as Record<string, unknown>)[name] !== undefined);
  // Checked at run time too: a JavaScript job module has no type checker to stop it.
  if (unsupported.length > 0) throw new Error(`fileVar: ${unsupported.join(' and ')} ${unsupported.length > 1 ? 'are' : 'is'} not supported for a file`);
  const maxSizeBytes = options.maxSizeBytes ?? DEFAULT_FILE_MAX_SIZE_BYTES;
  if (!Number.isSafeInteger(maxSizeBytes) || maxSizeBytes < 1) throw new Error(`fileVar: maxSizeBytes must be a whole number of bytes, at least 1, got ${maxSizeBytes}`);
  return { type: 'file', ...common(options), maxSizeBytes };
}

type ObjectOptions<TModel extends InventoryModel, TValue> = CommonOptions<TValue> & {
  /** The inventory model the variable picks from. */
  model: TModel;
  /** The field a form shows for each record; default `name`. */
  displayField?: string;
  /**
   * Narrows the records a form offers and the run accepts, e.g. `{ site: '$site', status: 'active' }`: a value
   * `$name` stands for the value of variable `name` of the same run.
   */
  queryFilters?: ObjectQueryFilters;
  /** A form's label for choosing none; only for an optional variable. */
  nullOption?: string;
};

/**
 * One inventory record, as Nautobot's ObjectVar. Requests give its id; the job receives the record as it
 * stands when the step starts, and a record deleted since the request fails the run with a clear message.
 */
export function objectVar<const TModel extends InventoryModel, const TOptions extends ObjectOptions<TModel, string>>(
  options: TOptions & { model: TModel },
): Variable<InventoryRecordOf[TModel], ObjectVariableDefinition, Presence<TOptions>> {
  return checkedDefault('objectVar', { type: 'object', ...common(options), ...objectOptions('objectVar', options) }) as Variable<
    InventoryRecordOf[TModel],
    ObjectVariableDefinition,
    Presence<TOptions>
  >;
}

/** Several records of one model, as Nautobot's MultiObjectVar: requests give an array of ids; `[]` counts as not given. */
export function multiObjectVar<const TModel extends InventoryModel, const TOptions extends ObjectOptions<TModel, readonly string[]>>(
  options: TOptions & { model: TModel },
): Variable<InventoryRecordOf[TModel][], MultiObjectVariableDefinition, Presence<TOptions>> {
  return checkedDefault('multiObjectVar', { type: 'multi_object', ...common(options), ...objectOptions('multiObjectVar', options) }) as Variable<
    InventoryRecordOf[TModel][],
    MultiObjectVariableDefinition,
    Presence<TOptions>
  >;
}

function objectOptions(builder: string, options: ObjectOptions<InventoryModel, unknown>) {
  if (!isInventoryModel(options.model)) throw new Error(`${builder}: model must be one of ${INVENTORY_MODELS.join(', ')}, got ${JSON.stringify(options.model)}`);
  const displayField = options.displayField ?? 'name';
  if (!DISPLAY_FIELDS[options.model].includes(displayField)) {
    throw new Error(`${builder}: displayField of a ${options.model} must be one of ${DISPLAY_FIELDS[options.model].join(', ')}, got ${JSON.stringify(displayField)}`);
  }
  const required = options.required ?? options.default === undefined;
  if (options.nullOption !== undefined && required) throw new Error(`${builder}: nullOption is only for a variable declared required: false`);
  return {
    model: options.model,
    displayField,
    ...(options.queryFilters === undefined ? {} : { queryFilters: checkedQueryFilters(builder, options.model, options.queryFilters) }),
    ...(options.nullOption === undefined ? {} : { nullOption: options.nullOption }),
  };
}

/** Fields a form may show for a record: text fields every record of the model has. */
const DISPLAY_FIELDS: Readonly<Record<InventoryModel, readonly string[]>> = {
  site: ['name', 'slug', 'description'],
  device_role: ['name', 'slug', 'description'],
  platform: ['name', 'slug', 'networkDriver', 'description'],
  tag: ['name', 'slug', 'description'],
  device: ['name', 'primaryAddress', 'status'],
};

function checkedQueryFilters(builder: string, model: InventoryModel, filters: ObjectQueryFilters): ObjectQueryFilters {
  const known = OBJECT_FILTER_FIELDS[model];
  for (const field of Object.keys(filters)) {
    if (!known.includes(field)) throw new Error(`${builder}: queryFilters of a ${model} may use ${known.join(', ')}, not ${JSON.stringify(field)}`);
  }
  return filters;
}

function checkedVersion(builder: string, version: IpVersion | undefined): { version?: IpVersion } {
  if (version === undefined) return {};
  if (version !== 4 && version !== 6) throw new Error(`${builder}: version must be 4 or 6, got ${JSON.stringify(version)}`);
  return { version };
}

function checkedChoices<TChoices extends readonly Choice[]>(builder: string, choices: TChoices): TChoices {
  if (choices.length === 0) throw new Error(`${builder}: give at least one choice`);
  const values = choices.map(([value]) => value);
  // "" counts as not given, so it could never be chosen.
  if (values.includes('')) throw new Error(`${builder}: a choice value cannot be ""`);
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) throw new Error(`${builder}: choice value ${JSON.stringify(repeated)} is listed twice`);
  return choices;
}

function checkBounds(builder: string, minName: string, min: number | undefined, maxName: string, maxValue: number | undefined): void {
  for (const [name, value] of [[minName, min], [maxName, maxValue]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new Error(`${builder}: ${name} must be a whole number, at least 0, got ${value}`);
  }
  if (min !== undefined && maxValue !== undefined && min > maxValue) throw new Error(`${builder}: ${minName} (${min}) is greater than ${maxName} (${maxValue})`);
}

/**
 * Checks a declared default as run data would be checked, so a bad default fails when the job is declared,
 * not in a run; IP defaults are kept in canonical text, as given values are.
 */
function checkedDefault<TDefinition extends VariableDefinition>(builder: string, definition: TDefinition): TDefinition {
  if (definition.sensitive === true && definition.default !== undefined) {
    throw new Error(`${builder}: a sensitive variable cannot have a default: the catalog would hold it in clear text`);
  }
  if (definition.default === undefined) return definition;
  const checked = checkVariableValue(definition, definition.default);
  if (!checked.ok) {
    const shown = typeof definition.default === 'number' ? String(definition.default) : (JSON.stringify(definition.default) ?? String(definition.default));
    throw new Error(`${builder}: default ${shown} ${checked.message}`);
  }
  return { ...definition, default: checked.value };
}

export type VariableSet = Readonly<Record<string, Variable<unknown>>>;

type ValueOf<TVariable> = TVariable extends { readonly __value?: infer TValue } ? TValue : never;

/** The validated data a job's steps receive: required or defaulted variables are always present. */
export type JobData<TVariables extends VariableSet> = {
  readonly [K in keyof TVariables]: TVariables[K] extends { readonly __present?: true }
    ? ValueOf<TVariables[K]>
    : ValueOf<TVariables[K]> | undefined;
};
