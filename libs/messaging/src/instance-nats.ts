import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor, type StreamNames, type Subjects } from '@yardmaster/contracts';

/** The NATS connection with the names of the instance's subjects and streams: what a service asks and reads through. */
export class InstanceNats {
  readonly subjects: Subjects;
  readonly streams: StreamNames;

  constructor(
    readonly nc: NatsConnection,
    readonly instance: string,
  ) {
    this.subjects = subjectsFor(instance);
    this.streams = streamNamesFor(instance);
  }
}
