import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JobScope, Permission } from '@yardmaster/contracts';

/** A permission given to exactly one user or one group (a check constraint holds it). */
@Entity({ name: 'permission_grants' })
export class PermissionGrantRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('uuid', { name: 'group_id', nullable: true })
  groupId!: string | null;

  @Column('text')
  permission!: Permission;

  /** For `jobs.run`: the jobs it covers; null is every job. */
  @Column('jsonb', { nullable: true })
  scope!: JobScope | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
