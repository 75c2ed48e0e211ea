import { z } from 'zod';
import { jsonObjectSchema, readonlyArray } from '../schemas/json-schemas';
import { concurrencyRuleSchema, jobTimeoutsSchema, retryPolicyDefinitionSchema } from './job-policies';
import type { NamedVariableDefinition } from './variable-definition';

/**
 * A job's variables are checked where the job is loaded (the SDK's variable builders own their shape); here
 * only that each one is a named object, so that a catalog event cannot carry something that is no variable.
 */
const namedVariableSchema = z.custom<NamedVariableDefinition>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && typeof (value as { type?: unknown }).type === 'string',
  { message: 'must be a variable definition with a name and a type' },
);

/** What a collector announces about one job it hosts. */
export const jobDefinitionSchema = z.object({
  /** Stable and URL-safe: `<module>.<ClassName>`. */
  id: z.string().min(1),
  module: z.string(),
  className: z.string(),
  name: z.string(),
  description: z.string(),
  grouping: z.string(),
  variables: readonlyArray(namedVariableSchema),
  /** JSON Schema of the run data, derived from `variables`. */
  schema: jsonObjectSchema,
  /** Steps in execution order: `run`, each `test_*`, then `post_run` when the job has one. */
  steps: readonlyArray(z.string()),
  timeouts: jobTimeoutsSchema,
  retry: retryPolicyDefinitionSchema,
  concurrency: concurrencyRuleSchema.nullable(),
  /**
   * A read-only job changes nothing: its runs have no commit (null) and its inventory writes throw. Absent from
   * announcements made before read-only jobs: those jobs wrote, as the read model also assumes.
   */
  readOnly: z.boolean().default(false),
  /** The commit of a run that does not say: false makes dry runs the default, as Nautobot's `dryrun_default`. */
  commitDefault: z.boolean().default(true),
});
export type JobDefinition = z.infer<typeof jobDefinitionSchema>;

const JOB_ID_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

export function isValidJobId(jobId: string): boolean {
  return JOB_ID_PATTERN.test(jobId);
}
