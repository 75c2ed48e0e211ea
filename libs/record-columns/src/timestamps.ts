import { TimestampColumn } from './typed-columns';

/** A column default the database fills with the time of the insert. */
export const insertTime = (): string => 'now()';

type TimestampOptions = { readonly default?: typeof insertTime };

/**
 * `created_at` and `updated_at`, set by the code that writes the record; the identity schema also lets the
 * database fill them (`{ default: insertTime }`).
 */
export const CreatedAt = (options?: TimestampOptions): PropertyDecorator => TimestampColumn({ name: 'created_at', ...options });

export const UpdatedAt = (options?: TimestampOptions): PropertyDecorator => TimestampColumn({ name: 'updated_at', ...options });
