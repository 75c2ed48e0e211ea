import type { JsonObject } from '../json';
import type { ConcurrencyRule, JobTimeouts, RetryPolicyDefinition } from './job-policies';
import type { NamedVariableDefinition } from './variable-definition';

/** What a collector announces about one job it hosts. */
export interface JobDefinition {
  /** Stable and URL-safe: `<module>.<ClassName>`. */
  readonly id: string;
  readonly module: string;
  readonly className: string;
  readonly name: string;
  readonly description: string;
  readonly grouping: string;
  readonly variables: readonly NamedVariableDefinition[];
  /** JSON Schema of the run data, derived from `variables`. */
  readonly schema: JsonObject;
  /** Steps in execution order: `run`, each `test_*`, then `post_run` when the job has one. */
  readonly steps: readonly string[];
  readonly timeouts: JobTimeouts;
  readonly retry: RetryPolicyDefinition;
  readonly concurrency: ConcurrencyRule | null;
  /** A read-only job changes nothing: its runs have no commit (null) and its inventory writes throw. */
  readonly readOnly: boolean;
  /** The commit of a run that does not say: false makes dry runs the default, as Nautobot's `dryrun_default`. */
  readonly commitDefault: boolean;
}

const JOB_ID_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

export function isValidJobId(jobId: string): boolean {
  return JOB_ID_PATTERN.test(jobId);
}
