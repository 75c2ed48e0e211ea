import { z } from 'zod';
import type { JsonObject, JsonValue } from '../json';

/**
 * JSON whose shape another contract owns (a run's `data`, a job's `result`): checked only for being JSON of the
 * right kind here, since a message that crossed NATS was decoded by JSON.parse and cannot hold anything else.
 */
export const jsonValueSchema = z.custom<JsonValue>((value) => value !== undefined, { message: 'must be a JSON value' });

export const jsonObjectSchema = z.custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: 'must be an object',
});

/** A list that its readers never change: typed readonly, as the interfaces it replaces were. */
export function readonlyArray<TItem extends z.ZodType>(item: TItem) {
  return z.array(item).readonly();
}

/** Any JSON at all: for a request whose responder checks it itself, with messages of its own. */
export const anyJsonSchema: z.ZodType<unknown> = z.unknown();
