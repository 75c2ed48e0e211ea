import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditEntryViewSchema, openApiSchemaOf, pageSchema } from '@yardmaster/contracts';
import { AuditEntryRecord, DataSource, READ_MODELS } from '@yardmaster/read-models';
import { RequirePermission } from '../auth/route-access';
import { readPage, type PageOf } from '../http/pagination';
import { AUDIT_TARGET_TYPES, likePrefix, readAuditFilters, type AuditQuery } from './audit-filters';
import { auditEntryView, type AuditEntryView } from './audit-entry.view';

/** Who did what, for administrators: the audit projector writes the entries from the event streams. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
@RequirePermission('users.admin')
export class AuditHttpController {
  constructor(@InjectDataSource(READ_MODELS) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'What people did (runs, cancels, schedule changes, overrides, users, groups, grants, tokens), newest first' })
  @ApiQuery({ name: 'actor', required: false, description: 'The username (or `temporal`, `system:api`)' })
  @ApiQuery({ name: 'action', required: false, description: 'An action (`run.requested`) or a prefix ending in a dot (`schedule.`, `identity.`)' })
  @ApiQuery({ name: 'targetType', required: false, enum: AUDIT_TARGET_TYPES })
  @ApiQuery({ name: 'targetId', required: false, description: 'A run id, schedule id, job id, username, group name or token id' })
  @ApiQuery({ name: 'since', required: false, description: 'ISO 8601 with a zone, inclusive' })
  @ApiQuery({ name: 'until', required: false, description: 'ISO 8601 with a zone, inclusive' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOkResponse({ description: 'One page of audit entries', schema: openApiSchemaOf(pageSchema(auditEntryViewSchema)) })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, with a field error per bad filter' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  async list(@Query() query: AuditQuery & { limit?: string; offset?: string }): Promise<PageOf<AuditEntryView>> {
    const page = readPage(query);
    const filters = readAuditFilters(query);
    const builder = this.dataSource.getRepository(AuditEntryRecord).createQueryBuilder('entry');
    if (filters.actor !== undefined) builder.andWhere('entry.actor = :actor', { actor: filters.actor });
    if (filters.action?.prefix) builder.andWhere(`entry.action LIKE :action ESCAPE '\\'`, { action: likePrefix(filters.action.value) });
    else if (filters.action) builder.andWhere('entry.action = :action', { action: filters.action.value });
    if (filters.targetType !== undefined) builder.andWhere('entry.targetType = :targetType', { targetType: filters.targetType });
    if (filters.targetId !== undefined) builder.andWhere('entry.targetId = :targetId', { targetId: filters.targetId });
    if (filters.since) builder.andWhere('entry.occurredAt >= :since', { since: filters.since });
    if (filters.until) builder.andWhere('entry.occurredAt <= :until', { until: filters.until });
    const [records, total] = await builder.orderBy('entry.occurredAt', 'DESC').addOrderBy('entry.eventId', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
    return { items: records.map(auditEntryView), total, ...page };
  }
}
