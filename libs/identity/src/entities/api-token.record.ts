import { Entity } from 'typeorm';
import { BooleanColumn, CreatedAt, GeneratedUuidPrimaryKey, insertTime, NullableTimestamp, TextColumn, UniqueText, UuidColumn } from '@yardmaster/record-columns';

/**
 * A user's API token. The secret itself is never stored: only its SHA-256 hash (see `hashToken`) and a short
 * prefix that lets a person tell their tokens apart.
 */
@Entity({ name: 'api_tokens' })
export class ApiTokenRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @UuidColumn('user_id')
  userId!: string;

  @TextColumn()
  name!: string;

  @UniqueText('token_hash')
  tokenHash!: string;

  @TextColumn()
  prefix!: string;

  @BooleanColumn({ name: 'read_only', default: false })
  readOnly!: boolean;

  @NullableTimestamp('expires_at')
  expiresAt!: Date | null;

  @NullableTimestamp('revoked_at')
  revokedAt!: Date | null;

  @NullableTimestamp('last_used_at')
  lastUsedAt!: Date | null;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;
}
