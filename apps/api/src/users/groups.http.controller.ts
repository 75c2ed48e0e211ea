import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GroupDirectory, parseGrants, parseGroupPatch, parseNewGroup, type GroupView } from '@yardmaster/identity';
import { RequirePermission } from '../auth/route-access';
import { readPage, type PageOf } from '../http/pagination';
import { GRANTS_BODY_SCHEMA } from './grant-schema';

/** Groups; a user joins or leaves one through `PATCH /api/users/{username}` with `groups`. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/groups')
@RequirePermission('users.admin')
export class GroupsHttpController {
  constructor(private readonly groups: GroupDirectory) {}

  @Get()
  @ApiOperation({ summary: 'List groups, by name, with members and grants' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async list(@Query() query: { limit?: string; offset?: string }): Promise<PageOf<GroupView>> {
    const page = readPage(query);
    return { ...(await this.groups.list(page)), ...page };
  }

  @Post()
  @ApiOperation({ summary: 'Create a group' })
  @ApiBody({ schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'operators' }, description: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'IDENTITY_CONFLICT: the name is taken' })
  create(@Body() body: unknown): Promise<GroupView> {
    return this.groups.create(parseNewGroup(body));
  }

  @Get(':name')
  @ApiOperation({ summary: 'One group' })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  get(@Param('name') name: string): Promise<GroupView> {
    return this.groups.get(name);
  }

  @Patch(':name')
  @ApiOperation({ summary: "Change a group's description" })
  @ApiBody({ schema: { type: 'object', properties: { description: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  update(@Param('name') name: string, @Body() body: unknown): Promise<GroupView> {
    return this.groups.update(name, parseGroupPatch(body));
  }

  @Delete(':name')
  @ApiOperation({ summary: 'Delete a group: its members lose what it granted' })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  remove(@Param('name') name: string): Promise<GroupView> {
    return this.groups.remove(name);
  }

  @Put(':name/permissions')
  @ApiOperation({ summary: "Replace the group's grants" })
  @ApiBody({ schema: GRANTS_BODY_SCHEMA })
  @ApiNotFoundResponse({ description: 'GROUP_NOT_FOUND' })
  setPermissions(@Param('name') name: string, @Body() body: { permissions?: unknown } | undefined): Promise<GroupView> {
    return this.groups.setGrants(name, parseGrants(body?.permissions));
  }
}
