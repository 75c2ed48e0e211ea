import type { FieldError, JobDefinition } from '@yardmaster/contracts';
import type { SchedulerConfig } from '../config';

export interface RunLimits {
  readonly runTimeoutSeconds: number;
  readonly stepTimeoutSeconds: number;
}

/** The job's timeouts, or the configured defaults; a request may lower the whole-run timeout, never raise it. */
export function runLimitsFor(job: JobDefinition, config: SchedulerConfig, requested: number | undefined, errors: FieldError[]): RunLimits {
  const ceiling = job.timeouts.runTimeoutSeconds ?? config.runTimeoutSeconds;
  let runTimeoutSeconds = ceiling;
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1 || requested > ceiling) {
      errors.push({ field: 'runTimeoutSeconds', message: `must be a whole number of seconds from 1 to ${ceiling}, the job's timeout` });
    } else {
      runTimeoutSeconds = requested;
    }
  }
  return { runTimeoutSeconds, stepTimeoutSeconds: job.timeouts.stepTimeoutSeconds ?? config.stepTimeoutSeconds };
}
