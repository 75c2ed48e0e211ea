import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '@yardmaster/config';

/** The scheduler's Temporal client. Connects lazily, so the scheduler starts (and says so) while Temporal is down. */
@Injectable()
export class TemporalClientProvider implements OnApplicationShutdown {
  private client: Promise<Client> | null = null;

  constructor(private readonly config: TemporalConfig) {}

  get(): Promise<Client> {
    this.client ??= Connection.connect({ address: this.config.address, connectTimeout: 5_000 })
      .then((connection) => new Client({ connection, namespace: this.config.namespace }))
      .catch((error: unknown) => {
        this.client = null;
        throw error;
      });
    return this.client;
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
