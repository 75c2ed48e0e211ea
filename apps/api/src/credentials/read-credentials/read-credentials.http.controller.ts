import { Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, YardError, type CredentialKind, type CredentialSetView } from '@yardmaster/contracts';
import { CredentialSetStore } from '@yardmaster/inventory';
import { RequirePermission } from '../../auth/route-access';
import { ApiController, ApiPageResponse } from '../../http/api-controller.decorator';
import { readPage, type PageOf } from '../../http/pagination';
import { CREDENTIAL_SET_VIEW_SCHEMA } from '../credential-set-schemas';

const QUERY_PARAMETERS = new Set(['q', 'kind', 'limit', 'offset']);

/** Credential sets as anyone who sees the inventory sees them: names, kinds and settings, never a secret. */
@ApiController('credentials', 'api/credentials', RequirePermission('inventory.view'))
export class ReadCredentialsHttpController {
  constructor(private readonly store: CredentialSetStore) {}

  @Get()
  @ApiOperation({ summary: 'List credential sets by name; secrets show only as set or not_set' })
  @ApiQuery({ name: 'q', required: false, description: 'Part of the name, any case' })
  @ApiQuery({ name: 'kind', required: false, description: 'snmp_v2c, snmp_v3 or ssh' })
  @ApiPageResponse('One page of credential sets', { type: 'object', properties: { items: { type: 'array', items: CREDENTIAL_SET_VIEW_SCHEMA }, total: { type: 'integer' } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown or bad query parameter' })
  async list(@Query() query: Record<string, string | undefined>): Promise<PageOf<CredentialSetView>> {
    const unknown = Object.keys(query).filter((parameter) => !QUERY_PARAMETERS.has(parameter));
    if (unknown.length > 0) {
      throw new YardError(ErrorCode.ValidationFailed, 'Unknown query parameters', unknown.map((field) => ({ field, message: 'is not a filter of credential sets' })));
    }
    const page = readPage(query, 1000);
    const { items, total } = await this.store.find({ ...(query.q ? { q: query.q } : {}), ...(query.kind ? { kind: query.kind as CredentialKind } : {}) }, page);
    return { items, total, ...page };
  }

  @Get(':idOrName')
  @ApiOperation({ summary: 'One credential set, by id or by name' })
  @ApiOkResponse({ description: 'The set', schema: CREDENTIAL_SET_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'CREDENTIAL_SET_NOT_FOUND' })
  get(@Param('idOrName') idOrName: string): Promise<CredentialSetView> {
    return this.store.get(idOrName);
  }
}
