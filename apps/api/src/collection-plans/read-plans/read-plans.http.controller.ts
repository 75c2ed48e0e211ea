import { Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, YardError, type CollectionPlanView, type FieldError, type PlanPriority } from '@yardmaster/contracts';
import { CollectionPlanStore, type CollectionPlanFilter } from '@yardmaster/inventory';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiPageResponse } from '../../http/api-controller.decorator';
import { readPage, type PageOf } from '../../http/pagination';
import { COLLECTION_PLAN_VIEW_SCHEMA } from '../collection-plan-schemas';
import { CollectionPlanViews } from '../collection-plan-views';

const QUERY_PARAMETERS = new Set(['q', 'enabled', 'priority', 'limit', 'offset']);

/** Collection plans as anyone who sees the inventory sees them, each with the status of its last run. */
@ApiController('collection-plans', 'api/collection-plans', RequirePermission('inventory.view'))
export class ReadPlansHttpController {
  constructor(
    private readonly store: CollectionPlanStore,
    private readonly views: CollectionPlanViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List collection plans by name, each with the status of its last run' })
  @ApiQuery({ name: 'q', required: false, description: 'Part of the name, any case' })
  @ApiQuery({ name: 'enabled', required: false, description: 'true or false' })
  @ApiQuery({ name: 'priority', required: false, description: 'high, default or low' })
  @ApiPageResponse('One page of collection plans', { type: 'object', properties: { items: { type: 'array', items: COLLECTION_PLAN_VIEW_SCHEMA }, total: { type: 'integer' } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown or bad query parameter' })
  async list(@Query() query: Record<string, string | undefined>): Promise<PageOf<CollectionPlanView>> {
    const page = readPage(query);
    const { items, total } = await this.store.find(filterOf(query), page);
    return { items: await this.views.ofAll(items), total, ...page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One collection plan' })
  @ApiOkResponse({ description: 'The plan', schema: COLLECTION_PLAN_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'COLLECTION_PLAN_NOT_FOUND' })
  async get(@Param('id') id: string): Promise<CollectionPlanView> {
    return this.views.of(await this.store.get(id));
  }
}

function filterOf(query: Record<string, string | undefined>): CollectionPlanFilter {
  const errors: FieldError[] = Object.keys(query)
    .filter((parameter) => !QUERY_PARAMETERS.has(parameter))
    .map((field) => ({ field, message: 'is not a filter of collection plans' }));
  const { q, enabled, priority } = query;
  if (enabled !== undefined && enabled !== 'true' && enabled !== 'false') errors.push({ field: 'enabled', message: 'must be true or false' });
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'Invalid filter', errors);
  return {
    ...(q ? { q } : {}),
    ...(enabled === undefined ? {} : { enabled: enabled === 'true' }),
    ...(priority ? { priority: priority as PlanPriority } : {}),
  };
}
