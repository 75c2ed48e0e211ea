import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who calls the API with a token. Runs name them by `username`, which never changes. */
@Entity({ name: 'users' })
export class UserRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  username!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** A deactivated user's tokens stop working; the user and their runs stay. */
  @Column('boolean', { default: true })
  active!: boolean;

  /** An administrator holds every permission. */
  @Column('boolean', { name: 'is_admin', default: false })
  isAdmin!: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
