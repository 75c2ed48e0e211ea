import type { InventoryChange } from '@yardmaster/contracts';
import type { EntityManager } from 'typeorm';
import type { InventoryScope, WriteOutcome } from '../collections/inventory-scope';

/**
 * A session's scope: everything on its one connection and transaction. Calls run one at a time, so a job that
 * fires several at once still gets changes in a definite order; each write runs behind a savepoint, so a write
 * that fails (a conflict the database caught) undoes only itself and the transaction stays usable.
 */
export class SessionScope implements InventoryScope {
  readonly changes: InventoryChange[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private open = true;

  constructor(private readonly manager: EntityManager) {}

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.serially(() => work(this.manager));
  }

  write<T>(work: (manager: EntityManager) => Promise<WriteOutcome<T>>): Promise<T> {
    return this.serially(async () => {
      const outcome = await this.manager.transaction(work);
      if (outcome.change) this.changes.push(outcome.change);
      return outcome.value;
    });
  }

  /** Refuses further calls and resolves once those already made have finished, before the transaction ends. */
  async close(): Promise<void> {
    this.open = false;
    await this.tail;
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    if (!this.open) return Promise.reject(new Error('This inventory session has ended: its transaction is closed'));
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
