import { createHash } from 'node:crypto';
import {
  OVERLAP_POLICIES,
  PRIORITY_QUEUES,
  type FieldError,
  type JobDefinition,
  type OverlapPolicy,
  type ScheduleDefinition,
  type ScheduleRequest,
  type ScheduleTiming,
} from '@yardmaster/contracts';
import { fileVariablesOf, validateRunData } from '@yardmaster/job-sdk';
import type { SchedulerConfig } from '../config';
import { runLimitsFor } from '../start-run/run-limits';

const MINIMUM_CATCHUP_SECONDS = 10;
const CRON_FIELDS = 5;

/** A schedule's id follows from its key: the same key always names the same schedule. */
export function scheduleIdForKey(key: string): string {
  return `sch-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

/**
 * Turns a request into a schedule definition, or collects one error per bad field. Time is the
 * scheduler's: `now` is its clock, so a start time in the past is refused whatever the client believes.
 * `owner` is whom the runs act as (the API has checked who may name whom); none for a schedule from before owners.
 */
export function parseScheduleRequest(
  request: ScheduleRequest,
  job: JobDefinition,
  config: SchedulerConfig,
  now: Date,
  owner?: string,
): { definition: ScheduleDefinition; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const validation = validateRunData(job.variables, request.data ?? {});
  if (!validation.ok) errors.push(...validation.errors);
  // An upload is kept only for the run it came with: a schedule's later runs would have no file.
  for (const variable of fileVariablesOf(job.variables)) {
    if (validation.ok && validation.data[variable.name] !== undefined) {
      errors.push({ field: `data.${variable.name}`, message: 'cannot be scheduled: an uploaded file is kept only for the one run it was sent with' });
    }
  }
  const queue = request.queue ?? 'default';
  const queues = [...PRIORITY_QUEUES, ...config.customQueues];
  if (!queues.includes(queue)) errors.push({ field: 'queue', message: `must be one of ${queues.join(', ')}` });
  runLimitsFor(job, config, request.runTimeoutSeconds, errors);

  const timing = parseTiming(request, now, errors);
  const startAt = parseInstant(request.startAt, 'startAt', errors);
  const endAt = parseInstant(request.endAt, 'endAt', errors);
  if (endAt && endAt <= now) errors.push({ field: 'endAt', message: 'must be in the future' });
  if (startAt && endAt && endAt <= startAt) errors.push({ field: 'endAt', message: 'must be after startAt' });
  const overlap = (request.overlap ?? 'skip') as OverlapPolicy;
  if (!OVERLAP_POLICIES.includes(overlap)) errors.push({ field: 'overlap', message: `must be one of ${OVERLAP_POLICIES.join(', ')}` });
  const catchupWindowSeconds = request.catchupWindowSeconds ?? defaultCatchupWindow(timing);
  if (!Number.isInteger(catchupWindowSeconds) || catchupWindowSeconds < MINIMUM_CATCHUP_SECONDS) {
    errors.push({ field: 'catchupWindowSeconds', message: `must be a whole number of seconds, at least ${MINIMUM_CATCHUP_SECONDS}` });
  }
  if (request.key !== undefined && (typeof request.key !== 'string' || request.key.trim() === '' || request.key.length > 200)) {
    errors.push({ field: 'key', message: 'must be a non-empty string of at most 200 characters' });
  }
  const key = request.key ?? (request.instance ? `${job.id}/${request.instance}` : job.id);

  return {
    errors,
    definition: {
      key,
      jobId: job.id,
      data: validation.ok ? validation.data : {},
      commit: scheduleCommitOf(job, request.commit, errors),
      queue,
      runTimeoutSeconds: request.runTimeoutSeconds ?? null,
      timing,
      startAt: startAt?.toISOString() ?? null,
      endAt: endAt?.toISOString() ?? null,
      overlap,
      catchupWindowSeconds,
      ...(owner === undefined ? {} : { owner }),
    },
  };
}

function parseTiming(request: ScheduleRequest, now: Date, errors: FieldError[]): ScheduleTiming {
  const given = (['at', 'intervalMinutes', 'cron'] as const).filter((field) => request[field] !== undefined);
  if (given.length !== 1) {
    errors.push({ field: 'timing', message: 'give exactly one of at, intervalMinutes or cron' });
    return { kind: 'interval', everyMinutes: 60 };
  }
  if (request.at !== undefined) {
    const at = parseInstant(request.at, 'at', errors);
    if (at && at <= now) errors.push({ field: 'at', message: `must be in the future (the scheduler's clock reads ${now.toISOString()})` });
    return { kind: 'at', at: (at ?? now).toISOString() };
  }
  if (request.intervalMinutes !== undefined) {
    const minutes = request.intervalMinutes;
    if (!Number.isInteger(minutes) || minutes < 1) errors.push({ field: 'intervalMinutes', message: 'must be a whole number of minutes, at least 1' });
    return { kind: 'interval', everyMinutes: minutes };
  }
  const cron = String(request.cron).trim().replace(/\s+/g, ' ');
  if (cron.split(' ').length !== CRON_FIELDS) errors.push({ field: 'cron', message: 'must have 5 fields: minute hour day-of-month month day-of-week' });
  const timezone = request.timezone ?? 'UTC';
  if (!isTimeZone(timezone)) errors.push({ field: 'timezone', message: 'must be an IANA time zone such as Europe/Paris or UTC' });
  return { kind: 'cron', cron, timezone };
}

function parseInstant(value: string | undefined, field: string, errors: FieldError[]): Date | null {
  if (value === undefined) return null;
  const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    errors.push({ field, message: 'must be an ISO 8601 date and time, e.g. 2026-12-01T06:00:00Z' });
    return null;
  }
  return at;
}

function defaultCatchupWindow(timing: ScheduleTiming): number {
  // One interval, as a missed run older than that has been overtaken by the next one anyway.
  if (timing.kind === 'interval' && Number.isInteger(timing.everyMinutes) && timing.everyMinutes >= 1) return timing.everyMinutes * 60;
  return 60;
}

function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** As for a run: the job's default unless the request says; a read-only job's runs have no commit. */
function scheduleCommitOf(job: JobDefinition, requested: boolean | undefined, errors: FieldError[]): boolean | null {
  if (!job.readOnly) return requested ?? job.commitDefault ?? true;
  if (requested !== undefined) errors.push({ field: 'commit', message: `must be left out: ${job.id} is read-only, it changes nothing, so its runs have no commit` });
  return null;
}
