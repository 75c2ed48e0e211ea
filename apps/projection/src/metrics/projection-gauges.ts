import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor } from '@yardmaster/contracts';
import { consumerBacklog, countParked, METRICS_REGISTRY, NATS_CONNECTION, type ConsumerBacklog } from '@yardmaster/messaging';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import { Gauge, type Registry } from 'prom-client';
import type { ProjectionConfig } from '../config';
import { CONSUMER_DEFINITIONS, type ConsumerDefinition } from '../consumer/consumer-definition';
import { PROJECTION_CONFIG } from '../projection-config.token';

/** A durable consumer on one stream, by the names JetStream knows them by. */
interface ConsumerPlace {
  readonly consumer: string;
  readonly stream: string;
}

/**
 * What is measured when Prometheus asks rather than counted as it happens: runs queued and running per queue (the
 * read model, one indexed query), how far each durable consumer is behind its stream, and the parked events. A
 * source that does not answer leaves its series out of that scrape instead of failing the whole scrape.
 */
@Injectable()
export class ProjectionGauges {
  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(PROJECTION_CONFIG) config: ProjectionConfig,
    @Inject(CONSUMER_DEFINITIONS) definitions: readonly ConsumerDefinition[],
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @InjectDataSource(READ_MODELS) dataSource: DataSource,
  ) {
    const registers = [registry];
    const names = streamNamesFor(config.shared.instance);
    const places: ConsumerPlace[] = definitions.flatMap((definition) => definition.streams.map((consumed) => ({ consumer: names[definition.durableName], stream: names[consumed.stream] })));
    const logger = new Logger('ProjectionGauges');
    const backlogs = (side: keyof ConsumerBacklog) => async (): Promise<Sample[]> =>
      Promise.all(places.map(async (place) => ({ labels: { ...place }, count: (await consumerBacklog(nc, place.stream, place.consumer))[side] })));

    const gauges: ReadonlyArray<{ name: string; help: string; labelNames: string[]; what: string; read: () => Promise<readonly Sample[]> }> = [
      {
        name: 'yard_runs_queued',
        help: 'Runs waiting for a worker or a concurrency slot, by queue',
        labelNames: ['queue'],
        what: 'runs queued',
        read: async () => liveRunsOf(await countLiveRuns(dataSource), 'queued'),
      },
      {
        name: 'yard_runs_running',
        help: 'Runs under way, by queue',
        labelNames: ['queue'],
        what: 'runs running',
        read: async () => liveRunsOf(await countLiveRuns(dataSource), 'running'),
      },
      {
        name: 'yard_projection_lag_events',
        help: 'Events a durable consumer has not been delivered yet (its num_pending), by consumer and stream',
        labelNames: ['consumer', 'stream'],
        what: 'consumer lag',
        read: backlogs('pending'),
      },
      {
        name: 'yard_projection_unacked_events',
        help: 'Events delivered to a durable consumer and not applied yet (its num_ack_pending), by consumer and stream',
        labelNames: ['consumer', 'stream'],
        what: 'consumer lag',
        read: backlogs('ackPending'),
      },
      {
        name: 'yard_parked_events',
        help: 'Events a consumer gave up on, waiting in the parked stream for an operator',
        labelNames: [],
        what: 'parked events',
        read: async () => [{ labels: {}, count: await countParked(nc, names.parked) }],
      },
    ];
    for (const { name, help, labelNames, what, read } of gauges) {
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          await fill(this, logger, what, read);
        },
      });
    }
  }
}

/** Sets the gauge to exactly the series read: a queue that emptied loses its series, it does not keep its last value. */
async function fill(gauge: Gauge, logger: Logger, what: string, read: () => Promise<readonly Sample[]>): Promise<void> {
  gauge.reset();
  try {
    for (const { labels, count } of await read()) gauge.set(labels, count);
  } catch (error) {
    logger.debug({ error: error instanceof Error ? error.message : String(error) }, `Could not read ${what} for metrics`);
  }
}

/** One series of a gauge: its labels and value. */
interface Sample {
  readonly labels: Record<string, string>;
  readonly count: number;
}

function liveRunsOf(rows: readonly LiveRunCount[], status: 'queued' | 'running'): Sample[] {
  return rows.filter((row) => row.status === status).map((row) => ({ labels: { queue: row.queue }, count: row.count }));
}

interface LiveRunCount {
  readonly queue: string;
  readonly status: string;
  readonly count: number;
}

async function countLiveRuns(dataSource: DataSource): Promise<LiveRunCount[]> {
  const rows: Array<{ queue: string; status: string; count: string }> = await dataSource.query(
    `SELECT COALESCE(queue, 'unknown') AS queue, status, count(*) AS count FROM job_runs WHERE status IN ('queued', 'running') GROUP BY 1, 2`,
  );
  return rows.map((row) => ({ queue: row.queue, status: row.status, count: Number(row.count) }));
}
