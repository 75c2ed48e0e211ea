import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { meViewSchema, openApiSchemaOf, type IssuedTokenView, type MeView, type Principal, type TokenListView, type TokenView } from '@yardmaster/contracts';
import { grantView, type ChangeContext } from '@yardmaster/identity';
import { CurrentPrincipal, CurrentTokenId } from '../auth/principal.decorator';
import { Authenticated } from '../auth/route-access';
import { ApiController } from '../http/api-controller.decorator';
import { CurrentChange } from './change-context.decorator';
import { TOKEN_LIST_VIEW_SCHEMA, TOKEN_VIEW_SCHEMA } from './grant-schema';
import { IssuesToken, UserTokens } from './user-tokens';

/** The caller's own account: who they are, what they may do, and their tokens. Any valid token will do. */
@ApiController('users', 'api/me', Authenticated())
export class MeHttpController {
  constructor(private readonly tokens: UserTokens) {}

  @Get()
  @ApiOperation({ summary: 'Who the token belongs to, whether it is read-only, and every permission held (own and through groups)' })
  @ApiOkResponse({ description: 'The caller', schema: openApiSchemaOf(meViewSchema) })
  me(@CurrentPrincipal() principal: Principal, @CurrentTokenId() tokenId: string | undefined): MeView {
    return {
      username: principal.username,
      displayName: principal.displayName,
      admin: principal.isAdmin,
      readOnly: principal.readOnly,
      tokenId: tokenId ?? null,
      permissions: principal.grants.map(grantView),
    };
  }

  @Get('tokens')
  @ApiOperation({ summary: 'My tokens, never their secrets' })
  @ApiOkResponse({ description: 'The tokens', schema: TOKEN_LIST_VIEW_SCHEMA })
  list(@CurrentPrincipal() principal: Principal): Promise<TokenListView> {
    return this.tokens.list(principal.username);
  }

  @Post('tokens')
  @IssuesToken('Issue myself a token (it has my permissions). The answer carries the secret once.')
  issue(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<IssuedTokenView> {
    return this.tokens.issue(principal.username, body, change);
  }

  @Delete('tokens/:tokenId')
  @ApiOperation({ summary: 'Revoke one of my tokens (also the one in use)' })
  @ApiOkResponse({ description: 'The token as revoked', schema: TOKEN_VIEW_SCHEMA })
  revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId') tokenId: string, @CurrentChange() change: ChangeContext): Promise<TokenView> {
    return this.tokens.revoke(principal.username, tokenId, change);
  }
}
