import { Body, Delete, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { CredentialSetView } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { CredentialSetStore } from '@yardmaster/inventory';
import type { Response } from 'express';
import { RequirePermission } from '../../auth/route-access';
import { ApiController } from '../../http/api-controller.decorator';
import { CurrentChange } from '../../users/change-context.decorator';
import { IdentityEventPublisher } from '../../users/identity-event-publisher';
import { credentialSetEvents } from '../credential-set-events';
import { CREDENTIAL_SET_INPUT_SCHEMA, CREDENTIAL_SET_VIEW_SCHEMA } from '../credential-set-schemas';

/**
 * Creating, changing and deleting credential sets. A secret goes in and never comes out: every answer and every
 * event (hence the audit) carries the set's view, where a secret field reads `set` or `not_set`.
 */
@ApiController('credentials', 'api/credentials', RequirePermission('credentials.manage'))
export class ManageCredentialsHttpController {
  constructor(
    private readonly store: CredentialSetStore,
    private readonly events: IdentityEventPublisher,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a credential set; 201 with the set (secrets as set/not_set) and its Location' })
  @ApiBody({ schema: CREDENTIAL_SET_INPUT_SCHEMA })
  @ApiCreatedResponse({ description: 'The set', schema: CREDENTIAL_SET_VIEW_SCHEMA })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: one field error per bad, missing or unknown field (never echoing a value)' })
  @ApiConflictResponse({ description: 'CREDENTIAL_SET_CONFLICT: the name is taken' })
  async create(@Body() body: unknown, @CurrentChange() change: ChangeContext, @Res({ passthrough: true }) response: Response): Promise<CredentialSetView> {
    const { view, changed } = await this.store.create(body);
    await this.events.publish(credentialSetEvents.created(change, view, changed));
    response.status(201).setHeader('Location', `/api/credentials/${view.id}`);
    return view;
  }

  @Patch(':idOrName')
  @ApiOperation({ summary: 'Change the fields given; a secret given replaces the stored one, null clears an optional one' })
  @ApiBody({ schema: { ...CREDENTIAL_SET_INPUT_SCHEMA, required: [] } })
  @ApiOkResponse({ description: 'The set as changed', schema: CREDENTIAL_SET_VIEW_SCHEMA })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'CREDENTIAL_SET_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CREDENTIAL_SET_CONFLICT: the name is taken; CREDENTIAL_SET_IN_USE: a rename while devices name the set' })
  async update(@Param('idOrName') idOrName: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<CredentialSetView> {
    const { view, changed } = await this.store.update(idOrName, body);
    await this.events.publish(credentialSetEvents.updated(change, view, changed));
    return view;
  }

  @Delete(':idOrName')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a credential set that no device names' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'CREDENTIAL_SET_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CREDENTIAL_SET_IN_USE: devices name it in management.credentialsRef (details.devices counts them)' })
  async remove(@Param('idOrName') idOrName: string, @CurrentChange() change: ChangeContext): Promise<void> {
    const view = await this.store.delete(idOrName);
    await this.events.publish(credentialSetEvents.deleted(change, view));
  }
}
