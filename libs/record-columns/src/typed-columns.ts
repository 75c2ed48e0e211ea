import { Column, type ColumnOptions } from 'typeorm';

/** What an entity record says of a column beside its Postgres type; `name` when the column is not named as the property. */
export type RecordColumnOptions = Partial<Pick<ColumnOptions, 'name' | 'nullable' | 'default' | 'unique'>>;

export const TextColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('text', options);

export const UuidColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('uuid', options);

export const BooleanColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('boolean', options);

export const IntegerColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('integer', options);

/** A `bigint`, e.g. a stream position: Postgres hands it back as a string, so the property is a string. */
export const BigintColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('bigint', options);

export const JsonColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('jsonb', options);

export const TimestampColumn = (options?: RecordColumnOptions): PropertyDecorator => Column('timestamptz', options);
