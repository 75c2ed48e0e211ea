import { z } from 'zod';
import { eventSchema } from '../events/envelope';
import { commandMetaSchema } from '../commands/command-reply';
import { catalogAnnouncedSchema } from '../events/catalog-events';
import type { JobDefinition } from '../jobs/job-definition';
import { concurrencyRuleSchema, jobTimeoutsSchema } from '../jobs/job-policies';

/**
 * What an administrator changes about a job without touching its code. Overrides are kept apart from the
 * announced definition, so they survive every reload of the code until cleared.
 */
export const jobOverridesSchema = z.object({
  name: z.string().optional(),
  grouping: z.string().optional(),
  description: z.string().optional(),
  /** The queue a run goes to when its request names none. */
  queue: z.string().optional(),
  timeouts: jobTimeoutsSchema.optional(),
  /** `null` lifts the job's own concurrency rule. */
  concurrency: concurrencyRuleSchema.nullable().optional(),
  /** A disabled job cannot run; its schedules pause. */
  enabled: z.boolean().optional(),
});
export type JobOverrides = z.infer<typeof jobOverridesSchema>;

/** A job as it runs: its announced definition with the overrides applied. */
export interface EffectiveJob extends JobDefinition {
  readonly enabled: boolean;
  readonly defaultQueue: string;
  readonly overrides: JobOverrides;
}

export function applyOverrides(definition: JobDefinition, overrides: JobOverrides): EffectiveJob {
  return {
    ...definition,
    name: overrides.name ?? definition.name,
    grouping: overrides.grouping ?? definition.grouping,
    description: overrides.description ?? definition.description,
    timeouts: { ...definition.timeouts, ...overrides.timeouts },
    concurrency: overrides.concurrency === undefined ? definition.concurrency : overrides.concurrency,
    enabled: overrides.enabled ?? true,
    defaultQueue: overrides.queue ?? 'default',
    overrides,
  };
}

/** The whole set of overrides after a change; empty once cleared. The newest per job is the truth. */
export const jobOverriddenSchema = eventSchema('catalog.job_overridden', z.object({ jobId: z.string().min(1), overrides: jobOverridesSchema }));
export type JobOverridden = z.infer<typeof jobOverriddenSchema>;

/** Every event of the catalog stream. */
export const catalogEventSchema = z.discriminatedUnion('type', [catalogAnnouncedSchema, jobOverriddenSchema]);
export type CatalogEvent = z.infer<typeof catalogEventSchema>;

export const overrideJobCommandSchema = z.object({
  meta: commandMetaSchema,
  jobId: z.string(),
  /**
   * null clears every override. Otherwise the overrides as the administrator sent them: whether they fit the job
   * (its queues, its timeouts) only the scheduler can tell, and it answers each field (parseJobOverrides).
   */
  overrides: z.unknown(),
});
export type OverrideJobCommand = z.infer<typeof overrideJobCommandSchema>;
