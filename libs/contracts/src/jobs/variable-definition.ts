import type { InventoryModel } from '../inventory/inventory-models';
import type { JsonValue } from '../json';

/** The serialisable description of one job variable, as collectors announce it and the scheduler validates with. */
interface VariableCommon<TValue> {
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly default?: TValue;
  /**
   * A sensitive value (a password, a token) never reaches logs, events, read models or workflow history in
   * clear text, is not kept for re-runs, and a job with one cannot be scheduled.
   */
  readonly sensitive?: boolean;
}

export interface StringVariableDefinition extends VariableCommon<string> {
  readonly type: 'string';
  /** In characters (Unicode code points), as JSON Schema's `minLength` counts them. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A JavaScript regular expression source that the whole value must match. */
  readonly regex?: string;
}

/** Multi-line text, as Nautobot's TextVar: a string a form shows in a text area. */
export interface TextVariableDefinition extends VariableCommon<string> {
  readonly type: 'text';
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A JavaScript regular expression source that the whole value must match (`.` does not match a newline). */
  readonly regex?: string;
}

export interface IntegerVariableDefinition extends VariableCommon<number> {
  readonly type: 'integer';
  readonly minValue?: number;
  readonly maxValue?: number;
}

export interface BooleanVariableDefinition extends VariableCommon<boolean> {
  readonly type: 'boolean';
}

/** A choice is `[value, label]`, as in Nautobot's ChoiceVar. */
export type Choice = readonly [value: string, label: string];

export interface ChoiceVariableDefinition extends VariableCommon<string> {
  readonly type: 'choice';
  readonly choices: readonly Choice[];
}

/** Several of the choices, as Nautobot's MultiChoiceVar: the value is an array of distinct choice values. */
export interface MultiChoiceVariableDefinition extends VariableCommon<readonly string[]> {
  readonly type: 'multi_choice';
  readonly choices: readonly Choice[];
  readonly minSelections?: number;
  readonly maxSelections?: number;
}

export type IpVersion = 4 | 6;

/** An IPv4 or IPv6 address without a mask, e.g. `192.0.2.1` or `2001:db8::1`; run data holds its canonical text. */
export interface IpAddressVariableDefinition extends VariableCommon<string> {
  readonly type: 'ip_address';
  /** Only this family; either when absent. */
  readonly version?: IpVersion;
}

/** An address with a prefix length, e.g. `192.0.2.1/24` or `2001:db8::1/64`: host bits may be set. */
export interface IpAddressWithMaskVariableDefinition extends VariableCommon<string> {
  readonly type: 'ip_address_with_mask';
  readonly version?: IpVersion;
}

/** A network, e.g. `192.0.2.0/24` or `2001:db8::/32`: the host bits must be zero. */
export interface IpNetworkVariableDefinition extends VariableCommon<string> {
  readonly type: 'ip_network';
  readonly version?: IpVersion;
  readonly minPrefixLength?: number;
  readonly maxPrefixLength?: number;
}

/** Any JSON value: an object, array, string, number, boolean or null. */
export interface JsonVariableDefinition extends VariableCommon<JsonValue> {
  readonly type: 'json';
}

/**
 * Query filters for an object variable's choices, as Nautobot's `query_params`: a value `$name` is replaced by
 * the run data's value of variable `name` (an object variable gives its id).
 */
export type ObjectQueryFilters = Readonly<Record<string, string | boolean | readonly string[]>>;

/** One record of the inventory, given by its id; the job receives the record as it stands when the run starts. */
export interface ObjectVariableDefinition extends VariableCommon<string> {
  readonly type: 'object';
  readonly model: InventoryModel;
  /** The field a form shows for each choice. */
  readonly displayField: string;
  readonly queryFilters?: ObjectQueryFilters;
  /** A form's label for "none"; only an optional variable has one. */
  readonly nullOption?: string;
}

/** Several records of one model, given as an array of ids. */
export interface MultiObjectVariableDefinition extends VariableCommon<readonly string[]> {
  readonly type: 'multi_object';
  readonly model: InventoryModel;
  readonly displayField: string;
  readonly queryFilters?: ObjectQueryFilters;
  readonly nullOption?: string;
}

/**
 * An uploaded file: run requests send it as a multipart part named after the variable. The run data holds a
 * reference to it; the file is kept only until the run ends.
 */
export interface FileVariableDefinition extends VariableCommon<never> {
  readonly type: 'file';
  /** Larger uploads are refused with 413 before the run starts. */
  readonly maxSizeBytes: number;
}

/** What run data holds for a file variable. */
export interface UploadedFileRef {
  readonly fileId: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
}

export type VariableDefinition =
  | StringVariableDefinition
  | TextVariableDefinition
  | IntegerVariableDefinition
  | BooleanVariableDefinition
  | ChoiceVariableDefinition
  | MultiChoiceVariableDefinition
  | IpAddressVariableDefinition
  | IpAddressWithMaskVariableDefinition
  | IpNetworkVariableDefinition
  | JsonVariableDefinition
  | ObjectVariableDefinition
  | MultiObjectVariableDefinition
  | FileVariableDefinition;

export type VariableType = VariableDefinition['type'];

/** Variables in field order: the order a form shows them. */
export type NamedVariableDefinition = VariableDefinition & { readonly name: string };
