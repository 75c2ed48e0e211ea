import { Client as TemporalClient, Connection } from '@temporalio/client';
import { jetstreamManager, jetstream } from '@nats-io/jetstream';
import { Client as PgClient } from 'pg';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { OwnNatsServer } from './own-nats-server';
import { OwnPostgresServer } from './own-postgres-server';
import { OwnTemporalServer } from './own-temporal-server';

// A plain client, not @yardmaster/messaging's connectNats: messaging's own tests use this library.
const connectNats = (url: string, name: string): Promise<NatsConnection> => connect({ servers: new URL(url).host, name });

jest.setTimeout(120_000);

describe('servers a test owns: killed and started again, they keep their data', () => {
  it('nats-server keeps its JetStream streams and messages', async () => {
    const server = await OwnNatsServer.start();
    try {
      let nc = await connectNats(server.url, 'own-nats-test');
      await (await jetstreamManager(nc)).streams.add({ name: 'OWN', subjects: ['own.>'] });
      await jetstream(nc).publish('own.one', 'kept');
      await nc.close();

      await server.kill();
      expect(server.isRunning).toBe(false);
      await server.start();

      nc = await connectNats(server.url, 'own-nats-test');
      const info = await (await jetstreamManager(nc)).streams.info('OWN');
      expect(info.state.messages).toBe(1);
      await nc.close();
    } finally {
      await server.dispose();
    }
  });

  it('postgres keeps its tables across an immediate stop', async () => {
    const server = await OwnPostgresServer.start();
    try {
      const before = new PgClient({ connectionString: server.url() });
      await before.connect();
      await before.query(`CREATE TABLE kept (value text); INSERT INTO kept VALUES ('yes')`);
      await before.end();

      await server.stop('immediate');
      const refused = new PgClient({ connectionString: server.url(), connectionTimeoutMillis: 2_000 });
      await expect(refused.connect()).rejects.toThrow();
      await server.start();

      const after = new PgClient({ connectionString: server.url() });
      await after.connect();
      await expect(after.query('SELECT value FROM kept')).resolves.toMatchObject({ rows: [{ value: 'yes' }] });
      await after.end();
    } finally {
      await server.dispose();
    }
  });

  it('the Temporal dev server keeps a running workflow across a kill', async () => {
    const server = await OwnTemporalServer.start();
    try {
      const connect = () => Connection.connect({ address: server.address });
      let connection = await connect();
      // No worker serves this queue: the workflow stays open, which is what is checked after the restart.
      await new TemporalClient({ connection }).workflow.start('noSuchWorkflow', { workflowId: 'kept', taskQueue: 'own-temporal-test' });
      await connection.close();

      await server.kill();
      await server.start();

      connection = await connect();
      const description = await new TemporalClient({ connection }).workflow.getHandle('kept').describe();
      expect(description.status.name).toBe('RUNNING');
      await connection.close();
    } finally {
      await server.dispose();
    }
  });
});
