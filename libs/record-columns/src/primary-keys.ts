import { PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

type PrimaryKeyOptions = { readonly name?: string };

/** A uuid key the writer chooses (an id from a command or an event). */
export const UuidPrimaryKey = (options?: PrimaryKeyOptions): PropertyDecorator => PrimaryColumn('uuid', options);

/** A uuid key Postgres generates on insert. */
export const GeneratedUuidPrimaryKey = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');

/** A text key: an event id, a job id, a schedule id. */
export const TextPrimaryKey = (options?: PrimaryKeyOptions): PropertyDecorator => PrimaryColumn('text', options);
