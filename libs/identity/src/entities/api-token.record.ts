import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's API token. The secret itself is never stored: only its SHA-256 hash (see `hashToken`) and a short
 * prefix that lets a person tell their tokens apart.
 */
@Entity({ name: 'api_tokens' })
export class ApiTokenRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash!: string;

  @Column('text')
  prefix!: string;

  @Column('boolean', { name: 'read_only', default: false })
  readOnly!: boolean;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
