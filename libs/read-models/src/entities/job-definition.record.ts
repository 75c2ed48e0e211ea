import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JobDefinition, JobOverrides, JsonObject, NamedVariableDefinition } from '@yardmaster/contracts';

/** A job the catalog knows of. Kept after its code is gone (`installed: false`) so its runs keep a name. */
@Entity({ name: 'job_definitions' })
export class JobDefinitionRecord {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  module!: string;

  @Column('text', { name: 'class_name' })
  className!: string;

  @Column('text')
  name!: string;

  @Column('text')
  description!: string;

  @Column('text')
  grouping!: string;

  @Column('jsonb')
  variables!: NamedVariableDefinition[];

  @Column('jsonb')
  schema!: JsonObject;

  @Column('jsonb')
  steps!: string[];

  @Column('boolean')
  installed!: boolean;

  /** Stream position of the latest announcement that listed this job or left it out; older announcements are ignored. */
  @Column('bigint', { name: 'catalog_position' })
  catalogPosition!: string;

  @Column('timestamptz', { name: 'announced_at' })
  announcedAt!: Date;

  /** What the job's code declares about timeouts, retries and concurrency. */
  @Column('jsonb')
  policies!: Partial<Pick<JobDefinition, 'timeouts' | 'retry' | 'concurrency' | 'readOnly' | 'commitDefault'>>;

  /** An administrator's overrides; the API shows the job with them applied. */
  @Column('jsonb')
  overrides!: JobOverrides;

  @Column('boolean')
  enabled!: boolean;

  /** Stream position of the overrides applied: older ones never replace newer. */
  @Column('bigint', { name: 'overrides_position', nullable: true })
  overridesPosition!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
