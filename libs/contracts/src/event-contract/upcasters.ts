/**
 * How an event written by an older version of Yardmaster is read by this one. Every event carries its type's schema
 * version (`version`, from 1). Changing the shape of an event type means: its schema (libs/contracts/src/events)
 * takes the new shape and `eventSchema(type, data, version)` the next version, and an upcaster goes here that turns
 * an event of the old version into the new shape. Readers (the projection's durable consumers, the stream readers)
 * pass every event through `upcastEvent` before checking it against its schema, so streams written before the change
 * are still read, replayed and rebuilt from. `recorded/events-v1.jsonl` is a stream written by version 1 of every type;
 * its test reads it through the upcasters and the current schemas, so a shape change without its upcaster fails it.
 */

import { parseContract, type Contract } from '../schemas/parse-contract';

/** An event as stored, before it is checked: what an upcaster reads and writes. */
export interface StoredEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly [field: string]: unknown;
}

/** One step: an event of `type` written at `fromVersion` becomes the shape of `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(event: StoredEvent): StoredEvent;
}

/** Every upcaster, oldest first. None yet: every event type is at version 1. */
export const UPCASTERS: readonly Upcaster[] = [];

/** The version this build writes for an event type: one past the last upcaster of that type, 1 without any. */
export function currentEventVersion(type: string, upcasters: readonly Upcaster[] = UPCASTERS): number {
  return upcasters.filter((upcaster) => upcaster.type === type).reduce((version, upcaster) => Math.max(version, upcaster.fromVersion + 1), 1);
}

/**
 * The event brought to its type's current version, one upcaster at a time. Anything that is not an event of a known
 * older version (a newer version this build cannot read, an unknown type, not an object at all) comes back as it is,
 * for its schema to accept or refuse by name.
 */
export function upcastEvent(raw: unknown, upcasters: readonly Upcaster[] = UPCASTERS): unknown {
  if (!isStoredEvent(raw)) return raw;
  let event = raw;
  for (;;) {
    const current = event;
    const next = upcasters.find((upcaster) => upcaster.type === current.type && upcaster.fromVersion === current.version);
    if (!next) return event;
    event = { ...next.upcast(event), version: event.version + 1 };
  }
}

function isStoredEvent(raw: unknown): raw is StoredEvent {
  if (typeof raw !== 'object' || raw === null) return false;
  const { type, version } = raw as { type?: unknown; version?: unknown };
  return typeof type === 'string' && typeof version === 'number' && Number.isInteger(version);
}

/** A stored event read as this build reads events: upcast to its type's current version, then checked against `contract`. */
export function readEvent<TEvent>(contract: Contract<TEvent>, raw: unknown, what: string): TEvent {
  return parseContract(contract, upcastEvent(raw), what);
}
