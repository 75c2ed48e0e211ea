import type { JsonObject, StringVariableDefinition, TextVariableDefinition } from '@yardmaster/contracts';
import { hasError, schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { checkBounds, optional } from '../define/option-checks';
import { accepted, problem, type VariableOptions, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

type StringLikeDefinition = StringVariableDefinition | TextVariableDefinition;

/** A single-line string; `text` is the same value shown in a text area. */
export const stringVariableType: VariableTypeModule<StringVariableDefinition> = {
  type: 'string',
  define: (builder, options) => ({ type: 'string', ...commonFields(options), ...stringConstraints(builder, options) }),
  jsonSchema: (definition, mustBeGiven) => stringSchema(definition, mustBeGiven),
  check: (definition, value) => checkString(definition, value),
  cliValueKind: 'string',
};

export const textVariableType: VariableTypeModule<TextVariableDefinition> = {
  type: 'text',
  define: (builder, options) => ({ type: 'text', ...commonFields(options), ...stringConstraints(builder, options) }),
  jsonSchema: (definition, mustBeGiven) => ({ ...stringSchema(definition, mustBeGiven), 'x-widget': 'textarea' }),
  check: (definition, value) => checkString(definition, value),
  cliValueKind: 'string',
};

function stringConstraints(builder: string, options: VariableOptions) {
  const given = options.regex as string | RegExp | undefined;
  if (given instanceof RegExp && given.flags !== '') {
    // Only the source travels in the catalog; silently dropping a flag such as `i` would change the meaning.
    throw new Error(`${builder}: regex flags are not supported (got /${given.source}/${given.flags}); write the pattern without them`);
  }
  const regex = given instanceof RegExp ? given.source : given;
  if (regex !== undefined) {
    try {
      new RegExp(regex, 'u');
    } catch (error) {
      throw new Error(`${builder}: regex ${JSON.stringify(regex)} is not a valid Unicode regular expression: ${(error as Error).message}`);
    }
  }
  checkBounds(builder, 'minLength', options.minLength, 'maxLength', options.maxLength);
  return { ...optional('minLength', options.minLength), ...optional('maxLength', options.maxLength), ...(regex === undefined ? {} : { regex }) };
}

function stringSchema(definition: StringLikeDefinition, mustBeGiven: boolean): JsonObject {
  // "" counts as not given, so a variable that must be given needs at least one character.
  const minLength = Math.max(definition.minLength ?? 0, mustBeGiven ? 1 : 0);
  return {
    type: 'string',
    ...(minLength === 0 ? {} : { minLength }),
    ...(definition.maxLength === undefined ? {} : { maxLength: definition.maxLength }),
    ...(definition.regex === undefined ? {} : { pattern: `^(?:${definition.regex})$` }),
  };
}

/** Lengths count code points, not UTF-16 units, as JSON Schema does: an emoji is one character. */
function checkString(definition: StringLikeDefinition, value: unknown): VariableValueCheck {
  const errors = schemaErrors(stringSchema(definition, false), value);
  if (hasError(errors, 'type')) return problem('must be a string');
  if (hasError(errors, 'minLength')) return problem(`must be at least ${definition.minLength} characters long`);
  if (hasError(errors, 'maxLength')) return problem(`must be at most ${definition.maxLength} characters long`);
  if (hasError(errors, 'pattern')) return problem(`must match ${definition.regex}`);
  return accepted(value as string);
}
