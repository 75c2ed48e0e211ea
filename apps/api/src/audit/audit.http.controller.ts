import { Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { auditEntryViewSchema, openApiSchemaOf, pageSchema } from '@yardmaster/contracts';
import { RequirePermission } from '../auth/route-access';
import { ApiController, ApiPageResponse } from '../http/api-controller.decorator';
import { readPage, type PageOf } from '../http/pagination';
import { AUDIT_TARGET_TYPES, readAuditFilters, type AuditQuery } from './audit-filters';
import { auditEntryView, type AuditEntryView } from './audit-entry.view';
import { AuditQueries } from './audit.queries';

/** Who did what, for administrators: the audit projector writes the entries from the event streams. */
@ApiController('audit', 'api/audit', RequirePermission('users.admin'))
export class AuditHttpController {
  constructor(private readonly audit: AuditQueries) {}

  @Get()
  @ApiOperation({ summary: 'What people did (runs, cancels, schedule changes, overrides, users, groups, grants, tokens), newest first' })
  @ApiQuery({ name: 'actor', required: false, description: 'The username (or `temporal`, `system:api`)' })
  @ApiQuery({ name: 'action', required: false, description: 'An action (`run.requested`) or a prefix ending in a dot (`schedule.`, `identity.`)' })
  @ApiQuery({ name: 'targetType', required: false, enum: AUDIT_TARGET_TYPES })
  @ApiQuery({ name: 'targetId', required: false, description: 'A run id, schedule id, job id, username, group name or token id' })
  @ApiQuery({ name: 'since', required: false, description: 'ISO 8601 with a zone, inclusive' })
  @ApiQuery({ name: 'until', required: false, description: 'ISO 8601 with a zone, inclusive' })
  @ApiPageResponse('One page of audit entries', openApiSchemaOf(pageSchema(auditEntryViewSchema)))
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, with a field error per bad filter' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: needs users.admin' })
  async list(@Query() query: AuditQuery & { limit?: string; offset?: string }): Promise<PageOf<AuditEntryView>> {
    const page = readPage(query);
    const { records, total } = await this.audit.list(readAuditFilters(query), page);
    return { items: records.map(auditEntryView), total, ...page };
  }
}
