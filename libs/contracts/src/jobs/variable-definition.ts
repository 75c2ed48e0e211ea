import type { JsonValue } from '../json';

/** The serialisable description of one job variable, as collectors announce it and the scheduler validates with. */
interface VariableCommon<TValue> {
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly default?: TValue;
}

export interface StringVariableDefinition extends VariableCommon<string> {
  readonly type: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A JavaScript regular expression source that the whole value must match. */
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

export type VariableDefinition =
  | StringVariableDefinition
  | IntegerVariableDefinition
  | BooleanVariableDefinition
  | ChoiceVariableDefinition;

export type VariableType = VariableDefinition['type'];

/** Variables in field order: the order a form shows them. */
export type NamedVariableDefinition = VariableDefinition & { readonly name: string };

export type VariableValue = JsonValue;
