import { applyDecorators, Header, Injectable } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { IssuedTokenView, TokenListView, TokenView } from '@yardmaster/contracts';
import { identityEvents, parseNewToken, TokenIssuer, type ChangeContext } from '@yardmaster/identity';
import { ISSUED_TOKEN_VIEW_SCHEMA, NEW_TOKEN_BODY_SCHEMA } from './grant-schema';
import { IdentityEventPublisher } from './identity-event-publisher';

/**
 * A user's tokens, as both an administrator (`/api/users/{username}/tokens`) and the user themself (`/api/me/tokens`)
 * manage them: every issue and revocation published for the audit.
 */
@Injectable()
export class UserTokens {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly events: IdentityEventPublisher,
  ) {}

  async list(username: string): Promise<TokenListView> {
    return { items: await this.tokens.list(username) };
  }

  issue(username: string, body: unknown, change: ChangeContext): Promise<IssuedTokenView> {
    return this.events.afterChange(this.tokens.issue(username, parseNewToken(body)), (issued) => identityEvents.tokenCreated(change, username, issued));
  }

  revoke(username: string, tokenId: string, change: ChangeContext): Promise<TokenView> {
    return this.events.afterChange(this.tokens.revoke(username, tokenId), (token) => identityEvents.tokenRevoked(change, username, token));
  }
}

/** A route that issues a token: its body, and an answer that carries the secret once, which no cache may keep. */
export function IssuesToken(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiBody({ schema: NEW_TOKEN_BODY_SCHEMA }),
    // The secret is in this answer only: no cache (browser, proxy) may keep it.
    Header('Cache-Control', 'no-store'),
    ApiCreatedResponse({ description: 'The token, with its secret (`token`)', schema: ISSUED_TOKEN_VIEW_SCHEMA }),
  );
}
