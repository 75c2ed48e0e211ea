import { z } from 'zod';
import { currentEventVersion } from '../event-contract/upcasters';

/**
 * Every event on JetStream has this envelope. `id` is deterministic for anything an activity may retry,
 * so that JetStream's duplicate window and the projection's applied-event check both drop the repeat.
 */
const envelopeShape = {
  id: z.string().min(1),
  /** The schema version of the event's type (event-contract/upcasters.ts): older versions are upcast before reading. */
  version: z.number().int().min(1),
  occurredAt: z.string(),
  aggregateId: z.string(),
  /** Order of this event among the events its producer wrote for the aggregate. */
  sequence: z.number().int(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
  /** Who caused the event: a user name, or `system:<service>`. */
  actor: z.string(),
};

/**
 * The schema of one event type: the envelope with its `type`, its `data` and its version fixed. The version is the
 * one this build writes (`currentEventVersion`): a reader upcasts an older event first (`upcastEvent`).
 */
export function eventSchema<TType extends string, TData extends z.ZodType>(type: TType, data: TData) {
  return z.object({ ...envelopeShape, version: z.literal(currentEventVersion(type)), type: z.literal(type), data });
}

/** Any event, its type and data unread: what a reader that only routes events needs. */
export const anyEventSchema = z.object({ ...envelopeShape, type: z.string().min(1), data: z.unknown() });

export type EventEnvelope<TType extends string = string, TData = unknown> = Readonly<Omit<z.infer<typeof anyEventSchema>, 'type' | 'data'>> & {
  readonly type: TType;
  readonly data: TData;
};

export const SYSTEM_ACTOR_PREFIX = 'system:';

/** Builds an envelope; `version` (the type's current schema version) is set here so producers cannot disagree about it. */
export function newEvent<TType extends string, TData>(
  fields: Omit<EventEnvelope<TType, TData>, 'version' | 'causationId'> & { causationId?: string | null },
): EventEnvelope<TType, TData> {
  return { ...fields, version: currentEventVersion(fields.type), causationId: fields.causationId ?? null };
}
