import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/nats-core';
import { NATS_CONNECTION, pingService, type PingAnswer } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import type { Response } from 'express';
import type { ApiConfig } from '../config';
import { Public } from '../auth/route-access';
import { API_CONFIG } from '../api-config.token';

const PING_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Controller('api/health')
@Public()
export class HealthHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Whether the API, Postgres, NATS, Temporal and the other services answer. 503 when any does not. ' +
      'A projection holding parked events answers 200 with status degraded and degraded.projection = { status: "degraded", reason: "N parked" }.',
  })
  async health(@Res({ passthrough: true }) response: Response) {
    const { instance } = this.config.shared;
    const [postgres, nats, scheduler, collector, projection] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      this.nc.flush().then(() => true, () => false),
      pingService(this.nc, instance, 'scheduler', PING_TIMEOUT_MS),
      pingService(this.nc, instance, 'collector', PING_TIMEOUT_MS),
      pingService(this.nc, instance, 'projection', PING_TIMEOUT_MS),
    ]);
    const checks = {
      api: true,
      postgres,
      nats,
      // Temporal is reached through the scheduler: the API never talks to it directly.
      temporal: scheduler?.details.temporal ?? false,
      scheduler: isReady(scheduler),
      collector: isReady(collector),
      projection: isReady(projection),
    };
    const ready = Object.values(checks).every(Boolean);
    response.status(ready ? 200 : 503);
    const degraded = degradedChecks(projection);
    return { status: ready && degraded === null ? 'ok' : 'degraded', checks, ...(degraded === null ? {} : { degraded }) };
  }
}

/** Degraded is not down: parked events wait for an administrator, while everything else goes on (HTTP 200). */
function degradedChecks(projection: PingAnswer | null): { projection: { status: 'degraded'; reason: string } } | null {
  const parked = projection?.parked ?? 0;
  return parked > 0 ? { projection: { status: 'degraded', reason: `${parked} parked` } } : null;
}

function isReady(answer: PingAnswer | null): boolean {
  return answer?.ready ?? false;
}
