import type { JobTimeouts, RetryPolicyDefinition } from '@yardmaster/contracts';
import type { JobContext } from './context/job-context';
import type { JobData, VariableSet } from './variables/variable-builders';

export interface JobMeta {
  readonly name: string;
  readonly description?: string;
  /** Defaults to the module's grouping. */
  readonly grouping?: string;
  /** Defaults come from the scheduler's configuration (whole run: 1800 s, as netbox_facts' job_timeout). */
  readonly timeouts?: JobTimeouts;
  /** How steps are retried after an infrastructure fault (`InfrastructureFault`, a lost worker). */
  readonly retry?: Partial<RetryPolicyDefinition>;
  /**
   * `{ mode: 'singleton' }`: one live run at a time, a second request answers 409 naming the blocking run.
   * `{ mode: 'limit', maxRuns: N }`: at most N run at once, further runs wait in `queued`.
   * `keyVariables` applies the rule per value of those variables, e.g. `['device']`: one per device.
   */
  readonly concurrency?: { mode: 'singleton'; keyVariables?: readonly string[] } | { mode: 'limit'; maxRuns: number; keyVariables?: readonly string[] };
  /**
   * A job that only reads (a report, a check), as Nautobot's `read_only`: its runs have no commit flag and any
   * inventory write it attempts throws.
   */
  readonly readOnly?: boolean;
  /** The commit of a run whose request does not say; default true. False makes a dry run the default. */
  readonly commitDefault?: boolean;
}

/**
 * A job: subclass it, set `static meta` and `static variables`, and implement `run`.
 * Methods named `test_*` run after `run`, in the order they are declared; `post_run` runs last,
 * even when an earlier step threw.
 */
export abstract class Job<TVariables extends VariableSet = VariableSet> {
  static readonly meta: JobMeta;
  static readonly variables: VariableSet = {};

  /** Returns the run's result: anything JSON can carry. */
  abstract run(data: JobData<TVariables>, context: JobContext): unknown;

  post_run?(data: JobData<TVariables>, context: JobContext): unknown;
}

/** The constructor of a concrete job class, as modules export them. */
export interface JobClass {
  new (): Job;
  readonly name: string;
  readonly meta: JobMeta;
  readonly variables: VariableSet;
  readonly prototype: Job;
}

/** A module of jobs: one grouping, many jobs. */
export interface JobModule {
  /** Part of every job id in the module: lower-case, URL-safe. */
  readonly name: string;
  readonly grouping: string;
  readonly jobs: readonly JobClass[];
}
