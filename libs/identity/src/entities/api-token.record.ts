import { Entity } from 'typeorm';
import { BooleanColumn, CreatedAt, GeneratedUuidPrimaryKey, TextColumn, TimestampColumn, UuidColumn, insertTime } from '@yardmaster/record-columns';

/**
 * A user's API token. The secret itself is never stored: only its SHA-256 hash (see `hashToken`) and a short
 * prefix that lets a person tell their tokens apart.
 */
@Entity({ name: 'api_tokens' })
export class ApiTokenRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @UuidColumn({ name: 'user_id' })
  userId!: string;

  @TextColumn()
  name!: string;

  @TextColumn({ name: 'token_hash', unique: true })
  tokenHash!: string;

  @TextColumn()
  prefix!: string;

  @BooleanColumn({ name: 'read_only', default: false })
  readOnly!: boolean;

  @TimestampColumn({ name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @TimestampColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;
}
