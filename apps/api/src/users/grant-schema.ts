import { newTokenBodySchema, openApiSchemaOf, PERMISSIONS } from '@yardmaster/contracts';

/** OpenAPI: a list of grants, each a permission's name or `{ permission: 'jobs.run', jobIds?, groupings? }`. */
export const GRANTS_BODY_SCHEMA = {
  type: 'object',
  required: ['permissions'],
  properties: {
    permissions: {
      type: 'array',
      description: 'Replaces the grants. Only jobs.run takes jobIds and/or groupings; without them it covers every job.',
      items: {
        oneOf: [
          { type: 'string', enum: [...PERMISSIONS] },
          {
            type: 'object',
            required: ['permission'],
            properties: {
              permission: { type: 'string', enum: [...PERMISSIONS] },
              jobIds: { type: 'array', items: { type: 'string' } },
              groupings: { type: 'array', items: { type: 'string' } },
            },
          },
        ],
      },
      example: ['runs.view_own', { permission: 'jobs.run', groupings: ['Examples'] }],
    },
  },
};

/** OpenAPI: a new token's body, from the schema it is checked with (the expiry's "in the future" is no JSON Schema). */
export const NEW_TOKEN_BODY_SCHEMA = openApiSchemaOf(newTokenBodySchema(new Date(0)), 'input');
