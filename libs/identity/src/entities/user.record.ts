import { Entity } from 'typeorm';
import { BooleanColumn, CreatedAt, GeneratedUuidPrimaryKey, insertTime, TextColumn, UniqueText, UpdatedAt } from '@yardmaster/record-columns';

/** Someone who calls the API with a token. Runs name them by `username`, which never changes. */
@Entity({ name: 'users' })
export class UserRecord {
  @GeneratedUuidPrimaryKey()
  id!: string;

  @UniqueText()
  username!: string;

  @TextColumn('display_name')
  displayName!: string;

  /** A deactivated user's tokens stop working; the user and their runs stay. */
  @BooleanColumn({ default: true })
  active!: boolean;

  /** An administrator holds every permission. */
  @BooleanColumn({ name: 'is_admin', default: false })
  isAdmin!: boolean;

  @CreatedAt({ default: insertTime })
  createdAt!: Date;

  @UpdatedAt({ default: insertTime })
  updatedAt!: Date;
}
