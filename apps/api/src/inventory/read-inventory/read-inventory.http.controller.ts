import { applyDecorators, Get, Param, Query, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, YardError, type InventoryRecordOf } from '@yardmaster/contracts';
import { InventoryStore } from '@yardmaster/inventory';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import type { PageOf } from '../../http/pagination';
import { readInventoryQuery } from '../inventory-query';
import type { InventoryResource } from '../inventory-resource';
import { collectionOf } from '../inventory-resources';

type AnyRecord = InventoryRecordOf[keyof InventoryRecordOf];

/** `GET /api/inventory/<path>` and `GET /api/inventory/<path>/{id}` for one model. */
export function readInventoryHttpController(resource: InventoryResource): Type<unknown> {
  @ApiController('inventory', `api/inventory/${resource.path}`, RequirePermission('inventory.view'))
  class ReadInventoryHttpController {
    constructor(private readonly store: InventoryStore) {}

    @Get()
    @ApiOperation({ summary: `List ${resource.plural} by name; every filter given must match` })
    @applyDecorators(...resource.filters.map((filter) => ApiQuery({ name: filter.param, required: false, description: filter.description })))
    @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 50' })
    @ApiQuery({ name: 'offset', required: false })
    @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown or bad query parameter' })
    async list(@Query() query: Record<string, unknown>): Promise<PageOf<AnyRecord>> {
      const { filter, page } = readInventoryQuery(resource.filters, query, resource.plural);
      const { items, total } = await this.collection().find(filter as never, page);
      return { items, total, ...page };
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${resource.noun}` })
    @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND' })
    async get(@Param('id') id: string): Promise<AnyRecord> {
      const record = await this.collection().get(id);
      if (!record) throw new YardError(ErrorCode.InventoryObjectNotFound, `No ${resource.noun} has the id ${JSON.stringify(id)}`);
      return record;
    }

    private collection() {
      return collectionOf(this.store, resource);
    }
  }
  // Distinct class names give distinct OpenAPI operation ids (`ReadSitesHttpController_list`).
  Object.defineProperty(ReadInventoryHttpController, 'name', { value: `Read${resource.typeName}sHttpController` });
  return ReadInventoryHttpController;
}
