import { Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  COLLECTOR_TYPES,
  ErrorCode,
  FACTS_ENTRY_ACTIONS,
  FACTS_ENTRY_STATUSES,
  FACTS_REPORT_STATUSES,
  factsReportEntryViewSchema,
  factsReportSummaryViewSchema,
  factsReportViewSchema,
  openApiSchemaOf,
  pageSchema,
  YardError,
  type FactsReportEntryView,
  type FactsReportSummaryView,
  type FactsReportView,
} from '@yardmaster/contracts';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiPageResponse } from '../../http/api-controller.decorator';
import type { PageOf } from '../../http/pagination';
import { readFactsEntryQuery, readFactsReportQuery } from '../facts-report-filters';
import { factsReportEntryView, factsReportSummaryView, factsReportView } from '../facts-report.views';
import { FactsReportsQueries } from '../facts-reports.queries';

/** Facts reports as anyone who sees the inventory sees them: what each plan run found, and what became of it. */
@ApiController('facts-reports', 'api/facts-reports', RequirePermission('inventory.view'))
export class ReadFactsReportsHttpController {
  constructor(private readonly queries: FactsReportsQueries) {}

  @Get()
  @ApiOperation({ summary: 'Facts reports, newest first, with their summary counts' })
  @ApiQuery({ name: 'planId', required: false, description: "Only this plan's reports" })
  @ApiQuery({ name: 'runId', required: false, description: "Only this run's report (a report's id is its run's id)" })
  @ApiQuery({ name: 'status', required: false, enum: FACTS_REPORT_STATUSES })
  @ApiPageResponse('One page of facts reports', openApiSchemaOf(pageSchema(factsReportSummaryViewSchema)))
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown or bad query parameter' })
  async list(@Query() query: Record<string, unknown>): Promise<PageOf<FactsReportSummaryView>> {
    const { filters, page } = readFactsReportQuery(query);
    const { records, total } = await this.queries.list(filters, page);
    return { items: records.map(factsReportSummaryView), total, ...page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One facts report: its status, counts by action and by status, devices, and the devices that failed with why' })
  @ApiOkResponse({ description: 'The report', schema: openApiSchemaOf(factsReportViewSchema) })
  @ApiNotFoundResponse({ description: 'FACTS_REPORT_NOT_FOUND' })
  async get(@Param('id') id: string): Promise<FactsReportView> {
    return factsReportView(await this.reportOrFail(id));
  }

  @Get(':id/entries')
  @ApiOperation({ summary: "A report's entries, by device, collector type and key" })
  @ApiQuery({ name: 'action', required: false, enum: FACTS_ENTRY_ACTIONS })
  @ApiQuery({ name: 'status', required: false, enum: FACTS_ENTRY_STATUSES })
  @ApiQuery({ name: 'collectorType', required: false, enum: COLLECTOR_TYPES })
  @ApiQuery({ name: 'deviceId', required: false })
  @ApiPageResponse('One page of entries (limit up to 1000)', openApiSchemaOf(pageSchema(factsReportEntryViewSchema)))
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown or bad query parameter' })
  @ApiNotFoundResponse({ description: 'FACTS_REPORT_NOT_FOUND' })
  async entries(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<PageOf<FactsReportEntryView>> {
    const { filters, page } = readFactsEntryQuery(query);
    await this.reportOrFail(id);
    const { records, total } = await this.queries.entries(id, filters, page);
    return { items: records.map(factsReportEntryView), total, ...page };
  }

  private async reportOrFail(id: string) {
    const report = await this.queries.get(id);
    if (!report) throw new YardError(ErrorCode.FactsReportNotFound, `No facts report has the id ${JSON.stringify(id)}`, undefined, { reportId: id });
    return report;
  }
}
