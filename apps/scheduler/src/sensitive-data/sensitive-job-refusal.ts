import { ErrorCode, YardError, type EffectiveJob } from '@yardmaster/contracts';

/**
 * A schedule or a delayed start would have to keep the sensitive values until the run starts (in a Temporal
 * Schedule's action, or in a waiting workflow), so such a job only runs at once, with values given then.
 */
export function sensitiveJobNotSchedulable(job: EffectiveJob, sensitive: readonly string[], how: string): YardError {
  return new YardError(
    ErrorCode.SensitiveJobNotSchedulable,
    `Job ${job.id} has sensitive variables (${sensitive.join(', ')}) and cannot be ${how}; run it now instead`,
    undefined,
    { jobId: job.id, sensitiveVariables: sensitive.join(',') },
  );
}
