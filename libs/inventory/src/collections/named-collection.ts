import { ErrorCode, isUuid, YardError, type InventoryFilterOf, type InventoryInputOf, type InventoryRecordOf } from '@yardmaster/contracts';
import type { InventoryPage } from '@yardmaster/job-sdk';
import type { EntityManager, Repository } from 'typeorm';
import type { NamedInventoryRecord } from '../entities/named-inventory.record';
import { BaseCollection } from './base-collection';
import { checkFilter, listOf, type FilterKind } from './check-filter';
import { conflict, notFound } from './inventory-errors';
import type { InventoryScope } from './inventory-scope';
import type { ListWindow } from './list-options';
import { readNamedCreate, readNamedPatch } from './named-input';
import type { NamedModel, NamedModelDefinition } from './named-model';
import { likePatternContaining } from './sql-text';

type RecordOf<M extends NamedModel> = InventoryRecordOf[M];

/** Sites, device roles, platforms and tags: named records with a unique slug, told apart by their definition. */
export class NamedCollection<M extends NamedModel> extends BaseCollection<M> {
  readonly model: M;
  readonly noun: string;
  private readonly filterKinds: Readonly<Record<string, FilterKind>>;

  constructor(
    private readonly definition: NamedModelDefinition<M>,
    scope: InventoryScope,
  ) {
    super(scope);
    this.model = definition.model;
    this.noun = definition.noun;
    const ownFilters = Object.entries(definition.ownFields).flatMap(([field, spec]) => (spec.filter ? [[field, spec.filter] as const] : []));
    this.filterKinds = { q: 'text', name: 'text', slug: 'text', id: 'list', ...Object.fromEntries(ownFilters) };
  }

  async loadMany(manager: EntityManager, ids: readonly string[]): Promise<Array<RecordOf<M>>> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await this.repository(manager).createQueryBuilder('record').where('record.id IN (:...uuids)', { uuids }).getMany();
    return rows.map((row) => this.recordOf(row));
  }

  protected async load(manager: EntityManager, id: string): Promise<RecordOf<M> | null> {
    return (await this.loadMany(manager, [id]))[0] ?? null;
  }

  protected checkFilter(filter: InventoryFilterOf[M]): void {
    checkFilter(filter, this.filterKinds, this.definition.plural);
  }

  protected async list(manager: EntityManager, filter: InventoryFilterOf[M], window: ListWindow): Promise<InventoryPage<RecordOf<M>>> {
    const fields = filter as Readonly<Record<string, unknown>>;
    const query = this.repository(manager).createQueryBuilder('record');
    if (fields.q) query.andWhere('(record.name ILIKE :q OR record.slug ILIKE :q)', { q: likePatternContaining(fields.q as string) });
    if (fields.name !== undefined) query.andWhere('record.name = :name', { name: fields.name });
    if (fields.slug !== undefined) query.andWhere('record.slug = :slug', { slug: fields.slug });
    if (fields.id !== undefined) {
      const ids = listOf(fields.id as string | string[]).filter(isUuid);
      query.andWhere(ids.length > 0 ? 'record.id IN (:...ids)' : '1 = 0', { ids });
    }
    for (const field of Object.keys(this.definition.ownFields)) {
      if (this.filterKinds[field] && fields[field] !== undefined) query.andWhere(`record.${field} = :${field}`, { [field]: fields[field] });
    }
    const total = await query.getCount();
    const rows = await query.orderBy('record.name', 'ASC').addOrderBy('record.id', 'ASC').limit(window.limit).offset(window.offset).getMany();
    return { items: rows.map((row) => this.recordOf(row)), total };
  }

  protected async insert(manager: EntityManager, id: string, input: unknown): Promise<RecordOf<M>> {
    const values = readNamedCreate(this.definition, input);
    await this.refuseDuplicates(manager, id, values.name, values.slug);
    const now = new Date();
    await this.repository(manager).insert({ ...values, id, createdAt: now, updatedAt: now });
    return this.loadOrFail(manager, id);
  }

  protected async modify(manager: EntityManager, id: string, patch: unknown): Promise<RecordOf<M>> {
    const changes = readNamedPatch(this.definition, patch);
    const current = isUuid(id) ? await this.load(manager, id) : null;
    if (!current) throw notFound(this.noun, id);
    await this.refuseDuplicates(manager, id, (changes.name as string | undefined) ?? current.name, (changes.slug as string | undefined) ?? current.slug);
    await this.repository(manager).update({ id }, { ...changes, updatedAt: new Date() });
    return this.loadOrFail(manager, id);
  }

  protected async remove(manager: EntityManager, id: string): Promise<void> {
    const current = isUuid(id) ? await this.load(manager, id) : null;
    if (!current) throw notFound(this.noun, id);
    const column = this.definition.deviceColumn;
    if (column) {
      const [{ devices }]: Array<{ devices: number }> = await manager.query(`SELECT count(*)::int AS devices FROM inventory_devices WHERE ${column} = $1`, [id]);
      if (devices > 0) {
        throw new YardError(
          ErrorCode.InventoryObjectInUse,
          `The ${this.noun} ${JSON.stringify(current.name)} is used by ${devices} device${devices === 1 ? '' : 's'}: move or delete them first`,
          undefined,
          { devices },
        );
      }
    }
    await this.repository(manager).delete({ id });
  }

  protected inputOf(record: RecordOf<M>): InventoryInputOf[M] {
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = record;
    return input as unknown as InventoryInputOf[M];
  }

  private async refuseDuplicates(manager: EntityManager, id: string, name: string, slug: string): Promise<void> {
    const clashes = await this.repository(manager)
      .createQueryBuilder('record')
      .where('record.id <> :id', { id })
      .andWhere('(lower(record.name) = lower(:name) OR record.slug = :slug)', { name, slug })
      .getMany();
    const sameSlug = clashes.find((clash) => clash.slug === slug);
    const sameName = clashes.find((clash) => clash !== sameSlug || clash.name.toLowerCase() === name.toLowerCase());
    if (sameName) throw conflict(this.noun, 'name', name, sameName.id);
    if (sameSlug) throw conflict(this.noun, 'slug', slug, sameSlug.id);
  }


  private repository(manager: EntityManager): Repository<NamedInventoryRecord> {
    return manager.getRepository(this.definition.entity);
  }

  private recordOf(row: NamedInventoryRecord): RecordOf<M> {
    const own = Object.fromEntries(Object.keys(this.definition.ownFields).map((field) => [field, (row as unknown as Record<string, unknown>)[field]]));
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      ...own,
      description: row.description,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    } as unknown as RecordOf<M>;
  }
}
