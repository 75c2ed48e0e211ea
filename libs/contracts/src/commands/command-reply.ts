import type { ErrorBody } from '../errors/error-codes';

/** Every NATS command is answered, with a value or an error code: a caller never waits for a timeout to learn of a refusal. */
export type CommandReply<TValue> = { readonly ok: true; readonly value: TValue } | { readonly ok: false; readonly error: ErrorBody };

/** Who asked, and the id that ties the request to every event it causes. */
export interface CommandMeta {
  readonly actor: string;
  readonly correlationId: string;
}
