import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import { AuditEntryRecord, DataSource, READ_MODELS } from '@yardmaster/read-models';
import type { Found, Page } from '../http/pagination';
import { likePrefix, type AuditFilters } from './audit-filters';

/** The audit route's reads, from the entries the audit projector writes (`audit_entries`). */
@Injectable()
export class AuditQueries {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  /** One page of the entries that match every filter given, newest first. */
  async list(filters: AuditFilters, page: Page): Promise<Found<AuditEntryRecord>> {
    const builder = this.dataSource.getRepository(AuditEntryRecord).createQueryBuilder('entry');
    if (filters.actor !== undefined) builder.andWhere('entry.actor = :actor', { actor: filters.actor });
    if (filters.action?.prefix) builder.andWhere(`entry.action LIKE :action ESCAPE '\\'`, { action: likePrefix(filters.action.value) });
    else if (filters.action) builder.andWhere('entry.action = :action', { action: filters.action.value });
    if (filters.targetType !== undefined) builder.andWhere('entry.targetType = :targetType', { targetType: filters.targetType });
    if (filters.targetId !== undefined) builder.andWhere('entry.targetId = :targetId', { targetId: filters.targetId });
    if (filters.since) builder.andWhere('entry.occurredAt >= :since', { since: filters.since });
    if (filters.until) builder.andWhere('entry.occurredAt <= :until', { until: filters.until });
    const [records, total] = await builder.orderBy('entry.occurredAt', 'DESC').addOrderBy('entry.eventId', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
    return { records, total };
  }
}
