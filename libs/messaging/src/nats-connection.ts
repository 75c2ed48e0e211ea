import { connect, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';

const DEFAULT_NATS_PORT = '4222';

/** Connects with unlimited reconnects: a NATS restart must not take a service down with it. */
export async function connectNats(url: string, clientName: string): Promise<NatsConnection> {
  return connect(natsConnectionOptions(url, clientName));
}

/**
 * The client options for a NATS URL. The client takes no credentials from a server URL (it drops them), so the
 * URL's are handed over as its options, read as other NATS clients read them: `nats://user:password@host` is a
 * user and password, `nats://token@host` a token. The server address keeps the scheme and loses the credentials,
 * so nothing that prints it (the client's errors, our logs) can show them.
 */
export function natsConnectionOptions(url: string, clientName: string): NodeConnectionOptions {
  const parsed = new URL(url);
  return {
    servers: `${parsed.protocol}//${parsed.hostname}:${parsed.port || DEFAULT_NATS_PORT}`,
    ...credentialsOf(parsed),
    // `tls://` asks for TLS: the client then refuses a server that does not offer it instead of talking in clear.
    ...(parsed.protocol === 'tls:' ? { tls: {} } : {}),
    name: clientName,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Every JetStream publish is a request; capturing a stack trace for each one costs more than the publish
    // itself when a step logs thousands of lines. Errors still say what failed, without where it was called.
    noAsyncTraces: true,
  };
}

function credentialsOf(url: URL): Partial<Pick<NodeConnectionOptions, 'user' | 'pass' | 'token'>> {
  if (url.username === '') return {};
  const username = decodeURIComponent(url.username);
  return url.password === '' ? { token: username } : { user: username, pass: decodeURIComponent(url.password) };
}

export type { NatsConnection };
