import { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../errors/error-codes';

/** Every NATS command is answered, with a value or an error code: a caller never waits for a timeout to learn of a refusal. */
export type CommandReply<TValue> = { readonly ok: true; readonly value: TValue } | { readonly ok: false; readonly error: ErrorBody };

/** Who asked, and the id that ties the request to every event it causes. */
export const commandMetaSchema = z.object({ actor: z.string().min(1), correlationId: z.string() });
export type CommandMeta = z.infer<typeof commandMetaSchema>;

/**
 * A reply as it arrives: its value is checked by whoever knows the command, its error here. An error code this
 * version does not know (a newer service) still passes: codes are only ever added.
 */
export const commandReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.custom<ErrorCode>((value) => typeof value === 'string' && value !== '', { message: 'must be an error code' }),
      message: z.string(),
      fieldErrors: z.array(z.object({ field: z.string(), message: z.string() })).readonly().optional(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).readonly().optional(),
      correlationId: z.string().optional(),
    }),
  }),
]);
