import { z } from 'zod';
import type { JsonObject, JsonValue } from '../json';

/**
 * JSON whose shape another contract owns (a run's `data`, a job's `result`): checked only for being JSON of the
 * right kind here, since a message that crossed NATS was decoded by JSON.parse and cannot hold anything else.
 */
export const jsonValueSchema = z.custom<JsonValue>((value) => value !== undefined, { message: 'must be a JSON value' });

export const jsonObjectSchema = jsonObjectOf('must be an object');

/** An object of any JSON, refused with `message`; the OpenAPI document calls it an object. */
export function jsonObjectOf(message: string) {
  return z
    .custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { error: message })
    .meta({ type: 'object', additionalProperties: true });
}

/** A list that its readers never change: typed readonly, as the interfaces it replaces were. */
export function readonlyArray<TItem extends z.ZodType>(item: TItem) {
  return z.array(item).readonly();
}

/** Any JSON at all: for a request whose responder checks it itself, with messages of its own. */
export const anyJsonSchema: z.ZodType<unknown> = z.unknown();
