import { Logger } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { ErrorCode, YardError, type IdempotencyRef } from '@yardmaster/contracts';
import { errorLogFields, IdempotencyStore, NATS_CONNECTION } from '@yardmaster/messaging';
import type { SchedulerConfig } from '../config';
import { SCHEDULER_CONFIG } from '../scheduler-config.token';

/** A claim older than this belongs to a request whose scheduler died: a repeat may take it over. */
const STALE_CLAIM_MS = 60_000;

/** The part of the store a keyed command needs: small enough to fake in a unit test. */
export type KeyStore = Pick<IdempotencyStore<object>, 'begin' | 'complete' | 'release'>;

/**
 * Answers a keyed command once: the first request is carried out and its answer remembered for 24 h; a repeat with
 * the same body gets that answer again (`replayed: true`), one with another body 422, one while the first is still
 * under way 409. A request that fails leaves no trace, so the client may try the same key again.
 */
export class KeyedCommands {
  private readonly logger = new Logger(KeyedCommands.name);
  private store: Promise<KeyStore> | null = null;

  /** The store opens at the first keyed command, so the scheduler starts whatever KV's state. */
  constructor(private readonly open: () => Promise<KeyStore>) {}

  async answerOnce<TAnswer extends object>(ref: IdempotencyRef, carryOut: () => Promise<TAnswer>): Promise<TAnswer & { replayed?: boolean }> {
    const store = await this.openStore();
    const beginning = await store.begin(ref);
    if (beginning.kind === 'replay') return { ...(beginning.answer as TAnswer), replayed: true };
    if (beginning.kind === 'reused') {
      throw new YardError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for a different request: use a new key for a new request');
    }
    if (beginning.kind === 'in-use') {
      throw new YardError(ErrorCode.IdempotencyKeyInUse, 'A request with this Idempotency-Key is still being answered: try again in a moment', undefined, {
        retryAfterSeconds: 1,
      });
    }
    let answer: TAnswer;
    try {
      answer = await carryOut();
    } catch (error) {
      await store.release(ref).catch((releaseError: unknown) => this.logger.warn({ idempotencyKey: ref.key, ...errorLogFields(releaseError) }, 'Could not release the idempotency key'));
      throw error;
    }
    // Not remembered (NATS went away): a repeat carries the command out again and meets the same run id.
    await store.complete(ref, answer).catch((completeError: unknown) => this.logger.warn({ idempotencyKey: ref.key, ...errorLogFields(completeError) }, 'Could not remember the idempotency key'));
    return answer;
  }

  private openStore(): Promise<KeyStore> {
    this.store ??= this.open().catch((error: unknown) => {
      this.store = null;
      throw error;
    });
    return this.store;
  }
}

export const keyedCommandsProvider = {
  provide: KeyedCommands,
  useFactory: (nc: NatsConnection, config: SchedulerConfig) =>
    new KeyedCommands(() => IdempotencyStore.open<object>(nc, config.shared.instance, STALE_CLAIM_MS)),
  inject: [NATS_CONNECTION, SCHEDULER_CONFIG],
};
