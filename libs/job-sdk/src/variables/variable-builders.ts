import type {
  BooleanVariableDefinition,
  Choice,
  ChoiceVariableDefinition,
  FileVariableDefinition,
  IntegerVariableDefinition,
  InventoryModel,
  InventoryRecordOf,
  IpAddressVariableDefinition,
  IpAddressWithMaskVariableDefinition,
  IpNetworkVariableDefinition,
  IpVersion,
  JsonValue,
  JsonVariableDefinition,
  MultiChoiceVariableDefinition,
  MultiObjectVariableDefinition,
  ObjectQueryFilters,
  ObjectVariableDefinition,
  StringVariableDefinition,
  TextVariableDefinition,
  VariableDefinition,
} from '@yardmaster/contracts';
import { defineVariable, type VariableOptions } from '@yardmaster/variable-types';
import type { RunFile } from '../files/run-file';

export { DEFAULT_FILE_MAX_SIZE_BYTES } from '@yardmaster/variable-types';

/**
 * Builders for job variables: typed doors onto the variable types of `@yardmaster/variable-types`, where each type's
 * rules live (`VARIABLE_TYPES`). `required` defaults to true, as in Nautobot, unless a default is given.
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

/** The options as the type modules read them: their precise types are this file's business. */
function untyped(options: object): VariableOptions {
  return options as VariableOptions;
}

type StringOptions = CommonOptions<string> & { minLength?: number; maxLength?: number; regex?: string | RegExp };

/** A single-line string. `minLength` and `maxLength` count characters (code points); `regex` must match the whole value. */
export function stringVar<const TOptions extends StringOptions>(options: TOptions = {} as TOptions): Variable<string, StringVariableDefinition, Presence<TOptions>> {
  return defineVariable('string', 'stringVar', untyped(options));
}

/** Multi-line text, shown in a text area; the same options as `stringVar`. */
export function textVar<const TOptions extends StringOptions>(options: TOptions = {} as TOptions): Variable<string, TextVariableDefinition, Presence<TOptions>> {
  return defineVariable('text', 'textVar', untyped(options));
}

type IntegerOptions = CommonOptions<number> & { minValue?: number; maxValue?: number };

export function integerVar<const TOptions extends IntegerOptions>(options: TOptions = {} as TOptions): Variable<number, IntegerVariableDefinition, Presence<TOptions>> {
  return defineVariable('integer', 'integerVar', untyped(options));
}

/** A boolean is never required: an absent box is `false`, as in a form. */
export function booleanVar(options: Omit<CommonOptions<boolean>, 'required' | 'sensitive'> = {}): Variable<boolean, BooleanVariableDefinition, true> {
  return defineVariable('boolean', 'booleanVar', untyped(options));
}

export function choiceVar<const TChoices extends readonly Choice[], const TOptions extends CommonOptions<TChoices[number][0]>>(
  options: TOptions & { choices: TChoices },
): Variable<TChoices[number][0], ChoiceVariableDefinition, Presence<TOptions>> {
  return defineVariable('choice', 'choiceVar', untyped(options));
}

type MultiChoiceOptions<TValue extends string> = CommonOptions<readonly TValue[]> & { minSelections?: number; maxSelections?: number };

/**
 * Several of the choices: the value is an array of distinct choice values, in the order given. An empty
 * array counts as not given, so a required multi-choice needs at least one selection.
 */
export function multiChoiceVar<const TChoices extends readonly Choice[], const TOptions extends MultiChoiceOptions<TChoices[number][0]>>(
  options: TOptions & { choices: TChoices },
): Variable<TChoices[number][0][], MultiChoiceVariableDefinition, Presence<TOptions>> {
  return defineVariable('multi_choice', 'multiChoiceVar', untyped(options));
}

type IpOptions = CommonOptions<string> & { version?: IpVersion };

/** An IPv4 or IPv6 address without a mask, e.g. `192.0.2.1`; `version` narrows it to one family. Run data holds canonical text. */
export function ipAddressVar<const TOptions extends IpOptions>(options: TOptions = {} as TOptions): Variable<string, IpAddressVariableDefinition, Presence<TOptions>> {
  return defineVariable('ip_address', 'ipAddressVar', untyped(options));
}

/** An address with its prefix length, e.g. `192.0.2.1/24` or `2001:db8::1/64`; host bits may be set. */
export function ipAddressWithMaskVar<const TOptions extends IpOptions>(
  options: TOptions = {} as TOptions,
): Variable<string, IpAddressWithMaskVariableDefinition, Presence<TOptions>> {
  return defineVariable('ip_address_with_mask', 'ipAddressWithMaskVar', untyped(options));
}

type IpNetworkOptions = IpOptions & { minPrefixLength?: number; maxPrefixLength?: number };

/** A network, e.g. `192.0.2.0/24`: the host bits must be zero; `minPrefixLength`/`maxPrefixLength` bound the prefix length. */
export function ipNetworkVar<const TOptions extends IpNetworkOptions>(options: TOptions = {} as TOptions): Variable<string, IpNetworkVariableDefinition, Presence<TOptions>> {
  return defineVariable('ip_network', 'ipNetworkVar', untyped(options));
}

/**
 * Any JSON value: object, array, string, number, boolean or null, as given (a form's JSON editor parses the
 * text). As for every variable, `null` and `""` count as not given.
 */
export function jsonVar<const TOptions extends CommonOptions<JsonValue>>(options: TOptions = {} as TOptions): Variable<JsonValue, JsonVariableDefinition, Presence<TOptions>> {
  return defineVariable('json', 'jsonVar', untyped(options));
}

type FileOptions = Omit<CommonOptions<never>, 'default' | 'sensitive'> & { maxSizeBytes?: number };

/**
 * An uploaded file, as Nautobot's FileVar: a run request sends it as a multipart part named after the variable,
 * and the job receives a `RunFile`. The file is kept only until the run ends; a larger upload than `maxSizeBytes`
 * (default 10 MiB) is refused with 413 before the run starts. A file has no default.
 */
export function fileVar<const TOptions extends FileOptions>(options: TOptions = {} as TOptions): Variable<RunFile, FileVariableDefinition, Presence<TOptions>> {
  return defineVariable('file', 'fileVar', untyped(options));
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
  return defineVariable('object', 'objectVar', untyped(options));
}

/** Several records of one model, as Nautobot's MultiObjectVar: requests give an array of ids; `[]` counts as not given. */
export function multiObjectVar<const TModel extends InventoryModel, const TOptions extends ObjectOptions<TModel, readonly string[]>>(
  options: TOptions & { model: TModel },
): Variable<InventoryRecordOf[TModel][], MultiObjectVariableDefinition, Presence<TOptions>> {
  return defineVariable('multi_object', 'multiObjectVar', untyped(options));
}

export type VariableSet = Readonly<Record<string, Variable<unknown>>>;

type ValueOf<TVariable> = TVariable extends { readonly __value?: infer TValue } ? TValue : never;

/** The validated data a job's steps receive: required or defaulted variables are always present. */
export type JobData<TVariables extends VariableSet> = {
  readonly [K in keyof TVariables]: TVariables[K] extends { readonly __present?: true }
    ? ValueOf<TVariables[K]>
    : ValueOf<TVariables[K]> | undefined;
};
