import { z } from 'zod';
import { commandMetaSchema } from '../commands/command-reply';
import { readonlyArray } from '../schemas/json-schemas';

/** One event a durable consumer gave up on, as `GET /api/parked-events` lists it. */
export const parkedEventViewSchema = z.object({
  /** Its sequence in the instance's parked stream: the id to replay it by. */
  id: z.number(),
  /** Where it came from: the stream, its subject and its sequence there, and the durable consumer that parked it. */
  stream: z.string(),
  subject: z.string(),
  sequence: z.number(),
  consumer: z.string(),
  /** The last error's message, and its code when it had one. */
  reason: z.string(),
  errorCode: z.string().nullable(),
  /** How often it was delivered before it was parked. */
  deliveries: z.number(),
  parkedAt: z.string(),
  /** The event's type and, for a run event, its run; null when the payload is not a readable event. */
  eventType: z.string().nullable(),
  runId: z.string().nullable(),
});
export type ParkedEventView = z.infer<typeof parkedEventViewSchema>;

/** `GET /api/parked-events`: the oldest parked events (at most 500) and how many there are in all. */
export const parkedEventListViewSchema = z.object({ items: readonlyArray(parkedEventViewSchema), total: z.number().int() });
export type ParkedEventListView = z.infer<typeof parkedEventListViewSchema>;

/** Replay one parked event (`id`), or every one (`all`). */
export const replayParkedCommandSchema = z.object({ meta: commandMetaSchema, id: z.number().optional(), all: z.boolean().optional() });
export type ReplayParkedCommand = z.infer<typeof replayParkedCommandSchema>;

/** What a replay did: `POST /api/parked-events/replay` and `/api/parked-events/{id}/replay` answer it. */
export const replayParkedResultSchema = z.object({
  /** The ids applied and deleted from the parked stream. */
  replayed: readonlyArray(z.number()),
  /** The ids that still fail, each with why; they stay parked. */
  failed: readonlyArray(z.object({ id: z.number(), error: z.object({ code: z.string(), message: z.string() }) })),
});
export type ReplayParkedResult = z.infer<typeof replayParkedResultSchema>;
