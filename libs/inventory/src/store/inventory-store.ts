import type { Device, DeviceFactsInput, InventoryChange, InventoryModel, InventoryRecordOf } from '@yardmaster/contracts';
import type { InventoryAccess } from '@yardmaster/job-sdk';
import type { DataSource, EntityManager } from 'typeorm';
import type { InventoryScope } from '../collections/inventory-scope';
import { inventoryCollections, type InventoryCollections } from './inventory-collections';
import type { InventorySession } from './inventory-session';
import { SessionScope } from './session-scope';

/** What a step behind its own savepoint may do: the collections and the device facts a collection writes. */
export interface InventoryWriter extends InventoryAccess {
  recordDeviceFacts(deviceId: string, facts: DeviceFactsInput): Promise<Device>;
}

/** How one step behind its savepoint ended: what it returned, or what it threw (its writes undone). */
export type SavepointOutcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/** Runs one step behind a savepoint of its own, inside `withSavepointPerStep`'s transaction. */
export type SavepointStep = <R>(step: (inventory: InventoryWriter) => Promise<R>) => Promise<SavepointOutcome<R>>;

export interface ExistingRecords<M extends InventoryModel> {
  readonly records: Map<string, InventoryRecordOf[M]>;
  /** The ids asked for that name no record, in the order asked. */
  readonly missing: string[];
}

/** The inventory in Postgres: sites, device roles, platforms, tags, devices and what collection plans find on them. */
export class InventoryStore {
  /** Each write in a transaction of its own; what the REST API uses. */
  readonly collections: InventoryAccess;
  private readonly byModel: InventoryCollections['byModel'];

  constructor(private readonly dataSource: DataSource) {
    const scope: InventoryScope = {
      read: (work) => work(dataSource.manager),
      write: (work) => dataSource.transaction(async (manager) => (await work(manager)).value),
    };
    const collections = inventoryCollections(scope);
    this.collections = collections.access;
    this.byModel = collections.byModel;
  }

  /**
   * Writes what a facts collection found about a device: vendor, model, serial, osVersion, hostname, uptime
   * (seconds) and lastCollectedAt (default now); fields left out stay as they are, null clears one. Not part of
   * a device's create or patch: people do not type facts, collectors find them.
   */
  recordDeviceFacts(deviceId: string, facts: DeviceFactsInput): Promise<Device> {
    return this.byModel.device.recordFacts(deviceId, facts);
  }

  /**
   * Runs `work` in one transaction. With `persist: true` it commits when `work` resolves; with `persist: false`
   * (a dry run) it always rolls back. Either way it rolls back when `work` throws, and the error goes on.
   * Returns what `work` returned and the changes it made.
   */
  async withSession<T>(options: { persist: boolean }, work: (session: InventorySession) => Promise<T>): Promise<{ result: T; changes: InventoryChange[] }> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    const scope = new SessionScope(queryRunner.manager);
    try {
      await queryRunner.startTransaction();
      const collections = inventoryCollections(scope);
      const session: InventorySession = {
        ...collections.access,
        get changes() {
          return scope.changes;
        },
        replay: (changes) =>
          scope.write(async (manager) => {
            for (const change of changes) await collections.byModel[change.model].apply(manager, change);
            return { value: undefined, change: null };
          }),
        recordDeviceFacts: (deviceId, facts) => collections.byModel.device.recordFacts(deviceId, facts),
      };
      const result = await work(session);
      await scope.close();
      if (options.persist) await queryRunner.commitTransaction();
      else await queryRunner.rollbackTransaction();
      return { result, changes: [...scope.changes] };
    } catch (error) {
      await scope.close();
      // A failed rollback (a lost connection) must not hide why the session failed.
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /**
   * Runs `work` in one transaction in which each step it hands to `step` runs behind a savepoint of its own: a
   * step that throws (the inventory refused a write, or a constraint did) undoes only its own writes and answers
   * its error, and the transaction goes on. The transaction commits when `work` resolves (after whatever `work`
   * does last, e.g. publishing what it did) and rolls back whole when `work` throws. Steps run one at a time,
   * in the order asked.
   */
  async withSavepointPerStep<T>(work: (step: SavepointStep) => Promise<T>): Promise<T> {
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    let tail: Promise<unknown> = Promise.resolve();
    const step: SavepointStep = (write) => {
      const outcome = tail.then(() => this.behindSavepoint(queryRunner.manager, write));
      tail = outcome;
      return outcome;
    };
    try {
      await queryRunner.startTransaction();
      const result = await work(step);
      await tail;
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      // A failed rollback (a lost connection) must not hide why the work failed.
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  private async behindSavepoint<R>(manager: EntityManager, write: (inventory: InventoryWriter) => Promise<R>): Promise<SavepointOutcome<R>> {
    try {
      // A transaction inside the open one is a SAVEPOINT: rolled back to on a throw, released otherwise.
      const value = await manager.transaction(async (savepoint) => {
        const scope = new SessionScope(savepoint);
        const collections = inventoryCollections(scope);
        try {
          return await write({ ...collections.access, recordDeviceFacts: (deviceId, facts) => collections.byModel.device.recordFacts(deviceId, facts) });
        } finally {
          await scope.close();
        }
      });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Which of these ids name a record of `model`, with the records; how the scheduler checks object variables. */
  async findExisting<M extends InventoryModel>(model: M, ids: readonly string[]): Promise<ExistingRecords<M>> {
    const found = await (this.byModel[model] as InventoryCollections['byModel'][M]).loadMany(this.dataSource.manager, ids);
    const records = new Map<string, InventoryRecordOf[M]>(found.map((record) => [record.id, record as InventoryRecordOf[M]]));
    return { records, missing: ids.filter((id) => !records.has(id)) };
  }
}
