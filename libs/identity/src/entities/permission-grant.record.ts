import { Entity } from 'typeorm';
import { CreatedAt, GeneratedUuidPrimaryKey, JsonColumn, TextColumn, UuidColumn, insertTime } from '@yardmaster/record-columns';
import type { JobScope, Permission } from '@yardmaster/contracts';

/** A permission given to exactly one user or one group (a check constraint holds it). */
@Entity({ name: 'permission_grants' })
export class PermissionGrantRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @UuidColumn({ name: 'user_id', nullable: true })
  userId!: string | null;

  @UuidColumn({ name: 'group_id', nullable: true })
  groupId!: string | null;

  @TextColumn()
  permission!: Permission;

  /** For `jobs.run`: the jobs it covers; null is every job. */
  @JsonColumn({ nullable: true })
  scope!: JobScope | null;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;
}
