import { z } from 'zod';

/** One action a person took, as `GET /api/audit` lists it: who, what, on which target, and when. */
export const auditEntryViewSchema = z.object({
  /** The id of the event that recorded the action. */
  id: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  /** The event type, e.g. `run.requested`, or `schedule.<change>` for schedule changes. */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** One readable line, e.g. `cancelled run <id>`. */
  summary: z.string(),
  correlationId: z.string().nullable(),
  /** Facts of the action (never run data or secrets). */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;
