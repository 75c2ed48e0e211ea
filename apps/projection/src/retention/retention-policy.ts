import type { EnvReader } from '@yardmaster/config';

/** How long ended runs and audit entries are kept, in days; 0 keeps them for ever. */
export interface RetentionPolicy {
  readonly runDays: number;
  readonly auditDays: number;
}

/** NetBox's JOB_RETENTION default: 90 days. */
export const DEFAULT_RETENTION_DAYS = 90;
/** About a hundred years: a bigger number is a typo, not a policy. */
const MAX_RETENTION_DAYS = 36_500;
const DAY_MS = 24 * 60 * 60 * 1000;

export function readRetentionPolicy(env: EnvReader): RetentionPolicy {
  return {
    runDays: env.integer('YARD_RUN_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 0, MAX_RETENTION_DAYS),
    auditDays: env.integer('YARD_AUDIT_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 0, MAX_RETENTION_DAYS),
  };
}

/** What is older than the cutoff goes; null when retention is off (0 days). */
export function retentionCutoff(days: number, now: Date): Date | null {
  return days === 0 ? null : new Date(now.getTime() - days * DAY_MS);
}

/** The cutoffs one prune works to, taken once so that every batch and stream agrees. */
export interface RetentionCutoffs {
  readonly runs: Date | null;
  readonly audit: Date | null;
}

export function retentionCutoffs(policy: RetentionPolicy, now: Date): RetentionCutoffs {
  return { runs: retentionCutoff(policy.runDays, now), audit: retentionCutoff(policy.auditDays, now) };
}
