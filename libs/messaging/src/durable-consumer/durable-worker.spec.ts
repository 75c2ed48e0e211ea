import type { JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { anyEventSchema, newEvent, type EventEnvelope } from '@yardmaster/contracts';
import { encodeJson } from '../json-codec';
import { DurableWorker } from './durable-worker';
import type { StreamMessage } from './stream-message';

/** What the worker touches of a JetStream message; acks and naks are recorded. */
function fakeMsg(subject: string, data: Uint8Array, seq: number, redelivered = false) {
  const calls: string[] = [];
  const msg = { subject, data, seq, redelivered, headers: undefined, ack: () => calls.push('ack'), nak: () => calls.push('nak'), working: () => calls.push('working') };
  return { msg: msg as unknown as JsMsg, calls };
}

function event(id: string): EventEnvelope {
  return newEvent({ id, type: 'run.log', occurredAt: new Date().toISOString(), aggregateId: 'run-1', sequence: 1, correlationId: 'c', actor: 'system:test', data: {} });
}

function worker(batches: string[][]) {
  return new DurableWorker<EventEnvelope>({} as NatsConnection, { stream: 'RUNS', durableName: 'test', filterSubject: 'x.>' }, {
    contract: anyEventSchema,
    ignores: (subject) => subject.endsWith('.progress'),
    handle: async () => undefined,
    handleBatch: async (messages: ReadonlyArray<StreamMessage<EventEnvelope>>) => void batches.push(messages.map((message) => message.event.id)),
    redelivery: { maxDeliveries: 3, firstDelayMs: 10, maxDelayMs: 10 },
    parkSubject: 'parked',
    log: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

describe('DurableWorker.accept', () => {
  it('reads an event on arrival with its stream position, and neither acks nor applies it yet', () => {
    const { msg, calls } = fakeMsg('x.run.1.log', encodeJson(event('e1')), 42, true);
    const arrival = worker([]).accept(msg);
    expect(arrival).toMatchObject({ message: { event: { id: 'e1' }, subject: 'x.run.1.log', stream: 'RUNS', streamSequence: 42, redelivered: true } });
    expect(calls).toEqual([]);
  });

  it('keeps the reason a message cannot be read, for the batch to park it in its turn', () => {
    const { msg } = fakeMsg('x.run.1.log', new TextEncoder().encode('not json'), 1);
    expect(worker([]).accept(msg)).toMatchObject({ msg, unreadable: expect.any(Error) });
  });

  it('marks a message the consumer ignores without reading it, and acks it only with its batch', async () => {
    const batches: string[][] = [];
    const subject = worker(batches);
    const ignored = fakeMsg('x.run.1.progress', new TextEncoder().encode('never decoded'), 1);
    const first = fakeMsg('x.run.1.log', encodeJson(event('e1')), 2);
    const second = fakeMsg('x.run.1.log', encodeJson(event('e2')), 3);
    const arrivals = [subject.accept(ignored.msg), subject.accept(first.msg), subject.accept(second.msg)];
    expect(arrivals[0]).toEqual({ msg: ignored.msg, ignored: true });
    expect(ignored.calls).toEqual([]);

    await subject.deliverAll(arrivals);
    expect(batches).toEqual([['e1', 'e2']]);
    expect([ignored.calls, first.calls, second.calls]).toEqual([['ack'], ['ack'], ['ack']]);
  });
});
