import type { JobDefinition } from '../jobs/job-definition';
import type { EventEnvelope } from './envelope';

/**
 * A collector announces the whole set of jobs it hosts when it starts. The latest announcement is the
 * catalog: a job missing from it is no longer installed.
 */
export interface CatalogAnnouncedData {
  readonly collectorId: string;
  readonly jobs: readonly JobDefinition[];
}

export type CatalogAnnounced = EventEnvelope<'catalog.announced', CatalogAnnouncedData>;
