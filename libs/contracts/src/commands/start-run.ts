import { z } from 'zod';
import { actingPrincipalSchema } from '../auth/permissions';
import { commandMetaSchema } from './command-reply';
import { RUN_STATUSES } from '../runs/run-status';
import { idempotencyRefSchema } from '../idempotency/idempotency';
import { jsonObjectSchema, readonlyArray } from '../schemas/json-schemas';

export const startRunCommandSchema = z.object({
  meta: commandMetaSchema,
  jobId: z.string(),
  /** The job's variables check it (validate-run-data): here it only has to be an object. */
  data: jsonObjectSchema,
  /** Omitted: the job's default. */
  commit: z.boolean().optional(),
  queue: z.string().optional(),
  /** May lower the job's whole-run timeout, never raise it. */
  runTimeoutSeconds: z.number().optional(),
  /** Set when a schedule asks for the run. */
  scheduleId: z.string().optional(),
  /** A future start: the run waits `scheduled` until then. */
  startAt: z.string().optional(),
  /** The files the API stored for this request: the only ones its file variables may refer to. */
  uploadedFileIds: readonlyArray(z.string()).optional(),
  /**
   * The user the run acts as (`run_as`): set by the API only for an administrator's request, and by a schedule
   * for its owner. Absent: the run acts as `meta.actor`.
   */
  runAs: z.string().optional(),
  /**
   * What the acting user may do, as the API authenticated them (of the run-as user, or of the requester). Absent
   * from a schedule's request: the scheduler asks the API for the owner's current one.
   */
  actingPrincipal: actingPrincipalSchema.optional(),
  /**
   * A keyed request (the client's `Idempotency-Key`, or a schedule's firing): its run id follows from the key, and a
   * repeat is answered with the same run instead of starting another.
   */
  idempotency: idempotencyRefSchema.optional(),
});
export type StartRunCommand = z.infer<typeof startRunCommandSchema>;

/** The scheduler's answer to a start, which the API passes on (with links) as `POST /api/jobs/{jobId}/runs` answers. */
export const startRunAcceptedSchema = z.object({
  runId: z.string(),
  jobId: z.string(),
  workflowId: z.string(),
  status: z.enum(RUN_STATUSES),
  data: jsonObjectSchema,
  /** Null for a read-only job. */
  commit: z.boolean().nullable(),
  queue: z.string(),
  requestedBy: z.string(),
  /** Who the run acts as: `requestedBy` unless an administrator or a schedule's owner said otherwise. */
  runAs: z.string(),
  requestedAt: z.string(),
  runTimeoutSeconds: z.number(),
  /** True when this is the answer to an earlier request with the same idempotency key, given again. */
  replayed: z.boolean().optional(),
  /** What the client should know although the run was accepted, e.g. that no collector serves its queue. */
  warnings: readonlyArray(z.string()).optional(),
});
export type StartRunAccepted = z.infer<typeof startRunAcceptedSchema>;
