import { Entity } from 'typeorm';
import { CreatedAt, GeneratedUuidPrimaryKey, insertTime, TextColumn, UniqueText } from '@yardmaster/record-columns';

/** A named set of users; permissions granted to it are its members'. */
@Entity({ name: 'groups' })
export class GroupRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @UniqueText()
  name!: string;

  @TextColumn({ default: '' })
  description!: string;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;
}
