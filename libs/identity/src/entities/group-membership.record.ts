import { Entity } from 'typeorm';
import { UuidPrimaryKey } from '@yardmaster/record-columns';

@Entity({ name: 'group_memberships' })
export class GroupMembershipRecord {
  @UuidPrimaryKey({ name: 'group_id' })
  groupId!: string;

  @UuidPrimaryKey({ name: 'user_id' })
  userId!: string;
}
