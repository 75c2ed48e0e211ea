/** The chassis as a service stands on it, against the real NATS server, on an instance of its own. */
import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/nats-core';
import { deleteStreams, sampleOf, testDependencies, uniqueInstanceName } from '@yardmaster/testing-core';
import { NATS_CONNECTION } from '../messaging.module';
import { MetricsServer } from '../metrics';
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
      // Port 0: a free port the system picks (configuration maps YARD_<SERVICE>_METRICS_PORT=0 to null, off).
      metrics: { host: '127.0.0.1', port: 0 },
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

  it('serves Prometheus metrics on a loopback port of its own: the process, NATS faults, every series with its service', async () => {
    const address = app.get(MetricsServer).address;
    expect(address).toMatchObject({ host: '127.0.0.1' });
    const response = await fetch(`http://127.0.0.1:${address?.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_gc_duration_seconds', 'yard_nats_disconnects_total', 'yard_nats_errors_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^process_resident_memory_bytes\{service="collector"\} \d+/m);
    expect(text).toContain('yard_nats_errors_total{kind="slow_consumer",service="collector"} 0');

    const elsewhere = await fetch(`http://127.0.0.1:${address?.port}/`);
    expect(elsewhere.status).toBe(404);
  });

  it("counts the service's HTTP requests by route pattern, method and status class", async () => {
    await fetch(`${url}/context`);
    await fetch(`${url}/no-such-route/123`);
    const text = await (await fetch(`http://127.0.0.1:${app.get(MetricsServer).address?.port}/metrics`)).text();
    expect(sampleOf(text, 'yard_http_requests_total', { method: 'GET', route: '/context', status: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(text, 'yard_http_requests_total', { method: 'GET', route: 'unmatched', status: '4xx' })).toBe(1);
    expect(sampleOf(text, 'yard_http_request_duration_seconds_count', { method: 'GET', route: '/context' })).toBeGreaterThanOrEqual(1);
  });

  it('drains its NATS connection at shutdown', async () => {
    const connection = app.get<NatsConnection>(NATS_CONNECTION);
    expect(connection.isClosed()).toBe(false);
    const metricsPort = app.get(MetricsServer).address?.port;
    await app.close();
    expect(connection.isClosed()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  });
});
