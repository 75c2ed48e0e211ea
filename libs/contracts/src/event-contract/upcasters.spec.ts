import { z } from 'zod';
import { eventSchema, newEvent } from '../events/envelope';
import { currentEventVersion, readEvent, upcastEvent, UPCASTERS, type Upcaster } from './upcasters';

// A change of shape as a later version would ship it: run.cancel_requested's `by` became `requestedBy` (version 2),
// then gained a `reason` (version 3). Only this test knows these versions; the build's registry has none yet.
const renamedBy: Upcaster = {
  type: 'run.cancel_requested',
  fromVersion: 1,
  upcast: (event) => {
    const { by, ...rest } = event.data as { by: string };
    return { ...event, data: { ...rest, requestedBy: by } };
  },
};
const addedReason: Upcaster = { type: 'run.cancel_requested', fromVersion: 2, upcast: (event) => ({ ...event, data: { ...(event.data as object), reason: null } }) };
const LATER = [addedReason, renamedBy];

const v1 = { id: 'e1', version: 1, type: 'run.cancel_requested', occurredAt: '2026-12-02T00:00:00.000Z', aggregateId: 'r1', sequence: 1, correlationId: 'c1', causationId: null, actor: 'alice', data: { by: 'alice' } };

describe('upcasting', () => {
  it('writes version 1 of every type while no upcaster exists', () => {
    expect(UPCASTERS).toEqual([]);
    expect(currentEventVersion('run.completed')).toBe(1);
    expect(newEvent({ id: 'x', type: 'run.completed', occurredAt: '', aggregateId: 'r', sequence: 1, correlationId: 'c', actor: 'a', data: {} }).version).toBe(1);
  });

  it('counts a type’s version from its upcasters, whatever their order in the list', () => {
    expect(currentEventVersion('run.cancel_requested', LATER)).toBe(3);
    expect(currentEventVersion('run.completed', LATER)).toBe(1);
  });

  it('brings an old event to the current version one step at a time, keeping its envelope', () => {
    expect(upcastEvent(v1, LATER)).toEqual({ ...v1, version: 3, data: { requestedBy: 'alice', reason: null } });
    expect(upcastEvent({ ...v1, version: 2, data: { requestedBy: 'bob' } }, LATER)).toEqual({ ...v1, version: 3, data: { requestedBy: 'bob', reason: null } });
  });

  it('leaves alone what it cannot or need not upcast: the current version, other types, a newer version, not an event', () => {
    const current = { ...v1, version: 3, data: { requestedBy: 'alice', reason: 'done' } };
    expect(upcastEvent(current, LATER)).toBe(current);
    expect(upcastEvent({ ...v1, type: 'run.completed', data: { result: null } }, LATER)).toEqual({ ...v1, type: 'run.completed', data: { result: null } });
    expect(upcastEvent({ ...v1, version: 9 }, LATER)).toEqual({ ...v1, version: 9 });
    for (const other of [null, 'text', 42, { type: 'run.completed' }]) expect(upcastEvent(other, LATER)).toBe(other);
  });

  it('reads with the current schema after upcasting, and refuses a version newer than this build by name', () => {
    const schema = eventSchema('run.cancel_requested', z.object({ by: z.string() }));
    expect(readEvent(schema, v1, 'Event e1')).toEqual(v1);
    expect(() => readEvent(schema, { ...v1, version: 2 }, 'Event e1')).toThrow(/Event e1 does not match its contract: version/);
  });
});
