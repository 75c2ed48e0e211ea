import { Body, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { newUserBodySchema, openApiSchemaOf, pageSchema, userPatchBodySchema, userViewSchema, type UserView } from '@yardmaster/contracts';
import { identityEvents, parseGrants, parseNewUser, parseUserPatch, UserDirectory, type ChangeContext } from '@yardmaster/identity';
import { RequirePermission } from '../auth/route-access';
import { ApiController, ApiPageResponse } from '../http/api-controller.decorator';
import { readPage, type PageOf } from '../http/pagination';
import { CurrentChange } from './change-context.decorator';
import { GRANTS_BODY_SCHEMA, USER_VIEW_SCHEMA } from './grant-schema';
import { IdentityEventPublisher } from './identity-event-publisher';

@ApiController('users', 'api/users', RequirePermission('users.admin'))
export class UsersHttpController {
  constructor(
    private readonly users: UserDirectory,
    private readonly events: IdentityEventPublisher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users, by username' })
  @ApiPageResponse('One page of users', openApiSchemaOf(pageSchema(userViewSchema)))
  async list(@Query() query: { limit?: string; offset?: string }): Promise<PageOf<UserView>> {
    const page = readPage(query);
    return { ...(await this.users.list(page)), ...page };
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (no token yet: POST /api/users/{username}/tokens)' })
  @ApiBody({ schema: openApiSchemaOf(newUserBodySchema, 'input') })
  @ApiCreatedResponse({ description: 'The user', schema: USER_VIEW_SCHEMA })
  @ApiConflictResponse({ description: 'IDENTITY_CONFLICT: the username is taken' })
  create(@Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<UserView> {
    return this.events.afterChange(this.users.create(parseNewUser(body)), (user) => identityEvents.userCreated(change, user));
  }

  @Get(':username')
  @ApiOperation({ summary: 'One user: groups and own grants' })
  @ApiOkResponse({ description: 'The user', schema: USER_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  get(@Param('username') username: string): Promise<UserView> {
    return this.users.get(username);
  }

  @Patch(':username')
  @ApiOperation({ summary: "Change a user's display name, admin flag or groups; `active: false` deactivates (their tokens stop working)" })
  @ApiBody({ schema: openApiSchemaOf(userPatchBodySchema, 'input') })
  @ApiOkResponse({ description: 'The user as changed', schema: USER_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  update(@Param('username') username: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<UserView> {
    const patch = parseUserPatch(body);
    return this.events.afterChange(this.users.update(username, patch), (user) => identityEvents.userUpdated(change, user, patch));
  }

  @Delete(':username')
  @ApiOperation({ summary: 'Delete a user with their tokens and grants; their runs keep their name' })
  @ApiOkResponse({ description: 'The user as it was', schema: USER_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  remove(@Param('username') username: string, @CurrentChange() change: ChangeContext): Promise<UserView> {
    return this.events.afterChange(this.users.remove(username), (user) => identityEvents.userDeleted(change, user));
  }

  @Put(':username/permissions')
  @ApiOperation({ summary: "Replace the user's own grants (their groups' grants stay)" })
  @ApiBody({ schema: GRANTS_BODY_SCHEMA })
  @ApiOkResponse({ description: 'The user with their new grants', schema: USER_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  setPermissions(@Param('username') username: string, @Body() body: { permissions?: unknown } | undefined, @CurrentChange() change: ChangeContext): Promise<UserView> {
    return this.events.afterChange(this.users.setGrants(username, parseGrants(body?.permissions)), (user) => identityEvents.permissionsReplaced(change, { user }));
  }
}
