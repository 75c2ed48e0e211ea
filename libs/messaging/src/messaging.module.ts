import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats } from './nats-connection';
import { EventPublisher } from './event-publisher';
import { InstanceNats } from './instance-nats';
import { ensureStreams } from './streams';
import { RunFileStore } from './run-file-store';
import { CatalogReader } from './catalog-reader';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

@Injectable()
class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    // Drain, not close: replies and acks already under way still go out.
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

/**
 * Gives a NestJS application one NATS connection, and an EventPublisher, the instance's RunFileStore, its
 * CatalogReader and its InstanceNats (the connection with the instance's names) on it; drained at shutdown.
 */
@Global()
@Module({})
export class MessagingModule {
  /** `ensureStreamsOf`: create or update that instance's streams at start, so any service can come up first. */
  static forRoot(options: { natsUrl: string; clientName: string; ensureStreamsOf: string }): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats(options.natsUrl, options.clientName);
            await ensureStreams(nc, options.ensureStreamsOf);
            return nc;
          },
        },
        { provide: EventPublisher, useFactory: (nc: NatsConnection) => new EventPublisher(nc), inject: [NATS_CONNECTION] },
        { provide: RunFileStore, useFactory: (nc: NatsConnection) => new RunFileStore(nc, options.ensureStreamsOf), inject: [NATS_CONNECTION] },
        { provide: CatalogReader, useFactory: (nc: NatsConnection) => new CatalogReader(nc, options.ensureStreamsOf), inject: [NATS_CONNECTION] },
        { provide: InstanceNats, useFactory: (nc: NatsConnection) => new InstanceNats(nc, options.ensureStreamsOf), inject: [NATS_CONNECTION] },
        NatsConnectionCloser,
      ],
      exports: [NATS_CONNECTION, EventPublisher, RunFileStore, CatalogReader, InstanceNats],
    };
  }
}
