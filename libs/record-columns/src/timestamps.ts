import { TimestampColumn, type RecordColumnOptions } from './typed-columns';

/** A column default the database fills with the time of the insert. */
export const insertTime = (): string => 'now()';

/**
 * `created_at` and `updated_at`, set by the code that writes the record; the identity schema also lets the
 * database fill them (`{ default: insertTime }`).
 */
export const CreatedAt = (options?: Omit<RecordColumnOptions, 'name'>): PropertyDecorator => TimestampColumn({ name: 'created_at', ...options });

export const UpdatedAt = (options?: Omit<RecordColumnOptions, 'name'>): PropertyDecorator => TimestampColumn({ name: 'updated_at', ...options });
