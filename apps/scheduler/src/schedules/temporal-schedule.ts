import { MONTHS, ScheduleOverlapPolicy, type ScheduleDescription, type ScheduleOptions, type ScheduleSpec } from '@temporalio/client';
import { defineSearchAttributeKey } from '@temporalio/common';
import {
  SCHEDULED_RUN_WORKFLOW_TYPE,
  SEARCH_ATTRIBUTE_NAMES,
  taskQueueOfRun,
  temporalScheduleIdFor,
  type OverlapPolicy,
  type ScheduleDefinition,
  type ScheduledRunRequest,
  type ScheduleSnapshot,
} from '@yardmaster/contracts';

const JOB_ID_KEY = defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.jobId, 'KEYWORD');

const OVERLAP: Record<OverlapPolicy, ScheduleOverlapPolicy> = {
  skip: ScheduleOverlapPolicy.SKIP,
  buffer_one: ScheduleOverlapPolicy.BUFFER_ONE,
  allow_all: ScheduleOverlapPolicy.ALLOW_ALL,
};

/**
 * The Temporal Schedule for a definition. The definition rides in the action's argument (which, unlike the
 * memo, an update can change), so a later request can be compared with it exactly.
 */
export function temporalScheduleOptions(instance: string, scheduleId: string, definition: ScheduleDefinition): ScheduleOptions {
  const request: ScheduledRunRequest = { scheduleId, definition };
  const temporalId = temporalScheduleIdFor(instance, scheduleId);
  return {
    scheduleId: temporalId,
    spec: specOf(definition),
    action: {
      type: 'startWorkflow',
      workflowType: SCHEDULED_RUN_WORKFLOW_TYPE,
      workflowId: `${temporalId}-fire`,
      taskQueue: taskQueueOfRun(instance, definition.queue),
      args: [request],
      staticSummary: `Schedule ${definition.key}: a run of ${definition.jobId}`,
      // Firings are found by job like runs are (YardJobId = '…' in the Web UI).
      typedSearchAttributes: [{ key: JOB_ID_KEY, value: definition.jobId }],
    },
    // The Web UI's schedule list shows neither the action's arguments nor its summary: the job and key show here.
    memo: { job: definition.jobId, key: definition.key },
    typedSearchAttributes: [{ key: JOB_ID_KEY, value: definition.jobId }],
    policies: { overlap: OVERLAP[definition.overlap], catchupWindow: `${definition.catchupWindowSeconds}s`, pauseOnFailure: false },
    state: definition.timing.kind === 'at' ? { remainingActions: 1 } : {},
  };
}

function specOf(definition: ScheduleDefinition): ScheduleSpec {
  const bounds = {
    ...(definition.startAt ? { startAt: new Date(definition.startAt) } : {}),
    ...(definition.endAt ? { endAt: new Date(definition.endAt) } : {}),
  };
  const { timing } = definition;
  switch (timing.kind) {
    case 'interval':
      return { ...bounds, intervals: [{ every: `${timing.everyMinutes}m` }] };
    case 'cron':
      return { ...bounds, cronExpressions: [timing.cron], timezone: timing.timezone };
    case 'at': {
      const at = new Date(timing.at);
      return {
        ...bounds,
        calendars: [
          {
            year: at.getUTCFullYear(),
            month: MONTHS[at.getUTCMonth()],
            dayOfMonth: at.getUTCDate(),
            hour: at.getUTCHours(),
            minute: at.getUTCMinutes(),
            second: at.getUTCSeconds(),
          },
        ],
      };
    }
  }
}

/** The schedule's current definition, from its action's argument. */
export function definitionOf(description: ScheduleDescription): ScheduleDefinition | null {
  const action = description.action;
  if (action.type !== 'startWorkflow') return null;
  return (action.args?.[0] as ScheduledRunRequest | undefined)?.definition ?? null;
}

export function snapshotOf(scheduleId: string, description: ScheduleDescription, deleted = false): ScheduleSnapshot {
  const definition = definitionOf(description);
  if (!definition) throw new Error(`Schedule ${scheduleId} has no definition in its action`);
  return {
    scheduleId,
    definition,
    state: description.state.paused ? 'paused' : 'active',
    pausedReason: description.state.paused ? (description.state.note ?? null) : null,
    nextRunTimes: description.state.paused ? [] : description.info.nextActionTimes.map((time) => time.toISOString()),
    deleted,
    observedAt: new Date().toISOString(),
  };
}

/** Same schedule, same spec: a repeated create changes nothing. */
export function sameDefinition(a: ScheduleDefinition, b: ScheduleDefinition): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
