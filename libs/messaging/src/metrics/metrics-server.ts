import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { MetricsConfig } from '@yardmaster/config';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_REGISTRY, type Registry } from './metrics-registry';

export const METRICS_CONFIG = Symbol('METRICS_CONFIG');

/**
 * Serves `GET /metrics` on a port of its own (loopback unless configured otherwise), apart from any API the
 * service has: Prometheus scrapes without a token, and the API's port asks one of every caller but health.
 * It listens while the modules start, so a port already taken stops the service at start like any bad setting.
 */
@Injectable()
export class MetricsServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(
    @Inject(METRICS_CONFIG) private readonly config: MetricsConfig,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  /** Where it listens; null when metrics are off (port 0). */
  get address(): { host: string; port: number } | null {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? { host: address.address, port: address.port } : null;
  }

  async onModuleInit(): Promise<void> {
    const { host, port } = this.config;
    if (port === null) return;
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.logger.log({ host, port }, 'Serving metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n');
      return;
    }
    try {
      const body = await this.registry.metrics();
      response.writeHead(200, { 'content-type': this.registry.contentType }).end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'Metrics could not be collected');
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
    }
  }
}
