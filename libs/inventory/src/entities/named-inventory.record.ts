import { CreatedAt, TextColumn, UpdatedAt, UuidPrimaryKey } from '@yardmaster/record-columns';

/** The columns sites, device roles, platforms and tags share: each is a named record with a unique slug. */
export abstract class NamedInventoryRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  slug!: string;

  @TextColumn()
  description!: string;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
