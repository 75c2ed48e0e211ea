import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@yardmaster/messaging';
import type { DataSource } from 'typeorm';

/**
 * Everything a stack stored, as text, for tests that prove a secret is nowhere it should not be: a value in clear
 * anywhere in it shows up in a plain substring search.
 */

/** Every message (subject, headers, data) of every stream of the instance: runs, catalog, schedules, identity, KV and object buckets. */
export async function everyStreamMessage(nc: NatsConnection, instance: string): Promise<string> {
  const jsm = await jetstreamManager(nc);
  const texts: string[] = [];
  for await (const name of jsm.streams.names()) {
    if (!name.toLowerCase().includes(instance.toLowerCase())) continue;
    const { state } = await jsm.streams.info(name);
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const stored = await jsm.streams.getMessage(name, { seq }).catch(() => null);
      if (stored) texts.push(`${stored.subject} ${stored.header ? JSON.stringify([...stored.header]) : ''} ${new TextDecoder().decode(stored.data)}`);
    }
  }
  return texts.join('\n');
}

/** Every row of every table of the database (read models, inventory, identity), as JSON text, and the tables read. */
export async function everyTableRow(dataSource: DataSource): Promise<{ tables: string[]; text: string }> {
  const found: Array<{ table_name: string }> = await dataSource.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const tables = found.map(({ table_name }) => table_name);
  const rows: string[] = [];
  for (const table of tables) {
    const tableRows: Array<{ row: string }> = await dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
    rows.push(...tableRows.map(({ row }) => row));
  }
  return { tables, text: rows.join('\n') };
}
