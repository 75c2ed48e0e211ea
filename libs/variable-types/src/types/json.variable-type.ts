import type { JsonValue, JsonVariableDefinition } from '@yardmaster/contracts';
import { commonFields } from '../define/common-fields';
import { accepted, problem, type VariableTypeModule } from '../variable-type';

/**
 * Any JSON value, as given. Checked by hand, not by Ajv: a JSON Schema validator assumes its input is JSON,
 * and this check is exactly whether it is (a job module's default or an in-process caller could give anything).
 */
export const jsonVariableType: VariableTypeModule<JsonVariableDefinition> = {
  type: 'json',
  define: (_builder, options) => ({ type: 'json', ...commonFields(options) }),
  // null and "" count as not given, so a variable that must be given refuses them.
  jsonSchema: (_definition, mustBeGiven) => ({ ...(mustBeGiven ? { not: { enum: [null, ''] } } : {}), 'x-widget': 'json' }),
  check: (_definition, value) =>
    isJsonValue(value) ? accepted(value) : problem('must be a JSON value: no undefined, functions, NaN, Infinity, class instances or cycles'),
  cliValueKind: 'json',
};

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
