import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { factsResolveBodySchema, factsResolveResultSchema, openApiSchemaOf, parseBody, type FactsResolution, type FactsResolveResult } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { CurrentChange } from '../../users/change-context.decorator';
import { FactsEntriesResolver } from './facts-entries-resolver';

const BODY = { schema: openApiSchemaOf(factsResolveBodySchema, 'input') };
const ANSWER = { description: "Each entry's outcome, in the order named", schema: openApiSchemaOf(factsResolveResultSchema) };
const CONFLICT = {
  description:
    'FACTS_ENTRY_NOT_PENDING: an entry named is not in the report or is no longer pending (fieldErrors name them; nothing was done), or the report is in apply mode and still collecting',
};

/** Applying or skipping a report's pending entries: `{ "entries": [ids] }`, or `{}` for every pending one. */
@ApiController('facts-reports', 'api/facts-reports', RequirePermission('inventory.manage'))
export class ResolveFactsEntriesHttpController {
  constructor(private readonly resolver: FactsEntriesResolver) {}

  @Post(':id/apply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply entries to the inventory in one transaction, one savepoint per entry: an entry the inventory refuses fails alone' })
  @ApiBody(BODY)
  @ApiOkResponse(ANSWER)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad body' })
  @ApiNotFoundResponse({ description: 'FACTS_REPORT_NOT_FOUND' })
  @ApiConflictResponse(CONFLICT)
  apply(@Param('id') id: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<FactsResolveResult> {
    return this.resolve(id, body, 'apply', change);
  }

  @Post(':id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip entries: the inventory is left as it is, and the entries read skipped' })
  @ApiBody(BODY)
  @ApiOkResponse(ANSWER)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a bad body' })
  @ApiNotFoundResponse({ description: 'FACTS_REPORT_NOT_FOUND' })
  @ApiConflictResponse(CONFLICT)
  skip(@Param('id') id: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<FactsResolveResult> {
    return this.resolve(id, body, 'skip', change);
  }

  private resolve(id: string, body: unknown, resolution: FactsResolution, change: ChangeContext): Promise<FactsResolveResult> {
    const { entries } = parseBody(factsResolveBodySchema, body ?? {}, { invalid: `The ${resolution} request is invalid`, unknownField: `is not a field of a ${resolution} request` });
    return this.resolver.resolve(id, entries ?? null, resolution, change);
  }
}
