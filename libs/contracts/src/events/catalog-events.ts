import { z } from 'zod';
import { jobDefinitionSchema } from '../jobs/job-definition';
import { readonlyArray } from '../schemas/json-schemas';
import { eventSchema } from './envelope';

/**
 * A collector announces the whole set of jobs it hosts when it starts. The latest announcement is the
 * catalog: a job missing from it is no longer installed.
 */
export const catalogAnnouncedDataSchema = z.object({ collectorId: z.string(), jobs: readonlyArray(jobDefinitionSchema) });
export type CatalogAnnouncedData = z.infer<typeof catalogAnnouncedDataSchema>;

export const catalogAnnouncedSchema = eventSchema('catalog.announced', catalogAnnouncedDataSchema);
export type CatalogAnnounced = z.infer<typeof catalogAnnouncedSchema>;
