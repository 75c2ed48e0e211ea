import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '@yardmaster/config';
import { ensureSearchAttributes } from './ensure-search-attributes';
import { isTemporalUnreachable, temporalUnavailable } from './temporal-unreachable';

/** Below the API's health ping timeout (1.5 s). */
const HEALTH_CHECK_TIMEOUT_MS = 1_000;

/** The scheduler's Temporal client. Connects lazily, so the scheduler starts (and says so) while Temporal is down. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientProvider.name);
  private client: Promise<Client> | null = null;

  constructor(
    private readonly config: TemporalConfig,
    /** How long one command's Temporal calls may take: shorter than the API's wait, so the API hears why. */
    private readonly callTimeoutMs = 5_000,
  ) {}

  get address(): string {
    return this.config.address;
  }

  get(): Promise<Client> {
    this.client ??= Connection.connect({ address: this.config.address, connectTimeout: Math.min(5_000, this.callTimeoutMs) })
      .then(async (connection) => {
        const added = await ensureSearchAttributes(connection, this.config.namespace);
        if (added.length > 0) this.logger.log(`Registered search attributes ${added.join(', ')} in ${this.config.namespace}`);
        return new Client({ connection, namespace: this.config.namespace });
      })
      .catch((error: unknown) => {
        this.client = null;
        throw error;
      });
    return this.client;
  }

  /** The client, or SERVICE_UNAVAILABLE naming Temporal's address: what a command answers when Temporal is down. */
  async getOrUnavailable(doing = 'the request'): Promise<Client> {
    return this.get().catch(() => {
      throw temporalUnavailable(this.config.address, doing, null);
    });
  }

  /**
   * Runs a command's Temporal calls under one deadline: while Temporal is down they fail within `callTimeoutMs`
   * (SERVICE_UNAVAILABLE naming it) instead of waiting for it to come back after the client has given up.
   * `onUnreachable` may say what became of the command (and make it true); by default its outcome is unknown.
   */
  async call<T>(doing: string, calls: (client: Client) => Promise<T>, onUnreachable?: () => boolean | null): Promise<T> {
    const client = await this.getOrUnavailable(doing);
    try {
      return await client.withDeadline(Date.now() + this.callTimeoutMs, () => calls(client));
    } catch (error) {
      if (!isTemporalUnreachable(error)) throw error;
      throw temporalUnavailable(this.config.address, doing, onUnreachable ? onUnreachable() : null);
    }
  }

  /** Quick, so that a health ping hears the scheduler (ok) and Temporal (down) apart within its own timeout. */
  async isHealthy(): Promise<boolean> {
    try {
      const client = await this.get();
      await client.withDeadline(Date.now() + Math.min(this.callTimeoutMs, HEALTH_CHECK_TIMEOUT_MS), () => client.workflowService.getSystemInfo({}));
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const client = await this.client?.catch(() => null);
    await client?.connection.close();
  }
}
