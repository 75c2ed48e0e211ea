import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { natsDependency, postgresDependency } from '@yardmaster/config';
import { NATS_CONNECTION, pingService } from '@yardmaster/messaging';
import type { Response } from 'express';
import type { ApiConfig } from '../../config';
import { Public } from '../../auth/route-access';
import { API_CONFIG } from '../../api-config.token';
import { DatabasePing } from './database-ping';
import { FailureSince } from './failure-since';
import { healthChecks, isHealthy, overallStatus } from './health-checks';

const PING_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Controller('api/health')
@Public()
export class HealthHttpController {
  private readonly failures = new FailureSince();

  constructor(
    private readonly database: DatabasePing,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Each part of the system: { status: ok | degraded | down | unknown, address?, since?, reason? }. 503 when any is down or unknown ' +
      '(unknown: it could not be asked, e.g. the services while NATS is down). A projection holding parked events is ' +
      'degraded (reason "N parked"): the answer stays 200, with status degraded.',
  })
  async health(@Res({ passthrough: true }) response: Response) {
    const { instance } = this.config.shared;
    const [postgres, nats, scheduler, collector, projection] = await Promise.all([
      this.database.ping().then(() => null, (error: unknown) => reasonOf(error)),
      // While the client reconnects a flush waits for the server: no answer in time is the answer.
      withinTimeout(this.nc.flush(), PING_TIMEOUT_MS).then(() => null, (error: unknown) => reasonOf(error)),
      pingService(this.nc, instance, 'scheduler', PING_TIMEOUT_MS),
      pingService(this.nc, instance, 'collector', PING_TIMEOUT_MS),
      pingService(this.nc, instance, 'projection', PING_TIMEOUT_MS),
    ]);
    const checks = this.failures.stamp(
      healthChecks({
        postgres: { address: postgresDependency(this.config.database.databaseUrl).address, error: postgres },
        nats: { address: natsDependency(this.config.shared.natsUrl).address, error: nats },
        scheduler,
        collector,
        projection,
        pingTimeoutMs: PING_TIMEOUT_MS,
      }),
      new Date(),
    );
    const healthy = isHealthy(checks);
    response.status(healthy ? 200 : 503);
    return { status: overallStatus(checks), checks };
  }
}

function withinTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short reason, never a connection string (it may hold a password). */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code === 'ECONNREFUSED' ? 'connection refused' : code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\w+:\/\/\S+/g, '<url>').slice(0, 200);
}
