import { grantsBodySchema, newTokenBodySchema, openApiSchemaOf } from '@yardmaster/contracts';

/** OpenAPI: a list of grants, from the schema each grant is checked with. */
export const GRANTS_BODY_SCHEMA = openApiSchemaOf(grantsBodySchema, 'input');

/** OpenAPI: a new token's body, from the schema it is checked with (the expiry's "in the future" is no JSON Schema). */
export const NEW_TOKEN_BODY_SCHEMA = openApiSchemaOf(newTokenBodySchema(new Date(0)), 'input');
