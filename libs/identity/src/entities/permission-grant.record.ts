import { Entity } from 'typeorm';
import { CreatedAt, GeneratedUuidPrimaryKey, insertTime, NullableJson, NullableUuid, TextColumn } from '@yardmaster/record-columns';
import type { JobScope, Permission } from '@yardmaster/contracts';

/** A permission given to exactly one user or one group (a check constraint holds it). */
@Entity({ name: 'permission_grants' })
export class PermissionGrantRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @NullableUuid('user_id')
  userId!: string | null;

  @NullableUuid('group_id')
  groupId!: string | null;

  @TextColumn()
  permission!: Permission;

  /** For `jobs.run`: the jobs it covers; null is every job. */
  @NullableJson()
  scope!: JobScope | null;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;
}
