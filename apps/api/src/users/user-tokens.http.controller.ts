import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { IssuedTokenView, TokenListView, TokenView } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { RequirePermission } from '../auth/route-access';
import { ApiController } from '../http/api-controller.decorator';
import { CurrentChange } from './change-context.decorator';
import { TOKEN_LIST_VIEW_SCHEMA, TOKEN_VIEW_SCHEMA } from './grant-schema';
import { IssuesToken, UserTokens } from './user-tokens';

/** Any user's tokens, for administrators. */
@ApiController('users', 'api/users/:username/tokens', RequirePermission('users.admin'))
export class UserTokensHttpController {
  constructor(private readonly tokens: UserTokens) {}

  @Get()
  @ApiOperation({ summary: "A user's tokens: names, prefixes, expiry, last use; never the secrets" })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  @ApiOkResponse({ description: 'The tokens', schema: TOKEN_LIST_VIEW_SCHEMA })
  list(@Param('username') username: string): Promise<TokenListView> {
    return this.tokens.list(username);
  }

  @Post()
  @IssuesToken('Issue a token for the user. The answer carries the secret (`token`) once: it is stored only as a hash.')
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  issue(@Param('username') username: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<IssuedTokenView> {
    return this.tokens.issue(username, body, change);
  }

  @Delete(':tokenId')
  @ApiOperation({ summary: 'Revoke a token: the next request with it answers 401' })
  @ApiOkResponse({ description: 'The token as revoked', schema: TOKEN_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND or TOKEN_NOT_FOUND' })
  revoke(@Param('username') username: string, @Param('tokenId') tokenId: string, @CurrentChange() change: ChangeContext): Promise<TokenView> {
    return this.tokens.revoke(username, tokenId, change);
  }
}
