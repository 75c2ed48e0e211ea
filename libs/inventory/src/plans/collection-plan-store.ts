import { randomUUID } from 'node:crypto';
import { ErrorCode, isUuid, PLAN_PRIORITIES, YardError, type CollectionPlanBody, type PlanPriority } from '@yardmaster/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { likePatternContaining } from '../collections/sql-text';
import type { ListWindow } from '../collections/list-options';
import { CollectionPlanRecord } from './collection-plan.record';
import { collectionPlanNameTaken, collectionPlanNotFound, translateCollectionPlanError } from './collection-plan-errors';
import { readCollectionPlanBody, unknownReferences } from './collection-plan-input';
import { bodyOf, columnsOf, storedCollectionPlanOf, type StoredCollectionPlan } from './stored-collection-plan';

export interface CollectionPlanFilter {
  /** Part of the name, any case. */
  readonly q?: string;
  readonly enabled?: boolean;
  readonly priority?: PlanPriority;
}

/**
 * Keeps the plan's schedule in step with a write, inside the write's transaction: given the plan as it will be
 * (with the schedule id it had), answers the schedule id it has now. A throw undoes the write.
 */
export type ScheduleSync = (plan: StoredCollectionPlan) => Promise<string | null>;

/**
 * Collection plans as people manage them: each write in a transaction of its own that holds the plan's row, so
 * that a write, the schedule it brings along and a run's start never interleave for one plan.
 */
export class CollectionPlanStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(filter: CollectionPlanFilter, window: ListWindow): Promise<{ items: StoredCollectionPlan[]; total: number }> {
    if (filter.priority !== undefined && !(PLAN_PRIORITIES as readonly string[]).includes(filter.priority)) {
      throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', [{ field: 'priority', message: `must be one of ${PLAN_PRIORITIES.join(', ')}` }]);
    }
    const query = this.dataSource.getRepository(CollectionPlanRecord).createQueryBuilder('plan');
    if (filter.q) query.andWhere('plan.name ILIKE :q', { q: likePatternContaining(filter.q) });
    if (filter.enabled !== undefined) query.andWhere('plan.enabled = :enabled', { enabled: filter.enabled });
    if (filter.priority) query.andWhere('plan.priority = :priority', { priority: filter.priority });
    const total = await query.getCount();
    const rows = await query.orderBy('lower(plan.name)', 'ASC').addOrderBy('plan.id', 'ASC').limit(window.limit).offset(window.offset).getMany();
    return { items: rows.map(storedCollectionPlanOf), total };
  }

  async get(id: string): Promise<StoredCollectionPlan> {
    return storedCollectionPlanOf(await this.loadOrFail(this.dataSource.manager, id));
  }

  async create(input: unknown, createdBy: string, syncSchedule: ScheduleSync): Promise<StoredCollectionPlan> {
    const body = readCollectionPlanBody(input, null);
    return this.write(() => body.name, async (manager) => {
      await this.refuseInvalid(manager, null, body, null);
      const now = new Date();
      const record = manager.getRepository(CollectionPlanRecord).create({ id: randomUUID(), ...columnsOf(body), lastRunId: null, scheduleId: null, createdBy, createdAt: now, updatedAt: now });
      await manager.getRepository(CollectionPlanRecord).insert(record);
      record.scheduleId = await syncSchedule(storedCollectionPlanOf(record));
      if (record.scheduleId !== null) await manager.getRepository(CollectionPlanRecord).update({ id: record.id }, { scheduleId: record.scheduleId });
      return storedCollectionPlanOf(record);
    });
  }

  /** `replace`: the input is the whole plan (PUT), its absent fields back to their defaults; else only its fields change. */
  async update(id: string, input: unknown, mode: 'patch' | 'replace', syncSchedule: ScheduleSync): Promise<StoredCollectionPlan> {
    let name = id;
    return this.write(() => name, async (manager) => {
      const record = await this.loadOrFail(manager, id, true);
      const current = bodyOf(record);
      const body = readCollectionPlanBody(input, mode === 'patch' ? current : null);
      name = body.name;
      await this.refuseInvalid(manager, record.id, body, current);
      const next: CollectionPlanRecord = { ...record, ...columnsOf(body), updatedAt: new Date() };
      next.scheduleId = await syncSchedule(storedCollectionPlanOf(next));
      await manager.getRepository(CollectionPlanRecord).update({ id: record.id }, { ...columnsOf(body), scheduleId: next.scheduleId, updatedAt: next.updatedAt });
      return storedCollectionPlanOf(next);
    });
  }

  /** `beforeDelete` (removing the plan's schedule) runs inside the delete's transaction: its failure keeps the plan. */
  async delete(id: string, beforeDelete: (plan: StoredCollectionPlan) => Promise<void>): Promise<StoredCollectionPlan> {
    return this.write(() => id, async (manager) => {
      const record = await this.loadOrFail(manager, id, true);
      await beforeDelete(storedCollectionPlanOf(record));
      await manager.getRepository(CollectionPlanRecord).delete({ id: record.id });
      return storedCollectionPlanOf(record);
    });
  }

  /**
   * Starts a run of the plan with its row held: `start` decides from the plan and its last run whether one may
   * start, and starts it; its run becomes the plan's last. A second start of the same plan waits for the first to
   * commit, so it sees the first's run (one 202, one 409).
   */
  async startRun<T extends { readonly runId: string }>(id: string, start: (plan: StoredCollectionPlan) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.loadOrFail(manager, id, true);
      const started = await start(storedCollectionPlanOf(record));
      await manager.getRepository(CollectionPlanRecord).update({ id: record.id }, { lastRunId: started.runId });
      return started;
    });
  }

  /** `nameOf`: the name the write gave, for a refusal of the database's unique name (read once the write has parsed it). */
  private async write<T>(nameOf: () => string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw translateCollectionPlanError(error, nameOf());
    }
  }

  private async refuseInvalid(manager: EntityManager, id: string | null, body: CollectionPlanBody, current: CollectionPlanBody | null): Promise<void> {
    const clash = await manager
      .getRepository(CollectionPlanRecord)
      .createQueryBuilder('plan')
      .where('lower(plan.name) = lower(:name)', { name: body.name })
      .andWhere(id === null ? 'TRUE' : 'plan.id <> :id', { id })
      .getOne();
    if (clash) throw collectionPlanNameTaken(body.name, clash.id);
    const errors = await unknownReferences(manager, body, current);
    if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The collection plan names what the inventory does not hold', errors);
  }

  private async loadOrFail(manager: EntityManager, id: string, forUpdate = false): Promise<CollectionPlanRecord> {
    if (!isUuid(id)) throw collectionPlanNotFound(id);
    const query = manager.getRepository(CollectionPlanRecord).createQueryBuilder('plan').where('plan.id = :id', { id });
    if (forUpdate) query.setLock('pessimistic_write');
    const record = await query.getOne();
    if (!record) throw collectionPlanNotFound(id);
    return record;
  }
}
