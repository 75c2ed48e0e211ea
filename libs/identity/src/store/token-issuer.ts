import { ErrorCode, YardError, type IssuedTokenView } from '@yardmaster/contracts';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ApiTokenRecord } from '../entities/api-token.record';
import { UserRecord } from '../entities/user.record';
import { generateTokenSecret, hashToken, tokenPrefix } from '../tokens/api-token-secret';
import type { NewToken } from './user-input';
import { findUser } from './user-directory';
import { tokenView, type TokenView } from './views';

/** A token just created: the only time its secret is ever shown. */
export type IssuedToken = IssuedTokenView;

/** Creates, lists and revokes a user's tokens. */
export class TokenIssuer {
  constructor(private readonly dataSource: DataSource) {}

  async issue(username: string, request: NewToken): Promise<IssuedToken> {
    return this.dataSource.transaction(async (manager) => issueToken(manager, await findUser(manager, username, 'share'), request));
  }

  async list(username: string): Promise<TokenView[]> {
    const user = await findUser(this.dataSource.manager, username);
    const tokens = await this.dataSource.getRepository(ApiTokenRecord).find({ where: { userId: user.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return tokens.map(tokenView);
  }

  /** Revokes the token at once: the next request with it gets 401. Revoking twice changes nothing. */
  async revoke(username: string, tokenId: string): Promise<TokenView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await findUser(manager, username, 'share');
      const repository = manager.getRepository(ApiTokenRecord);
      const token = /^[0-9a-f-]{36}$/i.test(tokenId) ? await repository.findOneBy({ id: tokenId, userId: user.id }) : null;
      if (!token) throw new YardError(ErrorCode.TokenNotFound, `${username} has no token with the id ${JSON.stringify(tokenId)}`);
      await repository.update({ id: token.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      return tokenView((await repository.findOneByOrFail({ id: token.id })) as ApiTokenRecord);
    });
  }
}

/** Stores a token for the user: its hash and prefix only. `secret` is for a token given from outside (YARD_ADMIN_TOKEN). */
export async function issueToken(manager: EntityManager, user: UserRecord, request: NewToken, secret = generateTokenSecret()): Promise<IssuedToken> {
  const repository = manager.getRepository(ApiTokenRecord);
  const record = await repository.save(
    repository.create({
      userId: user.id,
      name: request.name,
      tokenHash: hashToken(secret),
      prefix: tokenPrefix(secret),
      readOnly: request.readOnly,
      expiresAt: request.expiresAt,
    }),
  );
  return { ...tokenView(record), token: secret };
}
