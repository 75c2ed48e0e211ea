import {
  grantsBodySchema,
  groupViewSchema,
  issuedTokenViewSchema,
  newTokenBodySchema,
  openApiSchemaOf,
  tokenListViewSchema,
  tokenViewSchema,
  userViewSchema,
} from '@yardmaster/contracts';

/** OpenAPI: a list of grants, from the schema each grant is checked with. */
export const GRANTS_BODY_SCHEMA = openApiSchemaOf(grantsBodySchema, 'input');

/** OpenAPI: a new token's body, from the schema it is checked with (the expiry's "in the future" is no JSON Schema). */
export const NEW_TOKEN_BODY_SCHEMA = openApiSchemaOf(newTokenBodySchema(new Date(0)), 'input');

/** OpenAPI: the identity views, from the schemas the CLI checks them with. */
export const USER_VIEW_SCHEMA = openApiSchemaOf(userViewSchema);
export const GROUP_VIEW_SCHEMA = openApiSchemaOf(groupViewSchema);
export const TOKEN_VIEW_SCHEMA = openApiSchemaOf(tokenViewSchema);
export const ISSUED_TOKEN_VIEW_SCHEMA = openApiSchemaOf(issuedTokenViewSchema);
export const TOKEN_LIST_VIEW_SCHEMA = openApiSchemaOf(tokenListViewSchema);
