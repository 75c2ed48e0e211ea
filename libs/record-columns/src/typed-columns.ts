import { Column, type ColumnOptions, type ColumnType } from 'typeorm';

/** What an entity record says of a column beside its Postgres type; `name` when the column is not named as the property. */
export type RecordColumnOptions = Partial<Pick<ColumnOptions, 'name' | 'nullable' | 'default' | 'unique'>>;

/** The column's name alone (the common case), or its options. */
export type ColumnNameOrOptions = string | RecordColumnOptions;

type ColumnDecorator = (column?: ColumnNameOrOptions) => PropertyDecorator;
type NullableColumnDecorator = (name?: string) => PropertyDecorator;

/** The options, with the column's name when it is not the property's. */
function named(name: string | undefined, options: ColumnOptions): ColumnOptions {
  return name === undefined ? options : { ...options, name };
}

function columnOf(type: ColumnType): ColumnDecorator {
  return (column) => Column({ type, ...(typeof column === 'string' ? { name: column } : column) });
}

/** A column that may hold null; its property's type says `| null`. */
function nullableColumnOf(type: ColumnType): NullableColumnDecorator {
  return (name) => Column(named(name, { type, nullable: true }));
}

export const TextColumn = columnOf('text');
export const NullableText = nullableColumnOf('text');
/** A text no two rows share (a username, a group's name, a token's hash). */
export const UniqueText = (name?: string): PropertyDecorator => Column(named(name, { type: 'text', unique: true }));

export const UuidColumn = columnOf('uuid');
export const NullableUuid = nullableColumnOf('uuid');

export const BooleanColumn = columnOf('boolean');
export const NullableBoolean = nullableColumnOf('boolean');

export const IntegerColumn = columnOf('integer');
export const NullableInteger = nullableColumnOf('integer');

/** A `bigint`, e.g. a stream position: Postgres hands it back as a string, so the property is a string. */
export const BigintColumn = columnOf('bigint');
export const NullableBigint = nullableColumnOf('bigint');

export const JsonColumn = columnOf('jsonb');
export const NullableJson = nullableColumnOf('jsonb');

export const TimestampColumn = columnOf('timestamptz');
export const NullableTimestamp = nullableColumnOf('timestamptz');
