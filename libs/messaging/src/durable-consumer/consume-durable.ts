import { jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { errorLogFields } from '../service-chassis/log-fields';
import { ensureDurableConsumer } from './ensure-durable-consumer';
import { DurableWorker, type Arrival, type DurableWorkerOptions } from './durable-worker';
import { takeBatch, type BatchLimits } from './take-batch';
import type { DurableConsumerSpec } from './stream-message';

/** Messages pulled at a time when each is handled alone. */
const PULL_SIZE = 32;
/** Messages pulled at a time, and the most applied in one batch, when the consumer has a batch handler. */
const BATCH_PULL_SIZE = 500;
/** The most message data applied in one batch: about 2,700 log lines (ten `run.log_batch` messages), or 500 small events. */
const BATCH_MAX_BYTES = 512 * 1024;
/**
 * The most message data read ahead while batches are applied: four batches' worth. Past it the consumer stops taking
 * messages from the client until the waiting ones are applied, so that under a burst of large messages (log batches
 * of 64 KiB) the projection holds a few MiB of them, not the up to 1,000 its `max_ack_pending` lets the server send.
 */
const MAX_WAITING_BYTES = 4 * BATCH_MAX_BYTES;

export type ConsumeDurableOptions<TEvent> = DurableWorkerOptions<TEvent>;

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Delivers a durable consumer's messages to its worker (see DurableWorker): one at a time, or, with a batch
 * handler, every message that arrived while the previous batch was applied (up to BATCH_PULL_SIZE, and BATCH_MAX_BYTES) at once. Memory
 * stays bounded: the server hands out at most the consumer's `max_ack_pending` messages before some are acked.
 */
export async function consumeDurable<TEvent>(nc: NatsConnection, spec: DurableConsumerSpec, options: ConsumeDurableOptions<TEvent>): Promise<RunningConsumer> {
  await ensureDurableConsumer(nc, spec);
  const consumer = await jetstream(nc).consumers.get(spec.stream, spec.durableName);
  const limits: BatchLimits = options.handleBatch ? { maxMessages: BATCH_PULL_SIZE, maxBytes: BATCH_MAX_BYTES } : { maxMessages: 1, maxBytes: 0 };
  // By messages: pulling by bytes (max_bytes) instead stalled batched-apply.int-spec.ts for 30 s and more, not understood.
  const messages: ConsumerMessages = await consumer.consume({ max_messages: options.handleBatch ? BATCH_PULL_SIZE : PULL_SIZE });
  const worker = new DurableWorker(nc, spec, options);
  const waiting: Array<Arrival<TEvent>> = [];
  let waitingBytes = 0;
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    try {
      while (waiting.length > 0) {
        const batch = takeBatch(waiting, limits);
        for (const arrival of batch) waitingBytes -= arrival.msg.data.length;
        await worker.deliverAll(batch);
      }
    } catch (error) {
      // Not acked, so redelivered once ack_wait passes: nothing is lost, and the consumer goes on.
      options.log.error({ consumer: spec.durableName, stream: spec.stream, ...errorLogFields(error) }, 'Events could not be handled: redelivered later');
    } finally {
      draining = null;
    }
  }

  const loop = (async () => {
    for await (const msg of messages) {
      waiting.push(worker.accept(msg));
      waitingBytes += msg.data.length;
      // Started on the next turn of the event loop, so that every message already received joins the first batch.
      draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
      // Only batches wait for more: a consumer without one handles each message before it takes the next; one with
      // batches reads ahead while they are applied, up to MAX_WAITING_BYTES.
      if (!options.handleBatch || waitingBytes >= MAX_WAITING_BYTES) await draining;
    }
  })();
  return {
    async stop() {
      worker.stop();
      await messages.close();
      await loop;
      await draining;
      worker.releaseAll(waiting.splice(0));
    },
  };
}
