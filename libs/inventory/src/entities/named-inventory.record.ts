import { Column, PrimaryColumn } from 'typeorm';

/** The columns sites, device roles, platforms and tags share: each is a named record with a unique slug. */
export abstract class NamedInventoryRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  description!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
