import { applyDecorators, Body, Delete, HttpCode, Param, Patch, Post, Res, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import type { InventoryRecordOf } from '@yardmaster/contracts';
import { InventoryStore } from '@yardmaster/inventory';
import type { Response } from 'express';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import type { InventoryResource } from '../inventory-resource';
import { collectionOf } from '../inventory-resources';

type AnyRecord = InventoryRecordOf[keyof InventoryRecordOf];

/** The models a device refers to, which cannot be deleted while devices do. */
const MODELS_DEVICES_USE: ReadonlySet<string> = new Set(['site', 'device_role', 'platform']);

/** What deleting a record takes with it, for the operation's summary. */
const DELETE_EFFECTS: Readonly<Record<string, string>> = {
  tag: '; devices lose the tag',
  device: '; its interfaces, neighbours, MAC table, LLDP neighbours and inventory items go too, its IP addresses stay unassigned',
  interface: '; its IP addresses and neighbour entries stay without interface, its LLDP neighbours go',
};

/** `POST /api/inventory/<path>`, `PATCH` and `DELETE /api/inventory/<path>/{id}` for one model. */
export function manageInventoryHttpController(resource: InventoryResource): Type<unknown> {
  const inUse = MODELS_DEVICES_USE.has(resource.model) ? [ApiConflictResponse({ description: 'INVENTORY_OBJECT_IN_USE: devices still use it' })] : [];

  @ApiController('inventory', `api/inventory/${resource.path}`, RequirePermission('inventory.manage'))
  class ManageInventoryHttpController {
    constructor(private readonly store: InventoryStore) {}

    @Post()
    @ApiOperation({ summary: `Create a ${resource.noun}; 201 with the record and its Location` })
    @ApiBody({ schema: resource.inputSchema })
    @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: one field error per bad, missing or unknown field' })
    @ApiConflictResponse({ description: `INVENTORY_CONFLICT: ${resource.conflict}` })
    async create(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<AnyRecord> {
      const record = await this.collection().create(body as never);
      response.status(201).setHeader('Location', `/api/inventory/${resource.path}/${record.id}`);
      return record;
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change some fields of a ${resource.noun}; those left out stay as they are` })
    @ApiBody({ schema: { ...resource.inputSchema, required: [] } })
    @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
    @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND' })
    @ApiConflictResponse({ description: `INVENTORY_CONFLICT: ${resource.conflict}` })
    async update(@Param('id') id: string, @Body() body: unknown): Promise<AnyRecord> {
      return this.collection().update(id, body as never);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${resource.noun}${DELETE_EFFECTS[resource.model] ?? ''}` })
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiNotFoundResponse({ description: 'INVENTORY_OBJECT_NOT_FOUND' })
    @applyDecorators(...inUse)
    async remove(@Param('id') id: string): Promise<void> {
      await this.collection().delete(id);
    }

    private collection() {
      return collectionOf(this.store, resource);
    }
  }
  Object.defineProperty(ManageInventoryHttpController, 'name', { value: `Manage${resource.typeName}sHttpController` });
  return ManageInventoryHttpController;
}
