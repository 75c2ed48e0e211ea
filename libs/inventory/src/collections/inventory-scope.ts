import type { InventoryChange } from '@yardmaster/contracts';
import type { EntityManager } from 'typeorm';

/** What one write did: its result, and the change to record (none for a replayed change). */
export interface WriteOutcome<T> {
  readonly value: T;
  readonly change: InventoryChange | null;
}

/**
 * Where a collection's reads and writes run. The store's scope gives each write a transaction of its own; a
 * session's scope runs everything in its one transaction (each write behind a savepoint), one call at a time,
 * and records the changes.
 */
export interface InventoryScope {
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  write<T>(work: (manager: EntityManager) => Promise<WriteOutcome<T>>): Promise<T>;
}
