import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'group_memberships' })
export class GroupMembershipRecord {
  @PrimaryColumn('uuid', { name: 'group_id' })
  groupId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;
}
