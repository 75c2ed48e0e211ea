import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { temporalScheduleIdFor } from '@yardmaster/contracts';
import { connectNats } from '@yardmaster/messaging';
import {
  createTestDatabase,
  deleteStreams,
  ServiceProcess,
  testDependencies,
  uniqueInstanceName,
  waitFor,
  type ServiceName,
  type TestDatabase,
} from '@yardmaster/testing';

/**
 * The four services as processes, on an instance and a database of their own, against the real
 * Postgres, NATS and Temporal: the whole path a user's request takes.
 */
export class YardmasterStack {
  /** By name, or by `collector:<id>` for collectors started with an id of their own. */
  readonly services = new Map<string, ServiceProcess>();

  private constructor(
    readonly instance: string,
    readonly database: TestDatabase,
    readonly apiUrl: string,
    private readonly env: Record<string, string>,
  ) {}

  /** `overrides` adds to or overrides the services' environment, e.g. a shorter heartbeat timeout. */
  static async start(overrides: Record<string, string> = {}): Promise<YardmasterStack> {
    const instance = uniqueInstanceName('e');
    const database = await createTestDatabase();
    const port = await freePort();
    const env = {
      YARD_INSTANCE: instance,
      YARD_DATABASE_URL: database.url,
      YARD_NATS_URL: testDependencies.natsUrl,
      TEMPORAL_ADDRESS: testDependencies.temporalAddress,
      TEMPORAL_NAMESPACE: testDependencies.temporalNamespace,
      YARD_API_HOST: '127.0.0.1',
      YARD_API_PORT: String(port),
      // A key of its own: a stack opens only what its own scheduler sealed.
      YARD_SECRETS_KEY: randomBytes(32).toString('base64'),
      ...overrides,
    };
    const stack = new YardmasterStack(instance, database, `http://127.0.0.1:${port}`, env);
    for (const name of ['projection', 'scheduler', 'collector', 'api'] as const) stack.startService(name);
    await stack.waitUntilHealthy();
    await waitFor(async () => ((await stack.getJson('/api/jobs')).body.total >= 3 ? true : undefined), 30_000, 'the catalog');
    return stack;
  }

  startService(name: ServiceName): ServiceProcess {
    const service = ServiceProcess.start(name, this.env);
    this.services.set(name, service);
    return service;
  }

  /** Another collector, serving the same queues, under its own id. */
  startCollector(collectorId: string): ServiceProcess {
    const service = ServiceProcess.start('collector', { ...this.env, YARD_COLLECTOR_ID: collectorId });
    this.services.set(`collector:${collectorId}`, service);
    return service;
  }

  service(name: string): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} was never started`);
    return service;
  }

  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    await waitFor(
      async () => {
        const response = await fetch(`${this.apiUrl}/api/health`).catch(() => null);
        return response?.status === 200 ? true : undefined;
      },
      timeoutMs,
      'a healthy stack',
      250,
    ).catch((error: unknown) => {
      const logs = [...this.services.values()].map((service) => `--- ${service.name}\n${service.logs.slice(-3000)}`).join('\n');
      throw new Error(`${String(error)}\n${logs}`);
    });
  }

  async getJson(path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`);
    return { status: response.status, body: await response.json() };
  }

  /** Starts a run and returns its id, failing the test if the run is not accepted. */
  async startRun(jobId: string, body: object = {}): Promise<string> {
    const response = await this.post(`/api/jobs/${jobId}/runs`, JSON.stringify(body));
    if (response.status !== 202) throw new Error(`Run of ${jobId} not accepted: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.runId;
  }

  /** Waits until the run's read model satisfies `predicate`, and returns it. */
  async waitForRun(runId: string, predicate: (run: any) => boolean, what: string, timeoutMs = 20_000): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await this.getJson(`/api/runs/${runId}`);
        return status === 200 && predicate(body) ? body : undefined;
      },
      timeoutMs,
      `run ${runId}: ${what}`,
    );
  }

  async logsOf(runId: string): Promise<Array<{ level: string; grouping: string; message: string; attempt: number }>> {
    return (await this.getJson(`/api/runs/${runId}/logs?limit=500`)).body.items;
  }

  async sendPatch(path: string, body: object): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  async sendPut(path: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  async sendDelete(path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'DELETE' });
    // 204 No Content has no body to parse.
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(`${this.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  /** Waits until the run's read model shows a terminal status, and returns it. */
  async waitForRunToEnd(runId: string, timeoutMs = 20_000): Promise<any> {
    return waitFor(
      async () => {
        const { status, body } = await this.getJson(`/api/runs/${runId}`);
        return status === 200 && ['completed', 'failed', 'errored', 'cancelled', 'timed_out'].includes(body.status) ? body : undefined;
      },
      timeoutMs,
      `run ${runId} to end`,
    );
  }

  /** Schedules outlive the services in Temporal: remove this instance's. */
  private deleteTemporalSchedules(): Promise<void> {
    return deleteSchedulesWithPrefix(temporalScheduleIdFor(this.instance, ''));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((service) => service.stop()));
    await this.deleteTemporalSchedules();
    const nc = await connectNats(testDependencies.natsUrl, 'e2e-cleanup');
    await deleteStreams(nc, this.instance);
    await nc.drain();
    await this.database.drop();
  }
}

async function deleteSchedulesWithPrefix(prefix: string): Promise<void> {
  const connection = await Connection.connect({ address: testDependencies.temporalAddress });
  try {
    const client = new Client({ connection, namespace: testDependencies.temporalNamespace });
    for await (const summary of client.schedule.list()) {
      if (summary.scheduleId.startsWith(prefix)) await client.schedule.getHandle(summary.scheduleId).delete().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
