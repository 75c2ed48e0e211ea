import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { EnvReader } from '@yardmaster/config';
import { connectNats, type NatsConnection } from '@yardmaster/messaging';
import { createTestDatabase, deleteStreams, testDependencies, uniqueInstanceName, type TestDatabase } from '@yardmaster/testing';
import { readProjectionConfig } from '../config';
import { ProjectionModule } from '../projection.module';

/** The whole projection module on an instance and a Postgres database of its own, and a NATS connection to ask it with. */
export interface ProjectionOnOwnInstance {
  readonly instance: string;
  readonly db: TestDatabase;
  readonly nc: NatsConnection;
  /** Null once `stop` ran: a test may stop the projection early to see it stop answering. */
  app: INestApplicationContext | null;
  stop(): Promise<void>;
  /** Stops it, then removes the instance's streams, the connection and the database. */
  remove(): Promise<void>;
}

export async function startProjectionOnOwnInstance(label: string): Promise<ProjectionOnOwnInstance> {
  const instance = uniqueInstanceName(label);
  const db = await createTestDatabase();
  const nc = await connectNats(testDependencies.natsUrl, `${label}-int-spec-${instance}`);
  const env = new EnvReader({ YARD_INSTANCE: instance, YARD_NATS_URL: testDependencies.natsUrl, YARD_DATABASE_URL: db.url, YARD_PROJECTION_ID: `projection-${instance}` });
  const app = await NestFactory.createApplicationContext(ProjectionModule.forConfig(env.finish(readProjectionConfig(env))), { logger: false });
  await app.init();
  const started: ProjectionOnOwnInstance = {
    instance,
    db,
    nc,
    app,
    async stop() {
      await started.app?.close();
      started.app = null;
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
