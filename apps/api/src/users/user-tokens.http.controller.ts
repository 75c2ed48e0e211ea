import { Body, Delete, Get, Header, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { IssuedTokenView, TokenListView, TokenView } from '@yardmaster/contracts';
import { identityEvents, parseNewToken, TokenIssuer, type ChangeContext } from '@yardmaster/identity';
import { RequirePermission } from '../auth/route-access';
import { ApiController } from '../http/api-controller.decorator';
import { CurrentChange } from './change-context.decorator';
import { ISSUED_TOKEN_VIEW_SCHEMA, NEW_TOKEN_BODY_SCHEMA, TOKEN_LIST_VIEW_SCHEMA, TOKEN_VIEW_SCHEMA } from './grant-schema';
import { IdentityEventPublisher } from './identity-event-publisher';

@ApiController('users', 'api/users/:username/tokens', RequirePermission('users.admin'))
export class UserTokensHttpController {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly events: IdentityEventPublisher,
  ) {}

  @Get()
  @ApiOperation({ summary: "A user's tokens: names, prefixes, expiry, last use; never the secrets" })
  @ApiOkResponse({ description: 'The tokens', schema: TOKEN_LIST_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async list(@Param('username') username: string): Promise<TokenListView> {
    return { items: await this.tokens.list(username) };
  }

  @Post()
  @ApiOperation({ summary: 'Issue a token for the user. The answer carries the secret (`token`) once: it is stored only as a hash.' })
  @ApiBody({ schema: NEW_TOKEN_BODY_SCHEMA })
  // The secret is in this answer only: no cache (browser, proxy) may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ description: 'The token, with its secret (`token`)', schema: ISSUED_TOKEN_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async issue(@Param('username') username: string, @Body() body: unknown, @CurrentChange() change: ChangeContext): Promise<IssuedTokenView> {
    const issued = await this.tokens.issue(username, parseNewToken(body));
    await this.events.publish(identityEvents.tokenCreated(change, username, issued));
    return issued;
  }

  @Delete(':tokenId')
  @ApiOperation({ summary: 'Revoke a token: the next request with it answers 401' })
  @ApiOkResponse({ description: 'The token as revoked', schema: TOKEN_VIEW_SCHEMA })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND or TOKEN_NOT_FOUND' })
  async revoke(@Param('username') username: string, @Param('tokenId') tokenId: string, @CurrentChange() change: ChangeContext): Promise<TokenView> {
    const token = await this.tokens.revoke(username, tokenId);
    await this.events.publish(identityEvents.tokenRevoked(change, username, token));
    return token;
  }
}
