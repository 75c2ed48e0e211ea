import { Entity } from 'typeorm';
import { CreatedAt, JsonColumn, TextColumn, UpdatedAt, UuidPrimaryKey } from '@yardmaster/record-columns';
import type { CredentialKind, SealedValue } from '@yardmaster/contracts';

/** A credential set: its non-secret settings in clear, each secret sealed under the instance's secrets key. */
@Entity({ name: 'inventory_credential_sets' })
export class CredentialSetRecord {
  @UuidPrimaryKey()
  id!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  kind!: CredentialKind;

  @TextColumn()
  description!: string;

  /** `username`, `securityLevel`, `authProtocol`, `privProtocol`: whichever the kind has. */
  @JsonColumn()
  settings!: Record<string, string | null>;

  /** Secret field → its sealed value; a field without a value is absent. */
  @JsonColumn()
  secrets!: Record<string, SealedValue>;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
