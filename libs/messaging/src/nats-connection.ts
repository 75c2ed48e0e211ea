import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';

/** Connects with unlimited reconnects: a NATS restart must not take a service down with it. */
export async function connectNats(url: string, clientName: string): Promise<NatsConnection> {
  const { hostname, port } = new URL(url);
  return connect({
    servers: `${hostname}:${port || 4222}`,
    name: clientName,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Every JetStream publish is a request; capturing a stack trace for each one costs more than the publish
    // itself when a step logs thousands of lines. Errors still say what failed, without where it was called.
    noAsyncTraces: true,
  });
}

export type { NatsConnection };
