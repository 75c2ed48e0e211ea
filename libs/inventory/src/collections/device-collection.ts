import { DEVICE_STATUSES, isUuid, type Device, type DeviceFactsInput, type DeviceFilter, type DeviceInput, type FieldError, type InventoryChange, type ManagementSettings } from '@yardmaster/contracts';
import type { InventoryPage } from '@yardmaster/job-sdk';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { DeviceTagRecord } from '../entities/device-tag.record';
import { DeviceRecord } from '../entities/device.record';
import { throwIfInvalid } from '../validation/read-input';
import { BaseCollection } from './base-collection';
import { checkFilter, listOf, type FilterKind } from './check-filter';
import { readDeviceFacts } from './device-facts-input';
import { readDeviceCreate, readDevicePatch } from './device-input';
import { conflict, notFound } from './inventory-errors';
import type { ListWindow } from './list-options';
import { likePatternContaining } from './sql-text';

const DEVICE_FILTERS: Readonly<Record<string, FilterKind>> = {
  q: 'text',
  name: 'text',
  id: 'list',
  site: 'text',
  role: 'text',
  platform: 'text',
  status: { oneOf: DEVICE_STATUSES },
  tag: 'list',
  hasPrimaryAddress: 'boolean',
  hasOobAddress: 'boolean',
};

/** The records a device refers to: its field, the table, and the model in words. */
const REFERENCES = [
  { field: 'siteId', filter: 'site', table: 'inventory_sites', noun: 'site' },
  { field: 'roleId', filter: 'role', table: 'inventory_device_roles', noun: 'device role' },
  { field: 'platformId', filter: 'platform', table: 'inventory_platforms', noun: 'platform' },
] as const;

type DeviceValues = Record<string, unknown>;

export class DeviceCollection extends BaseCollection<'device'> {
  readonly model = 'device' as const;
  readonly noun = 'device';

  async loadMany(manager: EntityManager, ids: readonly string[]): Promise<Device[]> {
    const uuids = ids.filter(isUuid);
    if (uuids.length === 0) return [];
    const rows = await this.repository(manager).createQueryBuilder('device').where('device.id IN (:...uuids)', { uuids }).getMany();
    return this.recordsOf(manager, rows);
  }

  protected async load(manager: EntityManager, id: string): Promise<Device | null> {
    return (await this.loadMany(manager, [id]))[0] ?? null;
  }

  protected checkFilter(filter: DeviceFilter): void {
    checkFilter(filter, DEVICE_FILTERS, 'devices');
  }

  protected async list(manager: EntityManager, filter: DeviceFilter, window: ListWindow): Promise<InventoryPage<Device>> {
    const query = this.repository(manager).createQueryBuilder('device');
    if (filter.q) query.andWhere('device.name ILIKE :q', { q: likePatternContaining(filter.q) });
    if (filter.name !== undefined) query.andWhere('device.name = :name', { name: filter.name });
    if (filter.id !== undefined) {
      const ids = listOf(filter.id).filter(isUuid);
      query.andWhere(ids.length > 0 ? 'device.id IN (:...ids)' : '1 = 0', { ids });
    }
    for (const reference of REFERENCES) {
      const value = filter[reference.filter];
      if (value !== undefined) whereReferenceIs(query, reference.field, reference.table, value);
    }
    if (filter.status !== undefined) query.andWhere('device.status = :status', { status: filter.status });
    listOf(filter.tag ?? []).forEach((slug, index) => {
      query.andWhere(
        `EXISTS (SELECT 1 FROM inventory_device_tags device_tag JOIN inventory_tags tag ON tag.id = device_tag.tag_id
                 WHERE device_tag.device_id = device.id AND tag.slug = :tag${index})`,
        { [`tag${index}`]: slug },
      );
    });
    if (filter.hasPrimaryAddress !== undefined) query.andWhere(`device.primaryAddress IS ${filter.hasPrimaryAddress ? 'NOT ' : ''}NULL`);
    if (filter.hasOobAddress !== undefined) query.andWhere(`device.oobAddress IS ${filter.hasOobAddress ? 'NOT ' : ''}NULL`);
    const total = await query.getCount();
    const rows = await query.orderBy('device.name', 'ASC').addOrderBy('device.id', 'ASC').limit(window.limit).offset(window.offset).getMany();
    return { items: await this.recordsOf(manager, rows), total };
  }

  protected async insert(manager: EntityManager, id: string, input: unknown): Promise<Device> {
    const { values, errors } = readDeviceCreate(input);
    const tagIds = await this.checkReferences(manager, values, errors);
    throwIfInvalid(errors, this.noun);
    await this.refuseDuplicateName(manager, id, values.name as string, values.siteId as string);
    const { tags: _tags, ...columns } = values;
    const now = new Date();
    await this.repository(manager).insert({ ...columns, ...credentialsRefColumn(values), id, createdAt: now, updatedAt: now });
    await this.replaceTags(manager, id, tagIds ?? []);
    return this.loadOrFail(manager, id);
  }

  protected async modify(manager: EntityManager, id: string, patch: unknown): Promise<Device> {
    const { values, errors } = readDevicePatch(patch);
    const current = isUuid(id) ? await this.load(manager, id) : null;
    if (!current) throw notFound(this.noun, id);
    const tagIds = await this.checkReferences(manager, values, errors);
    throwIfInvalid(errors, this.noun);
    if (values.name !== undefined || values.siteId !== undefined) {
      await this.refuseDuplicateName(manager, id, (values.name as string | undefined) ?? current.name, (values.siteId as string | undefined) ?? current.siteId);
    }
    const { tags: _tags, ...columns } = values;
    await this.repository(manager).update({ id }, { ...columns, ...credentialsRefColumn(values), updatedAt: new Date() });
    if (tagIds) await this.replaceTags(manager, id, tagIds);
    return this.loadOrFail(manager, id);
  }

  protected async remove(manager: EntityManager, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.repository(manager).existsBy({ id }))) throw notFound(this.noun, id);
    await this.repository(manager).delete({ id });
  }

  protected inputOf(record: Device): DeviceInput {
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, facts: _facts, ...input } = record;
    return input;
  }

  /**
   * Writes what a facts collection found about the device (fields left out stay as they are). Recorded as an
   * update of the device, so a dry run's later steps see it too.
   */
  async recordFacts(id: string, facts: DeviceFactsInput): Promise<Device> {
    return this.write(async (manager) => {
      const record = await this.writeFacts(manager, id, facts);
      return { value: record, change: { model: this.model, op: 'update', id, record } };
    });
  }

  /** A replayed change brings the device's facts back too (a device never collected has none to bring). */
  override async apply(manager: EntityManager, change: InventoryChange): Promise<void> {
    await super.apply(manager, change);
    const facts = change.op === 'delete' ? undefined : (change.record as Device | null)?.facts;
    if (facts?.lastCollectedAt) await this.writeFacts(manager, change.id, facts);
  }

  private async writeFacts(manager: EntityManager, id: string, facts: DeviceFactsInput): Promise<Device> {
    const values = readDeviceFacts(facts);
    if (!isUuid(id) || !(await this.repository(manager).existsBy({ id }))) throw notFound(this.noun, id);
    const columns = values.uptime === undefined || values.uptime === null ? values : { ...values, uptime: String(values.uptime) };
    await this.repository(manager).update({ id }, columns);
    return this.loadOrFail(manager, id);
  }

  /**
   * Adds a field error for each id that names no record, for a credential set that does not exist (the foreign key
   * on `credentials_ref` guards the same against a concurrent delete) and for tags that do not exist; returns the ids of the
   * tags given, or null when the input leaves them out.
   */
  private async checkReferences(manager: EntityManager, values: DeviceValues, errors: FieldError[]): Promise<string[] | null> {
    for (const reference of REFERENCES) {
      const id = values[reference.field];
      if (typeof id !== 'string') continue;
      const rows: unknown[] = isUuid(id) ? await manager.query(`SELECT 1 FROM ${reference.table} WHERE id = $1`, [id]) : [];
      if (rows.length === 0) errors.push({ field: reference.field, message: `no ${reference.noun} has this id` });
    }
    const credentialsRef = (values.management as ManagementSettings | null | undefined)?.credentialsRef;
    if (typeof credentialsRef === 'string') {
      const sets: unknown[] = await manager.query(`SELECT 1 FROM inventory_credential_sets WHERE name = $1`, [credentialsRef]);
      if (sets.length === 0) errors.push({ field: 'management.credentialsRef', message: 'no credential set has this name (names match exactly, case included)' });
    }
    if (!Array.isArray(values.tags)) return null;
    const slugs = values.tags as string[];
    if (slugs.length === 0) return [];
    const tags: Array<{ id: string; slug: string }> = await manager.query(`SELECT id, slug FROM inventory_tags WHERE slug = ANY($1)`, [slugs]);
    const missing = slugs.filter((slug) => !tags.some((tag) => tag.slug === slug));
    if (missing.length > 0) errors.push({ field: 'tags', message: `no tag has the slug ${missing.join(', ')}` });
    return tags.map((tag) => tag.id);
  }

  private async refuseDuplicateName(manager: EntityManager, id: string, name: string, siteId: string): Promise<void> {
    const clash = await this.repository(manager)
      .createQueryBuilder('device')
      .where('device.id <> :id', { id })
      .andWhere('device.siteId = :siteId', { siteId })
      .andWhere('lower(device.name) = lower(:name)', { name })
      .getOne();
    if (clash) throw conflict('device at this site', 'name', name, clash.id);
  }

  private async replaceTags(manager: EntityManager, deviceId: string, tagIds: readonly string[]): Promise<void> {
    const deviceTags = manager.getRepository(DeviceTagRecord);
    await deviceTags.delete({ deviceId });
    if (tagIds.length > 0) await deviceTags.insert(tagIds.map((tagId) => ({ deviceId, tagId })));
  }


  private repository(manager: EntityManager): Repository<DeviceRecord> {
    return manager.getRepository(DeviceRecord);
  }

  private async recordsOf(manager: EntityManager, rows: readonly DeviceRecord[]): Promise<Device[]> {
    if (rows.length === 0) return [];
    const tagRows: Array<{ device_id: string; slug: string }> = await manager.query(
      `SELECT device_tag.device_id, tag.slug FROM inventory_device_tags device_tag JOIN inventory_tags tag ON tag.id = device_tag.tag_id
       WHERE device_tag.device_id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      siteId: row.siteId,
      roleId: row.roleId,
      platformId: row.platformId,
      status: row.status,
      primaryAddress: row.primaryAddress,
      oobAddress: row.oobAddress,
      management: row.management,
      tags: tagRows
        .filter((tagRow) => tagRow.device_id === row.id)
        .map((tagRow) => tagRow.slug)
        .sort(),
      facts: {
        vendor: row.vendor,
        model: row.model,
        serial: row.serial,
        osVersion: row.osVersion,
        hostname: row.hostname,
        uptime: row.uptime === null ? null : Number(row.uptime),
        lastCollectedAt: row.lastCollectedAt?.toISOString() ?? null,
      },
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }
}

/** `credentials_ref` follows `management` whenever a write gives it (the database checks that it does). */
function credentialsRefColumn(values: DeviceValues): { credentialsRef?: string | null } {
  if (values.management === undefined) return {};
  return { credentialsRef: (values.management as ManagementSettings | null)?.credentialsRef ?? null };
}

/** A reference filter takes an id or a slug; text that is no UUID is only compared with slugs. */
function whereReferenceIs(query: SelectQueryBuilder<DeviceRecord>, field: string, table: string, value: string): void {
  // Two parameters: one used as a uuid and as text would make Postgres compare text with uuid.
  const byId = isUuid(value) ? `${table}_ref.id = :${field}Id OR ` : '';
  query.andWhere(`device.${field} IN (SELECT ${table}_ref.id FROM ${table} ${table}_ref WHERE ${byId}${table}_ref.slug = :${field}Slug)`, {
    [`${field}Id`]: value,
    [`${field}Slug`]: value,
  });
}
