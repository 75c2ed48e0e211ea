import type { EventEnvelope } from '../events/envelope';
import type { CommandMeta } from '../commands/command-reply';
import type { JobDefinition } from '../jobs/job-definition';
import type { ConcurrencyRule, JobTimeouts } from '../jobs/job-policies';

/**
 * What an administrator changes about a job without touching its code. Overrides are kept apart from the
 * announced definition, so they survive every reload of the code until cleared.
 */
export interface JobOverrides {
  readonly name?: string;
  readonly grouping?: string;
  readonly description?: string;
  /** The queue a run goes to when its request names none. */
  readonly queue?: string;
  readonly timeouts?: JobTimeouts;
  /** `null` lifts the job's own concurrency rule. */
  readonly concurrency?: ConcurrencyRule | null;
  /** A disabled job cannot run; its schedules pause. */
  readonly enabled?: boolean;
}

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
export type JobOverridden = EventEnvelope<'catalog.job_overridden', { readonly jobId: string; readonly overrides: JobOverrides }>;

export interface OverrideJobCommand {
  readonly meta: CommandMeta;
  readonly jobId: string;
  /** null clears every override. */
  readonly overrides: JobOverrides | null;
}
