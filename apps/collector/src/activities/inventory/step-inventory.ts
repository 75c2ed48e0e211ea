import type { InventoryChange } from '@yardmaster/contracts';
import type { InventorySession, InventoryStore } from '@yardmaster/inventory';
import { COLLECTION_OF_MODEL, type InventoryAccess, type InventoryCollection } from '@yardmaster/job-sdk';
import { ReadOnlyJobError } from './read-only-job.error';

export interface StepInventoryOptions {
  readonly jobId: string;
  /** True: the step's changes are saved when it ends well. False (a dry run): they are always rolled back. */
  readonly persist: boolean;
  readonly readOnly: boolean;
  /** A dry run's changes by earlier steps, replayed first so this step sees them. */
  readonly priorChanges: readonly InventoryChange[];
}

/** Thrown inside the session's work to make it roll back; never escapes this file. */
class RollBack extends Error {}

/**
 * The inventory as one step sees it: one transaction for the whole step, opened on first use (a step that
 * never touches the inventory holds no database connection), committed or rolled back by `end`.
 */
export class StepInventory {
  readonly access: InventoryAccess;
  private session: Promise<InventorySession> | null = null;
  /** Resolves when the transaction has closed: to the error that closing it raised, if any (e.g. a failed commit). */
  private settled: Promise<Error | null> | null = null;
  private finish: ((keep: boolean) => void) | null = null;

  constructor(
    private readonly store: InventoryStore,
    private readonly options: StepInventoryOptions,
  ) {
    this.access = {
      sites: this.collection('site'),
      deviceRoles: this.collection('device_role'),
      platforms: this.collection('platform'),
      tags: this.collection('tag'),
      devices: this.collection('device'),
      interfaces: this.collection('interface'),
      ipAddresses: this.collection('ip_address'),
      ipNeighbours: this.collection('ip_neighbour'),
      macEntries: this.collection('mac_entry'),
      lldpNeighbours: this.collection('lldp_neighbour'),
      inventoryItems: this.collection('inventory_item'),
    };
  }

  /**
   * Ends the step's transaction: commits when `stepSucceeded` and the run commits, rolls back otherwise.
   * Returns the changes the step itself made (replayed ones excluded), whether saved or not.
   */
  async end(stepSucceeded: boolean): Promise<InventoryChange[]> {
    if (!this.session || !this.finish) return [];
    const session = await this.session.catch(() => null);
    // Opening failed: the job's own call got that error, and there is nothing to close.
    if (!session) return [];
    this.finish(stepSucceeded && this.options.persist);
    const closeError = await this.settled;
    if (closeError) throw closeError;
    return [...session.changes];
  }

  private collection<TModel extends keyof typeof COLLECTION_OF_MODEL>(model: TModel): InventoryCollection<TModel> {
    const name = COLLECTION_OF_MODEL[model];
    const target = async () => (await this.open())[name] as unknown as InventoryCollection<TModel>;
    const write = (operation: string) => {
      if (this.options.readOnly) throw new ReadOnlyJobError(this.options.jobId, operation, model);
    };
    return {
      get: async (id) => (await target()).get(id),
      find: async (filter, options) => (await target()).find(filter, options),
      create: async (input) => {
        write('create');
        return (await target()).create(input);
      },
      update: async (id, patch) => {
        write('update');
        return (await target()).update(id, patch);
      },
      delete: async (id) => {
        write('delete');
        return (await target()).delete(id);
      },
    };
  }

  private open(): Promise<InventorySession> {
    if (this.session) return this.session;
    const ended = new Promise<boolean>((resolve) => {
      this.finish = resolve;
    });
    this.session = new Promise<InventorySession>((resolve, reject) => {
      const work = async (session: InventorySession) => {
        await session.replay(this.options.priorChanges);
        resolve(session);
        // The transaction stays open while the job works; `end` decides how it closes.
        if (!(await ended)) throw new RollBack();
      };
      this.settled = this.store.withSession({ persist: this.options.persist }, work).then(
        () => null,
        (error: unknown) => {
          if (error instanceof RollBack) return null;
          const failure = error instanceof Error ? error : new Error(String(error));
          // Before the job got the session (opening or replaying failed), this fails the job's call.
          reject(failure);
          return failure;
        },
      );
    });
    return this.session;
  }
}
