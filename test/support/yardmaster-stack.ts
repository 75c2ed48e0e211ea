import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporalScheduleIdFor } from '@yardmaster/contracts';
import { connectNats } from '@yardmaster/messaging';
import {
  createTestDatabase,
  deleteStreams,
  freePort,
  openTestDatabase,
  ServiceProcess,
  testDependencies,
  uniqueInstanceName,
  waitFor,
  type ServiceName,
  type TestDatabase,
} from '@yardmaster/testing';
import { ApiSession } from './api-session';

/**
 * The environment variable through which the e2e layer's `globalSetup` hands the shared stack to the test files
 * (`YardmasterStack.shared()`), as JSON: its instance, API URL, database URL and the services' environment.
 */
export const SHARED_STACK_VARIABLE = 'YARD_E2E_SHARED_STACK';

interface SharedStackHandOver {
  readonly instance: string;
  readonly apiUrl: string;
  readonly databaseUrl: string;
  readonly env: Record<string, string>;
  readonly dependencies: StackDependencies;
}

/**
 * The four services as processes, on an instance and a database of their own, against the real
 * Postgres, NATS and Temporal: the whole path a user's request takes.
 */
export class YardmasterStack {
  /** By name, or by `collector:<id>` for collectors started with an id of their own. */
  readonly services = new Map<string, ServiceProcess>();

  /** The first administrator's session (YARD_ADMIN_USERNAME / YARD_ADMIN_TOKEN), used by the helpers below. */
  readonly admin: ApiSession;

  private constructor(
    readonly instance: string,
    readonly database: TestDatabase,
    readonly apiUrl: string,
    private readonly env: Record<string, string>,
    readonly dependencies: StackDependencies,
    /** Shared by several test files: `stop()` leaves it running, and no file may start or stop its services. */
    readonly isShared = false,
  ) {
    this.admin = new ApiSession(apiUrl, env.YARD_ADMIN_TOKEN);
  }

  /** The administrator's token, for requests made without the helpers (SSE, the CLI). */
  /** The services' environment (instance, NATS, database…): what a tool run beside the stack reads too. */
  get serviceEnv(): Readonly<Record<string, string>> {
    return this.env;
  }

  get adminToken(): string {
    return this.admin.token;
  }

  /**
   * `overrides` adds to or overrides the services' environment, e.g. a shorter heartbeat timeout. `dependencies`
   * points the stack at servers of the test's own (`OwnPostgresServer`, `OwnNatsServer`, `OwnTemporalServer`), for
   * tests that stop and start them.
   */
  static async start(overrides: Record<string, string> = {}, dependencies: Partial<StackDependencies> = {}): Promise<YardmasterStack> {
    const instance = uniqueInstanceName('e');
    const deps: StackDependencies = { ...defaultDependencies(), ...dependencies };
    const database = await createTestDatabase(deps.databaseServerUrl);
    const port = await freePort();
    const env = {
      YARD_INSTANCE: instance,
      YARD_DATABASE_URL: database.url,
      YARD_NATS_URL: deps.natsUrl,
      TEMPORAL_ADDRESS: deps.temporalAddress,
      TEMPORAL_NAMESPACE: testDependencies.temporalNamespace,
      YARD_API_HOST: '127.0.0.1',
      YARD_API_PORT: String(port),
      // The API creates this administrator on its first start; every helper sends the token.
      YARD_ADMIN_USERNAME: 'admin',
      YARD_ADMIN_TOKEN: `yard_${randomBytes(32).toString('base64url')}`,
      // A key of its own: a stack opens only what its own scheduler sealed.
      YARD_SECRETS_KEY: randomBytes(32).toString('base64'),
      ...overrides,
    };
    const stack = new YardmasterStack(instance, database, `http://127.0.0.1:${port}`, env, deps);
    for (const name of ['projection', 'scheduler', 'collector', 'api'] as const) stack.startService(name);
    try {
      await stack.waitUntilHealthy();
      await waitFor(async () => ((await stack.getJson('/api/jobs')).body.total >= 3 ? true : undefined), 30_000, 'the catalog');
    } catch (error) {
      // No test holds a stack that failed to start, so none would stop it: its services' processes would keep Jest
      // from exiting after the run, and the whole `npm test` would wait for ever.
      await stack.abandon();
      throw error;
    }
    return stack;
  }

  /** Stops the services and drops the database, whatever state the servers are in (a stack that did not start). */
  private async abandon(): Promise<void> {
    await this.stopServices();
    await this.database.drop().catch(() => undefined);
  }

  private async stopServices(): Promise<void> {
    await Promise.all([...this.services.values()].map((service) => service.stop()));
  }

  /**
   * The stack the e2e layer's `globalSetup` started for every file that neither stops services nor needs settings
   * of its own: one start-up per run instead of one per file. Its instance holds what other files made too, so a
   * file on it scopes what it counts to what it created itself. `stop()` only closes this file's database
   * connections; `globalTeardown` stops the stack.
   */
  static async shared(): Promise<YardmasterStack> {
    const handOver = process.env[SHARED_STACK_VARIABLE];
    if (!handOver) throw new Error(`${SHARED_STACK_VARIABLE} is not set: the e2e project's globalSetup (test/support/shared-stack-setup.ts) starts the shared stack`);
    const { instance, apiUrl, databaseUrl, env, dependencies } = JSON.parse(handOver) as SharedStackHandOver;
    // The database belongs to the whole run: this file's `stop()` only closes its own connections to it.
    const database = await openTestDatabase(databaseUrl);
    return new YardmasterStack(instance, database, apiUrl, env, dependencies, true);
  }

  /** What `shared()` needs to reach this stack from another module registry (a test file). */
  handOver(): string {
    const handOver: SharedStackHandOver = { instance: this.instance, apiUrl: this.apiUrl, databaseUrl: this.database.url, env: this.env, dependencies: this.dependencies };
    return JSON.stringify(handOver);
  }

  startService(name: ServiceName): ServiceProcess {
    this.refuseOnShared(`start ${name}`);
    const service = ServiceProcess.start(name, this.env);
    this.services.set(name, service);
    return service;
  }

  /** Another collector, serving the same queues, under its own id; `env` adds to or overrides the stack's environment. */
  startCollector(collectorId: string, env: Record<string, string> = {}): ServiceProcess {
    this.refuseOnShared(`start collector ${collectorId}`);
    const service = ServiceProcess.start('collector', { ...this.env, YARD_COLLECTOR_ID: collectorId, ...env });
    this.services.set(`collector:${collectorId}`, service);
    return service;
  }

  service(name: string): ServiceProcess {
    this.refuseOnShared(`reach the ${name} process`);
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
    return this.admin.getJson(path);
  }

  /** Starts a run (as the administrator) and returns its id, failing the test if the run is not accepted. */
  startRun(jobId: string, body: object = {}): Promise<string> {
    return this.admin.startRun(jobId, body);
  }

  waitForRun(runId: string, predicate: (run: any) => boolean, what: string, timeoutMs = 20_000): Promise<any> {
    return this.admin.waitForRun(runId, predicate, what, timeoutMs);
  }

  logsOf(runId: string): Promise<Array<{ level: string; grouping: string; message: string; attempt: number }>> {
    return this.admin.logsOf(runId);
  }

  sendPatch(path: string, body: object): Promise<{ status: number; body: any }> {
    return this.admin.sendPatch(path, body);
  }

  sendPut(path: string, body: unknown): Promise<{ status: number; body: any }> {
    return this.admin.sendPut(path, body);
  }

  sendDelete(path: string): Promise<{ status: number; body: any }> {
    return this.admin.sendDelete(path);
  }

  post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; headers: Headers; body: any }> {
    return this.admin.post(path, body, contentType);
  }

  waitForRunToEnd(runId: string, timeoutMs = 20_000): Promise<any> {
    return this.admin.waitForRunToEnd(runId, timeoutMs);
  }

  /**
   * A user with these grants (e.g. `['runs.view_own', { permission: 'jobs.run', groupings: ['Examples'] }]`) and a
   * session with a fresh token of theirs; `token` options make it read-only or expiring.
   */
  async createUser(
    username: string,
    permissions: unknown[],
    token: { readOnly?: boolean; expiresAt?: string } = {},
    user: { admin?: boolean; groups?: string[] } = {},
  ): Promise<ApiSession & { tokenId: string }> {
    await this.expectOk(this.admin.request('POST', '/api/users', { username, ...user }), `create user ${username}`);
    await this.expectOk(this.admin.sendPut(`/api/users/${encodeURIComponent(username)}/permissions`, { permissions }), `grant ${username}`);
    return this.issueToken(username, token);
  }

  /** A new token for an existing user, as a session. */
  async issueToken(username: string, token: { readOnly?: boolean; expiresAt?: string; name?: string } = {}): Promise<ApiSession & { tokenId: string }> {
    const issued = await this.expectOk(
      this.admin.request('POST', `/api/users/${encodeURIComponent(username)}/tokens`, { name: token.name ?? 'e2e', ...token }),
      `token for ${username}`,
    );
    return Object.assign(new ApiSession(this.apiUrl, issued.token), { tokenId: issued.id as string });
  }

  private async expectOk(request: Promise<{ status: number; body: any }>, what: string): Promise<any> {
    const { status, body } = await request;
    if (status < 200 || status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  /** Schedules outlive the services in Temporal: remove this instance's. */
  private deleteTemporalSchedules(): Promise<void> {
    return deleteSchedulesWithPrefix(this.dependencies.temporalAddress, temporalScheduleIdFor(this.instance, ''));
  }

  private refuseOnShared(what: string): void {
    if (this.isShared) throw new Error(`Cannot ${what} on the shared stack: other files use it too; a file that starts or stops services starts a stack of its own`);
  }

  async stop(): Promise<void> {
    if (this.isShared) {
      await this.database.drop();
      return;
    }
    await this.stopServices();
    await this.deleteTemporalSchedules();
    const nc = await connectNats(this.dependencies.natsUrl, 'e2e-cleanup');
    await deleteStreams(nc, this.instance);
    await nc.drain();
    await this.database.drop();
  }
}

/** Where a stack's Postgres (a server, not a database: each stack creates its own), NATS and Temporal are. */
export interface StackDependencies {
  readonly databaseServerUrl: string;
  readonly natsUrl: string;
  readonly temporalAddress: string;
}

function defaultDependencies(): StackDependencies {
  return { databaseServerUrl: testDependencies.databaseUrl, natsUrl: testDependencies.natsUrl, temporalAddress: testDependencies.temporalAddress };
}

async function deleteSchedulesWithPrefix(address: string, prefix: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: testDependencies.temporalNamespace });
    for await (const summary of client.schedule.list()) {
      if (summary.scheduleId.startsWith(prefix)) await client.schedule.getHandle(summary.scheduleId).delete().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}

