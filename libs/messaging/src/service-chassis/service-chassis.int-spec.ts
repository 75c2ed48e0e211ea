/** The chassis as a service stands on it, against the real NATS server, on an instance of its own. */
import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/nats-core';
import { deleteStreams, testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { NATS_CONNECTION } from '../messaging.module';
import { connectNats } from '../nats-connection';
import { pingService } from '../service-ping';
import { currentLogContext, type LogContext } from './log-context';
import { ServiceChassisModule } from './service-chassis.module';

jest.setTimeout(30_000);

const INSTANCE = uniqueInstanceName('chassis');

/** A part of the service's own, declared in its root module: the chassis's health check finds it there. */
@Injectable()
class Workers {
  polling = true;
}

@Controller('context')
class ContextController {
  @Get()
  context(): LogContext {
    return currentLogContext();
  }
}

@Module({
  imports: [
    ServiceChassisModule.forService({
      service: 'collector',
      instanceId: 'collector@chassis-int:1',
      shared: { instance: INSTANCE, natsUrl: testDependencies.natsUrl, logLevel: 'silent' },
      health: { inject: [Workers], useFactory: (workers: Workers) => ({ checks: { temporalWorkers: () => workers.polling } }) },
    }),
  ],
  controllers: [ContextController],
  providers: [Workers],
})
class ServiceModule {}

let app: INestApplication;
let url: string;
let nc: NatsConnection;

beforeAll(async () => {
  nc = await connectNats(testDependencies.natsUrl, `chassis-int-spec-${INSTANCE}`);
  app = await NestFactory.create(ServiceModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
});

afterAll(async () => {
  await app?.close();
  if (nc) {
    await deleteStreams(nc, INSTANCE);
    await nc.drain();
  }
});

describe('ServiceChassisModule', () => {
  it('runs each HTTP request in the context of its correlation id: the one sent, else one of its own', async () => {
    const sent = await fetch(`${url}/context`, { headers: { 'x-correlation-id': 'from-the-client' } });
    await expect(sent.json()).resolves.toEqual({ correlationId: 'from-the-client' });

    const [first, second] = await Promise.all([1, 2].map(async () => (await (await fetch(`${url}/context`)).json()) as LogContext));
    expect(first.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.correlationId).not.toBe(second.correlationId);
  });

  it("answers health pings with NATS and the service's own checks, found in the service's module", async () => {
    const answer = await pingService(nc, INSTANCE, 'collector', 5_000);
    expect(answer).toMatchObject({ instanceId: 'collector@chassis-int:1', ready: true, details: { nats: true, temporalWorkers: true } });

    app.get(Workers).polling = false;
    await expect(pingService(nc, INSTANCE, 'collector', 5_000)).resolves.toMatchObject({ ready: false, details: { nats: true, temporalWorkers: false } });
  });

  it('drains its NATS connection at shutdown', async () => {
    const connection = app.get<NatsConnection>(NATS_CONNECTION);
    expect(connection.isClosed()).toBe(false);
    await app.close();
    expect(connection.isClosed()).toBe(true);
  });
});
