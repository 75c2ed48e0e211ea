import { randomUUID } from 'node:crypto';
import { isUuid, type InventoryChange, type InventoryFilterOf, type InventoryInputOf, type InventoryModel, type InventoryRecordOf } from '@yardmaster/contracts';
import type { InventoryCollection, InventoryListOptions, InventoryPage } from '@yardmaster/job-sdk';
import type { EntityManager } from 'typeorm';
import { notFound, translateDatabaseError } from './inventory-errors';
import type { InventoryScope } from './inventory-scope';
import { readListOptions, type ListWindow } from './list-options';

type RecordOf<M extends InventoryModel> = InventoryRecordOf[M];

/**
 * What every model's collection does the same way: scoping reads and writes, recording changes, replaying them.
 * A subclass says how its model is validated, stored and queried.
 */
export abstract class BaseCollection<M extends InventoryModel> implements InventoryCollection<M> {
  abstract readonly model: M;
  /** The model in words, for messages: "site", "device role". */
  abstract readonly noun: string;

  constructor(protected readonly scope: InventoryScope) {}

  async get(id: string): Promise<RecordOf<M> | null> {
    return isUuid(id) ? this.scope.read((manager) => this.load(manager, id)) : null;
  }

  async find(filter: InventoryFilterOf[M] = {} as InventoryFilterOf[M], options?: InventoryListOptions): Promise<InventoryPage<RecordOf<M>>> {
    const window = readListOptions(options);
    this.checkFilter(filter);
    return this.scope.read((manager) => this.list(manager, filter, window));
  }

  async create(input: InventoryInputOf[M]): Promise<RecordOf<M>> {
    return this.write(async (manager) => {
      const record = await this.insert(manager, randomUUID(), input);
      return { value: record, change: this.changeOf('create', record.id, record) };
    });
  }

  async update(id: string, patch: Partial<InventoryInputOf[M]>): Promise<RecordOf<M>> {
    return this.write(async (manager) => {
      const record = await this.modify(manager, id, patch);
      return { value: record, change: this.changeOf('update', id, record) };
    });
  }

  async delete(id: string): Promise<void> {
    return this.write(async (manager) => {
      await this.remove(manager, id);
      return { value: undefined, change: this.changeOf('delete', id, null) };
    });
  }

  /** Does again what `change` did in another session, with the same id; validated again like any write. */
  async apply(manager: EntityManager, change: InventoryChange): Promise<void> {
    if (change.op === 'delete') return this.remove(manager, change.id);
    if (!change.record) throw new Error(`An inventory ${change.op} change of ${change.id} carries no record`);
    const input = this.inputOf(change.record as RecordOf<M>);
    if (change.op === 'create') await this.insert(manager, change.id, input);
    else await this.modify(manager, change.id, input);
  }

  /** The record as it stands after a write; INVENTORY_OBJECT_NOT_FOUND when it is gone. */
  protected async loadOrFail(manager: EntityManager, id: string): Promise<RecordOf<M>> {
    const record = await this.load(manager, id);
    if (!record) throw notFound(this.noun, id);
    return record;
  }

  /** The records with these ids that exist, in no particular order; ids that are not UUIDs match nothing. */
  abstract loadMany(manager: EntityManager, ids: readonly string[]): Promise<Array<RecordOf<M>>>;
  protected abstract load(manager: EntityManager, id: string): Promise<RecordOf<M> | null>;
  /** Throws VALIDATION_FAILED for a filter a caller (a job, the scheduler) made up wrong. */
  protected abstract checkFilter(filter: InventoryFilterOf[M]): void;
  protected abstract list(manager: EntityManager, filter: InventoryFilterOf[M], window: ListWindow): Promise<InventoryPage<RecordOf<M>>>;
  protected abstract insert(manager: EntityManager, id: string, input: unknown): Promise<RecordOf<M>>;
  protected abstract modify(manager: EntityManager, id: string, patch: unknown): Promise<RecordOf<M>>;
  protected abstract remove(manager: EntityManager, id: string): Promise<void>;
  /** The input that makes a record as it is: what a replay writes. */
  protected abstract inputOf(record: RecordOf<M>): InventoryInputOf[M];

  /** A write in the collection's scope: its change recorded, the database's refusals translated. */
  protected write<T>(work: (manager: EntityManager) => Promise<{ value: T; change: InventoryChange | null }>): Promise<T> {
    return this.scope.write(work).catch((error: unknown) => {
      throw translateDatabaseError(error, this.noun);
    });
  }

  private changeOf(op: InventoryChange['op'], id: string, record: RecordOf<M> | null): InventoryChange {
    return { model: this.model, op, id, record };
  }
}
