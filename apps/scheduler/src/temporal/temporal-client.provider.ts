import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '@yardmaster/config';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { ensureSearchAttributes } from './ensure-search-attributes';

/** The scheduler's Temporal client. Connects lazily, so the scheduler starts (and says so) while Temporal is down. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientProvider.name);
  private client: Promise<Client> | null = null;

  constructor(private readonly config: TemporalConfig) {}

  get(): Promise<Client> {
    this.client ??= Connection.connect({ address: this.config.address, connectTimeout: 5_000 })
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
  async getOrUnavailable(): Promise<Client> {
    return this.get().catch((error: unknown) => {
      throw new YardError(ErrorCode.ServiceUnavailable, `Temporal is not reachable at ${this.config.address}: ${String(error)}`);
    });
  }

  async isHealthy(): Promise<boolean> {
    try {
      const client = await this.get();
      await client.workflowService.getSystemInfo({});
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
