/** One action a person took, as `GET /api/audit` lists it: who, what, on which target, and when. */
export interface AuditEntryView {
  /** The id of the event that recorded the action. */
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  /** The event type, e.g. `run.requested`, or `schedule.<change>` for schedule changes. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** One readable line, e.g. `cancelled run <id>`. */
  readonly summary: string;
  readonly correlationId: string | null;
  /** Facts of the action (never run data or secrets). */
  readonly details: Record<string, unknown>;
}
