import type { NatsConnection, Status } from '@nats-io/nats-core';
import { Counter, type Registry } from 'prom-client';

/** The status events of a NATS connection that are faults, by the `kind` label they are counted under. */
const FAULT_KINDS: Partial<Record<Status['type'], string>> = {
  error: 'server_error',
  slowConsumer: 'slow_consumer',
  staleConnection: 'stale_connection',
};

/** NATS disconnects and faults as the connection reports them, for every service (the chassis's connection). */
export class NatsMetrics {
  private readonly disconnects: Counter;
  private readonly reconnects: Counter;
  private readonly errors: Counter<'kind'>;

  constructor(registry: Registry) {
    this.disconnects = new Counter({ name: 'yard_nats_disconnects_total', help: 'Times the connection to NATS was lost', registers: [registry] });
    this.reconnects = new Counter({ name: 'yard_nats_reconnects_total', help: 'Times the connection to NATS was made again after a loss', registers: [registry] });
    this.errors = new Counter({ name: 'yard_nats_errors_total', help: 'Faults NATS or its client reported, by kind', labelNames: ['kind'], registers: [registry] });
    for (const kind of Object.values(FAULT_KINDS)) this.errors.inc({ kind }, 0);
  }

  /** Counts one status event; what is no fault (pings, cluster updates) is not counted. */
  observe(status: Status): void {
    if (status.type === 'disconnect') this.disconnects.inc();
    else if (status.type === 'reconnect') this.reconnects.inc();
    const kind = FAULT_KINDS[status.type];
    if (kind) this.errors.inc({ kind });
  }

  /** Follows the connection's status events until it closes. */
  follow(nc: NatsConnection): void {
    void (async () => {
      for await (const status of nc.status()) this.observe(status);
    })();
  }
}
