import { isUuid, type FieldError, type InventoryFilterOf, type InventoryInputOf, type InventoryRecordOf } from '@yardmaster/contracts';
import type { InventoryPage } from '@yardmaster/job-sdk';
import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { readInput, throwIfInvalid } from '../validation/read-input';
import { BaseCollection } from './base-collection';
import { checkFilter, type FilterKind } from './check-filter';
import type { CollectedModel, CollectedModelDefinition } from './collected-model';
import { conflict, notFound, translateDatabaseError } from './inventory-errors';
import type { InventoryScope } from './inventory-scope';
import type { ListWindow } from './list-options';

type RecordOf<M extends CollectedModel> = InventoryRecordOf[M];

/** Records on devices list by their device's name, as people look for them (then by id, for devices of one name). */
const DEVICE_NAME = '(SELECT ordering_device.name FROM inventory_devices ordering_device WHERE ordering_device.id = record.device_id)';
type Values = Record<string, unknown>;

/**
 * Interfaces, IP addresses, neighbours, MAC table entries, LLDP neighbours and inventory items: records that
 * hang off a device, told apart by their definition. Checks what a write refers to (the device exists; the
 * interface exists and, for a record on a device, is that device's) and refuses a record that clashes with
 * another by the model's unique key. A record stays on the device it was created on.
 */
export class CollectedCollection<M extends CollectedModel> extends BaseCollection<M> {
  readonly model: M;
  readonly noun: string;
  private readonly filterKinds: Readonly<Record<string, FilterKind>>;

  constructor(
    private readonly definition: CollectedModelDefinition<M>,
    scope: InventoryScope,
  ) {
    super(scope);
    this.model = definition.model;
    this.noun = definition.noun;
    this.filterKinds = Object.fromEntries(Object.entries(definition.filters).map(([field, filter]) => [field, filter.kind]));
  }

  async loadMany(manager: EntityManager, ids: readonly string[]): Promise<Array<RecordOf<M>>> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await this.repository(manager).createQueryBuilder('record').where('record.id IN (:...uuids)', { uuids }).getMany();
    return this.recordsOf(manager, rows);
  }

  protected async load(manager: EntityManager, id: string): Promise<RecordOf<M> | null> {
    return (await this.loadMany(manager, [id]))[0] ?? null;
  }

  protected checkFilter(filter: InventoryFilterOf[M]): void {
    checkFilter(filter, this.filterKinds, this.definition.plural);
  }

  protected async list(manager: EntityManager, filter: InventoryFilterOf[M], window: ListWindow): Promise<InventoryPage<RecordOf<M>>> {
    const query = this.repository(manager).createQueryBuilder('record');
    for (const [field, value] of Object.entries(filter as Values)) {
      if (value === undefined) continue;
      const condition = (this.definition.filters[field] as CollectedModelDefinition<M>['filters'][string]).where(value);
      query.andWhere(condition.sql, condition.params);
    }
    const total = await query.getCount();
    const ordering = [...(this.definition.onDevice ? [DEVICE_NAME, 'record.deviceId'] : []), ...this.definition.orderBy.map((field) => (field.startsWith('(') ? field : `record.${field}`))];
    ordering.forEach((expression, index) => (index === 0 ? query.orderBy(expression, 'ASC') : query.addOrderBy(expression, 'ASC')));
    const rows = await query.addOrderBy('record.id', 'ASC').limit(window.limit).offset(window.offset).getMany();
    return { items: await this.recordsOf(manager, rows), total };
  }

  protected async insert(manager: EntityManager, id: string, input: unknown): Promise<RecordOf<M>> {
    const read = readInput(this.definition.schema, input, 'create', this.noun);
    const values: Values = { ...this.definition.defaults(), ...read.values };
    await this.checkReferences(manager, values, read.errors);
    throwIfInvalid(read.errors, this.noun);
    await this.refuseClash(manager, id, values);
    const derived = this.definition.derive ? await this.definition.derive(manager, values) : {};
    const now = new Date();
    await this.refusingClashes(() => this.repository(manager).insert({ ...values, ...derived, id, createdAt: now, updatedAt: now }));
    return this.loadOrFail(manager, id);
  }

  protected async modify(manager: EntityManager, id: string, patch: unknown): Promise<RecordOf<M>> {
    const read = readInput(this.definition.schema, patch, 'patch', this.noun);
    const current = isUuid(id) ? await this.load(manager, id) : null;
    if (!current) throw notFound(this.noun, id);
    const currentValues = current as unknown as Values;
    if (this.definition.onDevice && read.values.deviceId !== undefined && read.values.deviceId !== currentValues.deviceId) {
      read.errors.push({ field: 'deviceId', message: `cannot change: the ${this.noun} stays on its device (delete it and create it on the other)` });
    }
    const merged: Values = { ...currentValues, ...read.values };
    await this.checkReferences(manager, { ...read.values, deviceId: merged.deviceId }, read.errors);
    throwIfInvalid(read.errors, this.noun);
    await this.refuseClash(manager, id, merged);
    const derived = this.definition.derive ? await this.definition.derive(manager, merged) : {};
    await this.refusingClashes(() => this.repository(manager).update({ id }, { ...read.values, ...derived, updatedAt: new Date() }));
    return this.loadOrFail(manager, id);
  }

  protected async remove(manager: EntityManager, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.repository(manager).existsBy({ id }))) throw notFound(this.noun, id);
    await this.repository(manager).delete({ id });
  }

  protected inputOf(record: RecordOf<M>): InventoryInputOf[M] {
    return Object.fromEntries(Object.entries(record).filter(([field]) => Object.hasOwn(this.definition.schema, field))) as unknown as InventoryInputOf[M];
  }

  /** The device must exist; an interface given must exist and, for a record on a device, be one of that device's. */
  private async checkReferences(manager: EntityManager, values: Values, errors: FieldError[]): Promise<void> {
    const deviceId = values.deviceId;
    if (this.definition.onDevice && typeof deviceId === 'string') {
      const rows: unknown[] = isUuid(deviceId) ? await manager.query(`SELECT 1 FROM inventory_devices WHERE id = $1`, [deviceId]) : [];
      if (rows.length === 0) errors.push({ field: 'deviceId', message: 'no device has this id' });
    }
    const interfaceId = values.interfaceId;
    if (typeof interfaceId !== 'string') return;
    const rows: Array<{ device_id: string }> = isUuid(interfaceId) ? await manager.query(`SELECT device_id FROM inventory_interfaces WHERE id = $1`, [interfaceId]) : [];
    if (rows.length === 0) errors.push({ field: 'interfaceId', message: 'no interface has this id' });
    else if (this.definition.onDevice && rows[0]?.device_id !== deviceId && isUuid(deviceId as string)) {
      errors.push({ field: 'interfaceId', message: 'is an interface of another device' });
    }
  }

  private async refuseClash(manager: EntityManager, id: string, values: Values): Promise<void> {
    const { field, clash } = this.definition.uniqueKey;
    const condition = clash(values);
    const other = await this.repository(manager).createQueryBuilder('record').where('record.id <> :id', { id }).andWhere(condition.sql, condition.params).getOne();
    if (other) throw conflict(this.noun, field, String(values[field]), other.id as string);
  }

  /** A write the database may still refuse (a concurrent writer took the key first): a conflict on the model's key. */
  private async refusingClashes(work: () => Promise<unknown>): Promise<void> {
    await work().catch((error: unknown) => {
      throw translateDatabaseError(error, this.noun, this.definition.uniqueKey.field);
    });
  }


  private repository(manager: EntityManager): Repository<ObjectLiteral> {
    return manager.getRepository(this.definition.entity);
  }

  private async recordsOf(manager: EntityManager, rows: readonly ObjectLiteral[]): Promise<Array<RecordOf<M>>> {
    const bigints = new Set(this.definition.bigintFields ?? []);
    const records = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([field, value]) => {
          if (value instanceof Date) return [field, value.toISOString()];
          if (bigints.has(field) && value !== null) return [field, Number(value)];
          return [field, value];
        }),
      ),
    );
    if (this.definition.decorate) await this.definition.decorate(manager, records);
    return records as unknown as Array<RecordOf<M>>;
  }
}
