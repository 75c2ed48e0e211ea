import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { EnvReader } from '@yardmaster/config';
import { streamNamesFor, subjectsFor, type StreamNames, type Subjects } from '@yardmaster/contracts';
import { connectNats, EventPublisher, type NatsConnection } from '@yardmaster/messaging';
import { createTestDatabase, deleteStreams, testDependencies, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { readProjectionConfig, type ProjectionConfig } from '../config';
import { ProjectionModule } from '../projection.module';

/** The whole projection module on an instance and a Postgres database of its own, and a NATS connection to ask it with. */
export interface ProjectionOnOwnInstance {
  readonly instance: string;
  readonly subjects: Subjects;
  readonly streams: StreamNames;
  readonly db: TestDatabase;
  readonly nc: NatsConnection;
  /** Publishes events on `nc`, as the other services do. */
  readonly publisher: EventPublisher;
  /** Null once `stop` ran: a test may stop the projection early to see it stop answering. */
  app: INestApplicationContext | null;
  stop(): Promise<void>;
  /** Starts the projection again (after `stop`) on the same instance, database and configuration. */
  restart(): Promise<void>;
  /** Stops it, then removes the instance's streams, the connection and the database. */
  remove(): Promise<void>;
}

/** What a test changes about the projection it starts; nothing by default. */
export interface ProjectionOnOwnInstanceOptions {
  /** Settings beside the instance, NATS, database and id (e.g. `YARD_PROJECTION_MAX_DELIVERIES`). */
  readonly env?: Readonly<Record<string, string>>;
  /** The configuration as read, changed before the start (e.g. shorter redelivery delays). Metrics are off unless set here. */
  readonly adjust?: (config: ProjectionConfig) => ProjectionConfig;
  /** Another PostgreSQL server than the shared one (e.g. an `OwnPostgresServer`'s). */
  readonly databaseServerUrl?: string;
  /** Silent by default. */
  readonly logger?: LoggerService | false;
}

export async function startProjectionOnOwnInstance(label: string, options: ProjectionOnOwnInstanceOptions = {}): Promise<ProjectionOnOwnInstance> {
  const instance = uniqueInstanceName(label);
  const db = await createTestDatabase(options.databaseServerUrl);
  const nc = await connectNats(testDependencies.natsUrl, `${label}-int-spec-${instance}`);
  const env = new EnvReader({ YARD_INSTANCE: instance, YARD_NATS_URL: testDependencies.natsUrl, YARD_DATABASE_URL: db.url, YARD_PROJECTION_ID: `projection-${instance}`, YARD_PROJECTION_METRICS_PORT: '0', ...options.env });
  const config = env.finish(readProjectionConfig(env));
  const startApp = async () => {
    const app = await NestFactory.createApplicationContext(ProjectionModule.forConfig(options.adjust ? options.adjust(config) : config), { logger: options.logger ?? false });
    await app.init();
    return app;
  };
  const app = await startApp();
  const started: ProjectionOnOwnInstance = {
    instance,
    subjects: subjectsFor(instance),
    streams: streamNamesFor(instance),
    db,
    nc,
    publisher: new EventPublisher(nc),
    app,
    async stop() {
      await started.app?.close();
      started.app = null;
    },
    async restart() {
      await started.stop();
      started.app = await startApp();
    },
    async remove() {
      await started.stop();
      if (!nc.isClosed()) {
        await deleteStreams(nc, instance);
        await nc.drain();
      }
      await db.drop();
    },
  };
  return started;
}
