import { Body, Delete, Get, Header, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { meViewSchema, openApiSchemaOf, type IssuedTokenView, type MeView, type Principal, type TokenListView, type TokenView } from '@yardmaster/contracts';
import { grantView, identityEvents, parseNewToken, TokenIssuer, type ChangeContext } from '@yardmaster/identity';
import { CurrentPrincipal, CurrentTokenId } from '../auth/principal.decorator';
import { Authenticated } from '../auth/route-access';
import { ApiController } from '../http/api-controller.decorator';
import { CurrentChange } from './change-context.decorator';
import { ISSUED_TOKEN_VIEW_SCHEMA, NEW_TOKEN_BODY_SCHEMA, TOKEN_LIST_VIEW_SCHEMA, TOKEN_VIEW_SCHEMA } from './grant-schema';
import { IdentityEventPublisher } from './identity-event-publisher';

/** The caller's own account: who they are, what they may do, and their tokens. Any valid token will do. */
@ApiController('users', 'api/me', Authenticated())
export class MeHttpController {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly events: IdentityEventPublisher,
  ) {}

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
  async list(@CurrentPrincipal() principal: Principal): Promise<TokenListView> {
    return { items: await this.tokens.list(principal.username) };
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Issue myself a token (it has my permissions). The answer carries the secret once.' })
  @ApiBody({ schema: NEW_TOKEN_BODY_SCHEMA })
  // The secret is in this answer only: no cache (browser, proxy) may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ description: 'The token, with its secret (`token`)', schema: ISSUED_TOKEN_VIEW_SCHEMA })
  async issue(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<IssuedTokenView> {
    const issued = await this.tokens.issue(principal.username, parseNewToken(body));
    await this.events.publish(identityEvents.tokenCreated(change, principal.username, issued));
    return issued;
  }

  @Delete('tokens/:tokenId')
  @ApiOperation({ summary: 'Revoke one of my tokens (also the one in use)' })
  @ApiOkResponse({ description: 'The token as revoked', schema: TOKEN_VIEW_SCHEMA })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId') tokenId: string, @CurrentChange() change: ChangeContext): Promise<TokenView> {
    const token = await this.tokens.revoke(principal.username, tokenId);
    await this.events.publish(identityEvents.tokenRevoked(change, principal.username, token));
    return token;
  }
}
