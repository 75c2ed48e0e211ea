import type { VariableOptions } from '../variable-type';

/**
 * The fields every definition has. `required` defaults to true, as in Nautobot, unless a default is given.
 * The default is typed `never` here because it is not checked yet: `defineVariable` checks it against the type next.
 */
export function commonFields(options: VariableOptions) {
  return {
    label: options.label ?? '',
    description: options.description ?? '',
    required: options.required ?? options.default === undefined,
    ...(options.default === undefined ? {} : { default: options.default as never }),
    ...(options.sensitive === true ? { sensitive: true } : {}),
  };
}
