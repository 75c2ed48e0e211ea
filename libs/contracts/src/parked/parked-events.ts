import { z } from 'zod';
import { commandMetaSchema } from '../commands/command-reply';
import type { ErrorBody } from '../errors/error-codes';

/** One event a durable consumer gave up on, as `GET /api/parked-events` lists it. */
export interface ParkedEventView {
  /** Its sequence in the instance's parked stream: the id to replay it by. */
  readonly id: number;
  /** Where it came from: the stream, its subject and its sequence there, and the durable consumer that parked it. */
  readonly stream: string;
  readonly subject: string;
  readonly sequence: number;
  readonly consumer: string;
  /** The last error's message, and its code when it had one. */
  readonly reason: string;
  readonly errorCode: string | null;
  /** How often it was delivered before it was parked. */
  readonly deliveries: number;
  readonly parkedAt: string;
  /** The event's type and, for a run event, its run; null when the payload is not a readable event. */
  readonly eventType: string | null;
  readonly runId: string | null;
}

/** Replay one parked event (`id`), or every one (`all`). */
export const replayParkedCommandSchema = z.object({ meta: commandMetaSchema, id: z.number().optional(), all: z.boolean().optional() });
export type ReplayParkedCommand = z.infer<typeof replayParkedCommandSchema>;

export interface ReplayParkedResult {
  /** The ids applied and deleted from the parked stream. */
  readonly replayed: readonly number[];
  /** The ids that still fail, each with why; they stay parked. */
  readonly failed: ReadonlyArray<{ readonly id: number; readonly error: Pick<ErrorBody, 'code' | 'message'> }>;
}
