import { Entity } from 'typeorm';
import { BigintColumn, BooleanColumn, CreatedAt, JsonColumn, NullableBigint, TextColumn, TextPrimaryKey, TimestampColumn } from '@yardmaster/record-columns';
import type { JobDefinition, JobOverrides, JsonObject, NamedVariableDefinition } from '@yardmaster/contracts';

/** A job the catalog knows of. Kept after its code is gone (`installed: false`) so its runs keep a name. */
@Entity({ name: 'job_definitions' })
export class JobDefinitionRecord {
  @TextPrimaryKey()
  id!: string;

  @TextColumn()
  module!: string;

  @TextColumn('class_name')
  className!: string;

  @TextColumn()
  name!: string;

  @TextColumn()
  description!: string;

  @TextColumn()
  grouping!: string;

  @JsonColumn()
  variables!: NamedVariableDefinition[];

  @JsonColumn()
  schema!: JsonObject;

  @JsonColumn()
  steps!: string[];

  @BooleanColumn()
  installed!: boolean;

  /** Stream position of the latest announcement that listed this job or left it out; older announcements are ignored. */
  @BigintColumn('catalog_position')
  catalogPosition!: string;

  @TimestampColumn('announced_at')
  announcedAt!: Date;

  /** What the job's code declares about timeouts, retries and concurrency. */
  @JsonColumn()
  policies!: Partial<Pick<JobDefinition, 'timeouts' | 'retry' | 'concurrency' | 'readOnly' | 'commitDefault'>>;

  /** An administrator's overrides; the API shows the job with them applied. */
  @JsonColumn()
  overrides!: JobOverrides;

  @BooleanColumn()
  enabled!: boolean;

  /** Stream position of the overrides applied: older ones never replace newer. */
  @NullableBigint('overrides_position')
  overridesPosition!: string | null;

  @CreatedAt()
  createdAt!: Date;
}
