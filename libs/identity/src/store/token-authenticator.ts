import type { Principal } from '@yardmaster/contracts';
import type { DataSource } from 'typeorm';
import { hashToken } from '../tokens/api-token-secret';
import { loadEffectiveGrants } from './load-grants';

/** How often a token's `last_used_at` is written at most: reads should not each cost a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface Authenticated {
  readonly principal: Principal;
  readonly tokenId: string;
}

/** Why a token was not accepted; said in the 401's message, never more than the caller already knows. */
export type AuthenticationFailure = 'unknown' | 'revoked' | 'expired' | 'inactive';

interface TokenRow {
  token_id: string;
  read_only: boolean;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  username: string;
  display_name: string;
  active: boolean;
  is_admin: boolean;
}

/** Turns a bearer token into who is asking, with every permission they hold. */
export class TokenAuthenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async authenticate(secret: string): Promise<Authenticated | AuthenticationFailure> {
    const [row]: TokenRow[] = await this.dataSource.query(
      `SELECT t.id AS token_id, t.read_only, t.expires_at, t.revoked_at, t.last_used_at,
              u.id AS user_id, u.username, u.display_name, u.active, u.is_admin
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [hashToken(secret)],
    );
    if (!row) return 'unknown';
    if (row.revoked_at) return 'revoked';
    const now = this.now();
    if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return 'expired';
    if (!row.active) return 'inactive';
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) await this.touch(row.token_id, now);
    const grants = row.is_admin ? [] : await loadEffectiveGrants(this.dataSource, row.user_id);
    return {
      tokenId: row.token_id,
      principal: { username: row.username, displayName: row.display_name, isAdmin: row.is_admin, readOnly: row.read_only, grants },
    };
  }

  private async touch(tokenId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, [tokenId, now]);
  }
}
