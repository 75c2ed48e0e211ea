import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { CreatedAt, GeneratedUuidPrimaryKey, insertTime, JsonColumn, NullableText, TextColumn, TextPrimaryKey, UniqueText, UpdatedAt, UuidPrimaryKey } from './index';

class SampleRecord {
  @UuidPrimaryKey('sample_id')
  sampleId!: string;

  @TextColumn()
  name!: string;

  @TextColumn('display_name')
  displayName!: string;

  @TextColumn({ default: '' })
  description!: string;

  @NullableText()
  note!: string | null;

  @NullableText('paused_reason')
  pausedReason!: string | null;

  @UniqueText('token_hash')
  tokenHash!: string;

  @JsonColumn({ name: 'next_run_times', default: () => "'[]'" })
  nextRunTimes!: string[];

  @CreatedAt({ default: insertTime })
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}

class GeneratedKeyRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @TextPrimaryKey()
  key!: string;
}

function columnOptionsOf(target: object): Record<string, unknown> {
  return Object.fromEntries(
    getMetadataArgsStorage()
      .columns.filter((column) => column.target === target)
      .map((column) => [column.propertyName, { mode: column.mode, ...column.options }]),
  );
}

describe('record column decorators', () => {
  it('map the Postgres type, the column name given, nullability, uniqueness and defaults', () => {
    const columns = columnOptionsOf(SampleRecord);
    expect(columns.sampleId).toEqual({ mode: 'regular', type: 'uuid', name: 'sample_id', primary: true });
    expect(columns.name).toEqual({ mode: 'regular', type: 'text' });
    expect(columns.displayName).toEqual({ mode: 'regular', type: 'text', name: 'display_name' });
    expect(columns.description).toEqual({ mode: 'regular', type: 'text', default: '' });
    expect(columns.note).toEqual({ mode: 'regular', type: 'text', nullable: true });
    expect(columns.pausedReason).toEqual({ mode: 'regular', type: 'text', name: 'paused_reason', nullable: true });
    expect(columns.tokenHash).toEqual({ mode: 'regular', type: 'text', name: 'token_hash', unique: true });
    expect(columns.nextRunTimes).toMatchObject({ mode: 'regular', type: 'jsonb', name: 'next_run_times' });
    expect(columns.createdAt).toEqual({ mode: 'regular', type: 'timestamptz', name: 'created_at', default: insertTime });
    expect(columns.updatedAt).toEqual({ mode: 'regular', type: 'timestamptz', name: 'updated_at' });
  });

  it('generate a uuid key or take a text key', () => {
    const columns = columnOptionsOf(GeneratedKeyRecord);
    expect(columns.id).toMatchObject({ type: 'uuid', primary: true });
    expect(getMetadataArgsStorage().generations.filter((generation) => generation.target === GeneratedKeyRecord)).toEqual([
      { target: GeneratedKeyRecord, propertyName: 'id', strategy: 'uuid' },
    ]);
    expect(columns.key).toEqual({ mode: 'regular', type: 'text', primary: true });
  });
});
