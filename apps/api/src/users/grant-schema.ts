import { PERMISSION_DESCRIPTIONS, PERMISSIONS } from '@yardmaster/contracts';

/** The permissions and what each allows, for the API docs: `jobs.view`: see the job catalog; … */
const PERMISSIONS_EXPLAINED = PERMISSIONS.map((permission) => `\`${permission}\`: ${PERMISSION_DESCRIPTIONS[permission]}`).join('; ');

/** OpenAPI: a list of grants, each a permission's name or `{ permission: 'jobs.run', jobIds?, groupings? }`. */
export const GRANTS_BODY_SCHEMA = {
  type: 'object',
  required: ['permissions'],
  properties: {
    permissions: {
      type: 'array',
      description: `Replaces the grants. Only jobs.run takes jobIds and/or groupings; without them it covers every job. The permissions: ${PERMISSIONS_EXPLAINED}.`,
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

export const NEW_TOKEN_BODY_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'What the token is for', example: 'laptop' },
    expiresAt: { type: 'string', format: 'date-time', nullable: true, description: 'When the token stops working, in the future; left out or null: never' },
    readOnly: { type: 'boolean', default: false, description: 'A read-only token may only read (GET); every write is 403' },
  },
};
