import { Body, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { groupPatchBodySchema, groupViewSchema, newGroupBodySchema, openApiSchemaOf, pageSchema, type GroupView } from '@yardmaster/contracts';
import { GroupDirectory, identityEvents, parseGrants, parseGroupPatch, parseNewGroup, type ChangeContext } from '@yardmaster/identity';
import { RequirePermission } from '../auth/route-access';
import { ApiController, ApiPageResponse } from '../http/api-controller.decorator';
import { readPage, type PageOf } from '../http/pagination';
import { CurrentChange } from './change-context.decorator';
import { GRANTS_BODY_SCHEMA, GROUP_VIEW_SCHEMA } from './grant-schema';
import { IdentityEventPublisher } from './identity-event-publisher';

/** Groups; a user joins or leaves one through `PATCH /api/users/{username}` with `groups`. */
@ApiController('users', 'api/groups', RequirePermission('users.admin'))
export class GroupsHttpController {
  constructor(
    private readonly groups: GroupDirectory,
    private readonly events: IdentityEventPublisher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List groups, by name, with members and grants' })
  @ApiPageResponse('One page of groups', openApiSchemaOf(pageSchema(groupViewSchema)))
  async list(@Query() query: { limit?: string; offset?: string }): Promise<PageOf<GroupView>> {
    const page = readPage(query);
    return { ...(await this.groups.list(page)), ...page };
  }

  @Post()
  @ApiOperation({ summary: 'Create a group' })
  @ApiBody({ schema: openApiSchemaOf(newGroupBodySchema, 'input') })
  @ApiCreatedResponse({ description: 'The group', schema: GROUP_VIEW_SCHEMA })
  @ApiConflictResponse({ description: 'IDENTITY_CONFLICT: the name is taken' })
  create(@Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<GroupView> {
    return this.events.afterChange(this.groups.create(parseNewGroup(body)), (group) => identityEvents.groupCreated(change, group));
  }

  @Get(':name')
  @ApiOperation({ summary: 'One group' })
  @ApiOkResponse({ description: 'The group', schema: GROUP_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  get(@Param('name') name: string): Promise<GroupView> {
    return this.groups.get(name);
  }

  @Patch(':name')
  @ApiOperation({ summary: "Change a group's description" })
  @ApiBody({ schema: openApiSchemaOf(groupPatchBodySchema, 'input') })
  @ApiOkResponse({ description: 'The group as changed', schema: GROUP_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  update(@Param('name') name: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<GroupView> {
    return this.events.afterChange(this.groups.update(name, parseGroupPatch(body)), (group) => identityEvents.groupUpdated(change, group));
  }

  @Delete(':name')
  @ApiOperation({ summary: 'Delete a group: its members lose what it granted' })
  @ApiOkResponse({ description: 'The group as it was', schema: GROUP_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  remove(@Param('name') name: string, @CurrentChange() change: ChangeContext): Promise<GroupView> {
    return this.events.afterChange(this.groups.remove(name), (group) => identityEvents.groupDeleted(change, group));
  }

  @Put(':name/permissions')
  @ApiOperation({ summary: "Replace the group's grants" })
  @ApiBody({ schema: GRANTS_BODY_SCHEMA })
  @ApiOkResponse({ description: 'The group with its new grants', schema: GROUP_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  setPermissions(@Param('name') name: string, @Body() body: { permissions?: unknown } | undefined, @CurrentChange() change: ChangeContext): Promise<GroupView> {
    return this.events.afterChange(this.groups.setGrants(name, parseGrants(body?.permissions)), (group) => identityEvents.permissionsReplaced(change, { group }));
  }
}
