import { z } from 'zod';
import { PERMISSION_DESCRIPTIONS, PERMISSIONS } from '../auth/permissions';

/** The permissions and what each allows, for the API docs: `jobs.view`: see the job catalog; … */
const PERMISSIONS_EXPLAINED = PERMISSIONS.map((permission) => `\`${permission}\`: ${PERMISSION_DESCRIPTIONS[permission]}`).join('; ');

const NAMES = 'must be a list of non-empty strings';

/** Job ids or groupings, each once; null or absent: not limited by it. */
const scopeNames = () =>
  z
    .custom<string[]>((value) => Array.isArray(value) && value.every((name) => typeof name === 'string' && name.trim() !== ''), { error: NAMES })
    .meta({ type: 'array', items: { type: 'string', minLength: 1 } })
    .transform((names) => [...new Set(names)])
    .nullish();

/**
 * One grant as an administrator writes it in full. Only `jobs.run` takes job ids or groupings; without them it
 * covers every job. The scope rules are checked once the fields are right.
 */
export const grantObjectSchema = z
  .strictObject({
    permission: z.enum(PERMISSIONS, { error: `must be one of ${PERMISSIONS.join(', ')}` }),
    jobIds: scopeNames(),
    groupings: scopeNames(),
  })
  .superRefine((grant, context) => {
    const scoped = Boolean(grant.jobIds || grant.groupings);
    if (scoped && grant.permission !== 'jobs.run') {
      context.addIssue({ code: 'custom', message: 'only jobs.run can be limited to job ids or groupings' });
    } else if (scoped && (grant.jobIds?.length ?? 0) + (grant.groupings?.length ?? 0) === 0) {
      context.addIssue({ code: 'custom', message: 'name at least one job id or grouping, or leave both out for every job' });
    }
  });

/** The body of `PUT /api/users/{username}/permissions` and of a group's: each grant a permission's name or a grant object. */
export const grantsBodySchema = z.object({
  permissions: z.array(z.union([z.enum(PERMISSIONS), grantObjectSchema])).meta({
    description: `Replaces the grants. Only jobs.run takes jobIds and/or groupings; without them it covers every job. The permissions: ${PERMISSIONS_EXPLAINED}.`,
    example: ['runs.view_own', { permission: 'jobs.run', groupings: ['Examples'] }],
  }),
});
