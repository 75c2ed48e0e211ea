import { Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { errorLogFields } from '@yardmaster/messaging';
import { RUN_ENDED_CHANNEL } from '@yardmaster/read-models';
import { Client, type Notification } from 'pg';

/** After a lost connection, the listener tries again this often; meanwhile waits fall back to re-reading the run. */
const RECONNECT_MS = 1_000;
/** A database that does not answer is given up on after this long, and tried again (pg waits for ever by default). */
const CONNECT_TIMEOUT_MS = 5_000;

/** Why a wait returned: the run's end was announced, the time was up, or the API is shutting down. */
export type Wakeup = 'notified' | 'timeout' | 'closing';

/** A wait that has begun: registered before the caller reads the run, so no announcement falls between the two. */
export interface PendingWakeup {
  readonly woken: Promise<Wakeup>;
  cancel(): void;
}

/**
 * Hears the projection announce that a run ended (Postgres LISTEN on RUN_ENDED_CHANNEL, one connection per API
 * process) and wakes the requests waiting for that run. A notification is only ever a hint to read the run again:
 * while the connection is down none come, and waits end by their timeout instead.
 */
export class RunEndNotifications implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('RunEndNotifications');
  private readonly waiting = new Map<string, Set<(wakeup: Wakeup) => void>>();
  private client: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closing = false;
  /** Said once per outage, not at every attempt to reconnect. */
  private outageLogged = false;

  constructor(private readonly target: { readonly databaseUrl: string; readonly applicationName: string }) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** Resolves when `runId`'s end is announced, after `timeoutMs`, or at once when the API is shutting down. */
  next(runId: string, timeoutMs: number): PendingWakeup {
    if (this.closing) return { woken: Promise.resolve('closing'), cancel: () => undefined };
    let wake: (wakeup: Wakeup) => void = () => undefined;
    const woken = new Promise<Wakeup>((resolve) => {
      const timer = setTimeout(() => wake('timeout'), timeoutMs);
      wake = (wakeup) => {
        clearTimeout(timer);
        this.forget(runId, wake);
        resolve(wakeup);
      };
    });
    const waiters = this.waiting.get(runId) ?? new Set();
    waiters.add(wake);
    this.waiting.set(runId, waiters);
    return { woken, cancel: () => wake('timeout') };
  }

  /** True while notifications can arrive: a test waits for it before it notifies. */
  get listening(): boolean {
    return this.client !== null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    for (const waiters of [...this.waiting.values()]) for (const wake of [...waiters]) wake('closing');
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    this.reconnect = null;
    const client = new Client({ connectionString: this.target.databaseUrl, application_name: this.target.applicationName, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('notification', (notification: Notification) => this.wakeWaitersOf(notification.payload));
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(`LISTEN ${RUN_ENDED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.closing) {
      await client.end();
      return;
    }
    this.client = client;
    if (this.outageLogged) this.logger.log('Listening for run ends again');
    this.outageLogged = false;
  }

  private lost(client: Client, error: unknown): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.closing || this.reconnect) return;
    if (!this.outageLogged) this.logger.warn(errorLogFields(error), 'Not listening for run ends: waits re-read runs every second until it reconnects');
    this.outageLogged = true;
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
  }

  private wakeWaitersOf(runId: string | undefined): void {
    const waiters = runId === undefined ? undefined : this.waiting.get(runId);
    for (const wake of [...(waiters ?? [])]) wake('notified');
  }

  private forget(runId: string, wake: (wakeup: Wakeup) => void): void {
    const waiters = this.waiting.get(runId);
    waiters?.delete(wake);
    if (waiters?.size === 0) this.waiting.delete(runId);
  }
}
