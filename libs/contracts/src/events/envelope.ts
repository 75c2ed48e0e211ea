/**
 * Every event on JetStream has this envelope. `id` is deterministic for anything an activity may retry,
 * so that JetStream's duplicate window and the projection's applied-event check both drop the repeat.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly version: 1;
  readonly occurredAt: string;
  readonly aggregateId: string;
  /** Order of this event among the events its producer wrote for the aggregate. */
  readonly sequence: number;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Who caused the event: a user name, or `system:<service>`. */
  readonly actor: string;
  readonly data: TData;
}

export const SYSTEM_ACTOR_PREFIX = 'system:';

/** Builds an envelope; `version` is fixed here so producers cannot disagree about it. */
export function newEvent<TType extends string, TData>(
  fields: Omit<EventEnvelope<TType, TData>, 'version' | 'causationId'> & { causationId?: string | null },
): EventEnvelope<TType, TData> {
  return { ...fields, version: 1, causationId: fields.causationId ?? null };
}
