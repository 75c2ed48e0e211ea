import type { JsonObject, MultiChoiceVariableDefinition } from '@yardmaster/contracts';
import { hasError, schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { checkBounds, checkedChoices, choiceLabels, choiceList, optional } from '../define/option-checks';
import { accepted, problem, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

/** Several of the choices: an array of distinct choice values, in the order given; `[]` counts as not given. */
export const multiChoiceVariableType: VariableTypeModule<MultiChoiceVariableDefinition> = {
  type: 'multi_choice',
  define: (builder, options) => {
    const choices = checkedChoices(builder, options.choices);
    checkBounds(builder, 'minSelections', options.minSelections, 'maxSelections', options.maxSelections);
    return {
      type: 'multi_choice',
      ...commonFields(options),
      choices,
      ...optional('minSelections', options.minSelections),
      ...optional('maxSelections', options.maxSelections),
    };
  },
  jsonSchema: (definition, mustBeGiven) => ({ ...multiChoiceSchema(definition, mustBeGiven), 'x-choice-labels': choiceLabels(definition.choices) }),
  check: (definition, value) => checkMultiChoice(definition, value),
  isAlsoEmpty: (value) => Array.isArray(value) && value.length === 0,
  cliValueKind: 'list',
};

function multiChoiceSchema(definition: MultiChoiceVariableDefinition, mustBeGiven: boolean): JsonObject {
  // [] counts as not given, so a variable that must be given needs at least one selection.
  const minItems = Math.max(definition.minSelections ?? 0, mustBeGiven ? 1 : 0);
  return {
    type: 'array',
    items: { type: 'string', enum: definition.choices.map(([value]) => value) },
    uniqueItems: true,
    ...(minItems === 0 ? {} : { minItems }),
    ...(definition.maxSelections === undefined ? {} : { maxItems: definition.maxSelections }),
  };
}

function checkMultiChoice(definition: MultiChoiceVariableDefinition, value: unknown): VariableValueCheck {
  const errors = schemaErrors(multiChoiceSchema(definition, false), value);
  const choices = choiceList(definition.choices);
  if (hasError(errors, 'type')) return problem(`must be an array of choices from ${choices}`);
  const values = value as unknown[];
  // Ajv says which items are wrong; the message names them all, as a person fixing the list needs.
  if (errors.some((error) => error.instancePath !== '')) {
    const unknown = values.filter((item) => typeof item !== 'string' || !definition.choices.some(([choice]) => choice === item));
    return problem(`must list only choices from ${choices}, not ${unknown.map((item) => JSON.stringify(item) ?? String(item)).join(', ')}`);
  }
  if (hasError(errors, 'uniqueItems')) {
    const repeated = values.filter((item, index) => values.indexOf(item) !== index);
    return problem(`must not list a choice twice: ${[...new Set(repeated)].map((item) => JSON.stringify(item)).join(', ')}`);
  }
  const { minSelections: min, maxSelections: max } = definition;
  if (hasError(errors, 'minItems')) return problem(`must have at least ${min} ${min === 1 ? 'choice' : 'choices'} selected`);
  if (hasError(errors, 'maxItems')) return problem(`must have at most ${max} ${max === 1 ? 'choice' : 'choices'} selected`);
  return accepted([...(values as string[])]);
}
