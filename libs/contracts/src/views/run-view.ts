import { z } from 'zod';
import { runErrorInfoSchema, runLogDataSchema, runProgressDataSchema, runStepStartedDataSchema } from '../events/run-events';
import { RUN_STATUSES } from '../runs/run-status';
import { jsonObjectSchema, jsonValueSchema } from '../schemas/json-schemas';

/** The latest attempt of one step, as `run.step_started` reported it. */
export const runStepViewSchema = runStepStartedDataSchema.pick({ worker: true, attempt: true, maxAttempts: true }).extend({
  /** ISO 8601: when the attempt started (the event's `occurredAt`). */
  startedAt: z.string(),
});
export type RunStepView = z.infer<typeof runStepViewSchema>;

/**
 * A run as `GET /api/runs/{id}` shows it. Fields the read model learns from `run.requested` are null while that
 * event is late (a run seen first through its `run.started`), and `commit` is null for a read-only job.
 */
export const runViewSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  jobName: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  data: jsonObjectSchema.nullable(),
  commit: z.boolean().nullable(),
  queue: z.string().nullable(),
  requestedBy: z.string().nullable(),
  /** Who the run acts as (`run_as`, a schedule's owner); null for runs from before it, which act as their requester. */
  runAs: z.string().nullable(),
  /** The schedule that started the run; null for a run someone asked for. */
  scheduleId: z.string().nullable(),
  attempt: z.number().int(),
  result: jsonValueSchema.nullable(),
  error: runErrorInfoSchema.nullable(),
  failureCount: z.number().int(),
  /** Per step: the worker that ran its latest attempt, the attempt, and when it started. */
  steps: z.record(z.string(), runStepViewSchema),
  progress: runProgressDataSchema.nullable(),
  cancelRequestedBy: z.string().nullable(),
  cancelRequestedAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  workflowId: z.string(),
  temporalUrl: z.string(),
  links: z.object({ self: z.string(), logs: z.string() }),
});
export type RunView = z.infer<typeof runViewSchema>;

/** One log entry of a run (`GET /api/runs/{id}/logs`): its `run.log` event's data; `position` orders them. */
export const logEntryViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  ...runLogDataSchema.shape,
});
export type LogEntryView = z.infer<typeof logEntryViewSchema>;
