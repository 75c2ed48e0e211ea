import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A named set of users; permissions granted to it are its members'. */
@Entity({ name: 'groups' })
export class GroupRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
