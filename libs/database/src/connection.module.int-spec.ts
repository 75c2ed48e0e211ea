/**
 * A library's connection in a Nest application, against the real Postgres: opened at start under its name, with the
 * services built on it; its migrations applied once each; destroyed by Nest at shutdown; and a start that fails at
 * once, with the driver's own error, when Postgres cannot be reached.
 */
import 'reflect-metadata';
import { Module, type INestApplicationContext, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createEmptyTestDatabase, freePort, type EmptyTestDatabase } from '@yardmaster/testing-core';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { postgresDataModule } from './connection.module';
import type { PostgresConnection } from './postgres-connection';
import { runPendingMigrations } from './run-migrations';

class CreateNotes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notes');
  }
}

/** A service built on the connection alone, as a library's store is. */
class NoteBook {
  constructor(readonly dataSource: DataSource) {}

  async count(): Promise<number> {
    const [row]: Array<{ count: string }> = await this.dataSource.query('SELECT count(*) AS count FROM notes');
    return Number(row.count);
  }
}

const NOTES: PostgresConnection = { name: 'notes', entities: [], migrations: [CreateNotes1700000000000], migrationsTableName: 'notes_migrations', poolSize: 2 };

@Module({})
class NotesModule {}

/** Every error the application logs while it starts. */
const errors: string[] = [];
const capture: LoggerService = { log: () => undefined, warn: () => undefined, error: (message: unknown) => void errors.push(String(message)) };

function startNotes(databaseUrl: string): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(postgresDataModule(NotesModule, NOTES, { databaseUrl, applicationName: 'connection-module-tests' }, [NoteBook]), {
    logger: capture,
    abortOnError: false,
  });
}

let db: EmptyTestDatabase;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('a named Postgres connection in a Nest application', () => {
  it('opens under its name with its application name, runs each migration once, and is destroyed at shutdown', async () => {
    const app = await startNotes(db.url);
    const dataSource = app.get<DataSource>(getDataSourceToken('notes'));
    try {
      expect(dataSource.isInitialized).toBe(true);
      const [setting]: Array<{ name: string }> = await dataSource.query(`SELECT current_setting('application_name') AS name`);
      expect(setting.name).toBe('connection-module-tests');

      expect(await runPendingMigrations(dataSource)).toEqual(['CreateNotes1700000000000']);
      expect(await runPendingMigrations(dataSource)).toEqual([]);
      const applied: Array<{ name: string }> = await dataSource.query('SELECT name FROM notes_migrations');
      expect(applied.map((row) => row.name)).toEqual(['CreateNotes1700000000000']);

      const book = app.get(NoteBook);
      expect(book.dataSource).toBe(dataSource);
      expect(await book.count()).toBe(0);
    } finally {
      await app.close();
    }
    expect(dataSource.isInitialized).toBe(false);
  });

  it('fails the start with the driver error, without retrying, when Postgres cannot be reached', async () => {
    const closedPort = await freePort();
    await expect(startNotes(`postgres://postgres@127.0.0.1:${closedPort}/notes`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(errors.filter((line) => line.includes('Retrying'))).toEqual([]);
  });
});
