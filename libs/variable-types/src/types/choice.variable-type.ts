import type { ChoiceVariableDefinition, JsonObject } from '@yardmaster/contracts';
import { schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { checkedChoices, choiceLabels, choiceList } from '../define/option-checks';
import { accepted, problem, type VariableTypeModule } from '../variable-type';

/** One of the choices, each `[value, label]`, as Nautobot's ChoiceVar. */
export const choiceVariableType: VariableTypeModule<ChoiceVariableDefinition> = {
  type: 'choice',
  define: (builder, options) => ({ type: 'choice', ...commonFields(options), choices: checkedChoices(builder, options.choices) }),
  jsonSchema: (definition) => ({ ...choiceSchema(definition), 'x-choice-labels': choiceLabels(definition.choices) }),
  check: (definition, value) =>
    schemaErrors(choiceSchema(definition), value).length === 0 ? accepted(value as string) : problem(`must be one of ${choiceList(definition.choices)}`),
  cliValueKind: 'string',
};

function choiceSchema(definition: ChoiceVariableDefinition): JsonObject {
  return { type: 'string', enum: definition.choices.map(([value]) => value) };
}
