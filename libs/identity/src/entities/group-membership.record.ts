import { Entity } from 'typeorm';
import { UuidPrimaryKey } from '@yardmaster/record-columns';

@Entity({ name: 'group_memberships' })
export class GroupMembershipRecord {
  @UuidPrimaryKey('group_id')
  groupId!: string;

  @UuidPrimaryKey('user_id')
  userId!: string;
}
