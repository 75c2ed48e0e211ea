import type {
  BooleanVariableDefinition,
  Choice,
  ChoiceVariableDefinition,
  IntegerVariableDefinition,
  StringVariableDefinition,
  VariableDefinition,
} from '@yardmaster/contracts';

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
}

function common<TValue>(options: CommonOptions<TValue>) {
  return {
    label: options.label ?? '',
    description: options.description ?? '',
    required: options.required ?? options.default === undefined,
    ...(options.default === undefined ? {} : { default: options.default }),
  };
}

type StringOptions = CommonOptions<string> & { minLength?: number; maxLength?: number; regex?: string | RegExp };

export function stringVar<const TOptions extends StringOptions>(options: TOptions = {} as TOptions): Variable<string, StringVariableDefinition, Presence<TOptions>> {
  if (options.regex instanceof RegExp && options.regex.flags !== '') {
    // Only the source travels in the catalog; silently dropping a flag such as `i` would change the meaning.
    throw new Error(`stringVar: regex flags are not supported (got /${options.regex.source}/${options.regex.flags}); write the pattern without them`);
  }
  const regex = options.regex instanceof RegExp ? options.regex.source : options.regex;
  return {
    type: 'string',
    ...common(options),
    ...(options.minLength === undefined ? {} : { minLength: options.minLength }),
    ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    ...(regex === undefined ? {} : { regex }),
  };
}

type IntegerOptions = CommonOptions<number> & { minValue?: number; maxValue?: number };

export function integerVar<const TOptions extends IntegerOptions>(options: TOptions = {} as TOptions): Variable<number, IntegerVariableDefinition, Presence<TOptions>> {
  return {
    type: 'integer',
    ...common(options),
    ...(options.minValue === undefined ? {} : { minValue: options.minValue }),
    ...(options.maxValue === undefined ? {} : { maxValue: options.maxValue }),
  };
}

/** A boolean is never required: an absent box is `false`, as in a form. */
export function booleanVar(options: Omit<CommonOptions<boolean>, 'required'> = {}): Variable<boolean, BooleanVariableDefinition, true> {
  return { type: 'boolean', ...common({ ...options, default: options.default ?? false }), required: false };
}

export function choiceVar<const TChoices extends readonly Choice[], const TOptions extends CommonOptions<TChoices[number][0]>>(
  options: TOptions & { choices: TChoices },
): Variable<TChoices[number][0], ChoiceVariableDefinition, Presence<TOptions>> {
  return { type: 'choice', ...common(options), choices: options.choices };
}

export type VariableSet = Readonly<Record<string, Variable<unknown>>>;

type ValueOf<TVariable> = TVariable extends { readonly __value?: infer TValue } ? TValue : never;

/** The validated data a job's steps receive: required or defaulted variables are always present. */
export type JobData<TVariables extends VariableSet> = {
  readonly [K in keyof TVariables]: TVariables[K] extends { readonly __present?: true }
    ? ValueOf<TVariables[K]>
    : ValueOf<TVariables[K]> | undefined;
};
