import { PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A uuid key the writer chooses (an id from a command or an event); `name` when the column is not named as the property. */
export const UuidPrimaryKey = (name?: string): PropertyDecorator => PrimaryColumn('uuid', name === undefined ? undefined : { name });

/** A uuid key Postgres generates on insert. */
export const GeneratedUuidPrimaryKey = (): PropertyDecorator => PrimaryGeneratedColumn('uuid');

/** A text key: an event id, a job id, a schedule id. */
export const TextPrimaryKey = (name?: string): PropertyDecorator => PrimaryColumn('text', name === undefined ? undefined : { name });
