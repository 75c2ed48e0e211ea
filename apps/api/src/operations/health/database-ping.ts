import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';

/** Whether the read models' database answers: the one thing `/api/health` reads from Postgres. */
@Injectable()
export class DatabasePing {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  /** Resolves when the database answered a trivial query; rejects with why it did not. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
