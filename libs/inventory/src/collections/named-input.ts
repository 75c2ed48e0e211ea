import { descriptionRule, nameRule, slugRule } from '../validation/field-rules';
import { readInput, throwIfInvalid, type InputSchema } from '../validation/read-input';
import { slugFromName } from '../validation/slug';
import type { NamedModel, NamedModelDefinition } from './named-model';

/** A named record's stored fields: name, slug, description and the model's own. */
export type NamedValues = Readonly<Record<string, unknown>> & { readonly name: string; readonly slug: string };

function schemaOf(definition: NamedModelDefinition<NamedModel>): InputSchema {
  const own = Object.fromEntries(Object.entries(definition.ownFields).map(([field, spec]) => [field, { rule: spec.rule }]));
  return { name: { rule: nameRule, required: true }, slug: { rule: slugRule }, description: { rule: descriptionRule }, ...own };
}

/** A create's fields checked, with the defaults of those left out; the slug is made from the name unless given. */
export function readNamedCreate(definition: NamedModelDefinition<NamedModel>, input: unknown): NamedValues {
  const { values, errors } = readInput(schemaOf(definition), input, 'create', definition.noun);
  let slug = values.slug as string | undefined;
  if (slug === undefined && typeof values.name === 'string') {
    slug = slugFromName(values.name);
    if (slug === '') errors.push({ field: 'slug', message: 'cannot be made from the name: give one' });
  }
  throwIfInvalid(errors, definition.noun);
  const defaults = Object.fromEntries(Object.entries(definition.ownFields).map(([field, spec]) => [field, spec.default]));
  return { ...defaults, description: '', ...values, name: values.name as string, slug: slug as string };
}

/** A patch's fields checked; those left out stay as they are (a renamed record keeps its slug). */
export function readNamedPatch(definition: NamedModelDefinition<NamedModel>, patch: unknown): Readonly<Record<string, unknown>> {
  const { values, errors } = readInput(schemaOf(definition), patch, 'patch', definition.noun);
  throwIfInvalid(errors, definition.noun);
  return values;
}
