import { z } from 'zod';
import { jobOverridesSchema } from '../catalog/job-overrides';
import { jobDefinitionSchema } from '../jobs/job-definition';

const announced = jobDefinitionSchema.shape;

/** A job as `GET /api/jobs/{id}` shows it: as it runs, with an administrator's overrides applied, and the overrides themselves. */
export const jobViewSchema = z.object({
  id: announced.id,
  name: announced.name,
  description: announced.description,
  grouping: announced.grouping,
  module: announced.module,
  className: announced.className,
  /** False once the latest catalog announcement no longer has it. */
  installed: z.boolean(),
  enabled: z.boolean(),
  defaultQueue: z.string(),
  steps: announced.steps,
  timeouts: announced.timeouts,
  retry: announced.retry,
  concurrency: announced.concurrency,
  readOnly: announced.readOnly,
  /** Null for a read-only job, whose runs have no commit. */
  commitDefault: z.boolean().nullable(),
  variables: announced.variables,
  /** JSON Schema of the run data. */
  schema: announced.schema,
  overrides: jobOverridesSchema,
  links: z.object({ runs: z.string(), start: z.string() }),
});
export type JobView = z.infer<typeof jobViewSchema>;
