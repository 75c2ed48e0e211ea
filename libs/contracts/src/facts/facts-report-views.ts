import { z } from 'zod';
import { COLLECTOR_TYPES } from '../collection/collection-plans';
import { FACTS_ENTRY_ACTIONS, FACTS_ENTRY_STATUSES, FACTS_OBJECT_TYPES, FACTS_REPORT_STATUSES, factsEntriesResolvedDataSchema } from '../events/facts-events';
import { jsonObjectSchema } from '../schemas/json-schemas';

/**
 * The facts reports as the REST API answers them (`/api/facts-reports`) and the CLI checks them: the projection
 * builds them from the facts events (see `facts-events.ts`), so what they say is what the events said.
 */

const countsOf = <const T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

export const factsReportSummaryViewSchema = z.object({
  /** The report's id: its plan run's id. */
  id: z.string(),
  runId: z.string(),
  planId: z.string(),
  planName: z.string(),
  detectOnly: z.boolean(),
  /** `collecting` until the run closes the report, then as netbox_facts derives it from the entries' statuses. */
  status: z.enum(FACTS_REPORT_STATUSES),
  collectorTypes: z.array(z.enum(COLLECTOR_TYPES)),
  devices: z.object({ total: z.number().int(), collected: z.number().int(), failed: z.number().int() }),
  entries: z.object({
    /** The entries the projection holds. */
    total: z.number().int(),
    /** How many the run said the report has, once closed (null before): `total` reaches it when every chunk is in. */
    expected: z.number().int().nullable(),
    byAction: countsOf(FACTS_ENTRY_ACTIONS),
    byStatus: countsOf(FACTS_ENTRY_STATUSES),
  }),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FactsReportSummaryView = z.infer<typeof factsReportSummaryViewSchema>;

export const factsDeviceFailureViewSchema = z.object({ deviceId: z.string(), deviceName: z.string(), code: z.string(), message: z.string() });
export type FactsDeviceFailureView = z.infer<typeof factsDeviceFailureViewSchema>;

/** `GET /api/facts-reports/{id}`: the summary and the devices that could not be collected, with why. */
export const factsReportViewSchema = factsReportSummaryViewSchema.extend({ failedDevices: z.array(factsDeviceFailureViewSchema) });
export type FactsReportView = z.infer<typeof factsReportViewSchema>;

/** One entry of a report (`GET /api/facts-reports/{id}/entries`): the FactsEntry as collected, and what became of it. */
export const factsReportEntryViewSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  collectorType: z.enum(COLLECTOR_TYPES),
  deviceId: z.string(),
  deviceName: z.string(),
  objectType: z.enum(FACTS_OBJECT_TYPES),
  key: z.string(),
  action: z.enum(FACTS_ENTRY_ACTIONS),
  /** The inventory record: as collected, or the one an applied `new` entry created. */
  objectId: z.string().nullable(),
  detected: jsonObjectSchema.nullable(),
  current: jsonObjectSchema.nullable(),
  status: z.enum(FACTS_ENTRY_STATUSES),
  /** Why the inventory refused it (status `failed`). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type FactsReportEntryView = z.infer<typeof factsReportEntryViewSchema>;

export const FACTS_RESOLUTIONS = ['apply', 'skip'] as const;
export type FactsResolution = (typeof FACTS_RESOLUTIONS)[number];

/** `POST /api/facts-reports/{id}/apply` and `/skip`: the entries named, or every pending one when `entries` is absent. */
export const factsResolveBodySchema = z
  .object({
    entries: z.array(z.string().min(1)).min(1).max(100_000).optional(),
  })
  .strict();
export type FactsResolveBody = z.infer<typeof factsResolveBodySchema>;

/** The answer of an apply or skip: each entry's outcome, in the order asked (the report's order for "all"). */
export const factsResolveResultSchema = z.object({
  reportId: z.string(),
  resolution: z.enum(FACTS_RESOLUTIONS),
  resolvedBy: z.string(),
  resolvedAt: z.string(),
  applied: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  entries: z.array(factsEntriesResolvedDataSchema.shape.entries.unwrap().element),
});
export type FactsResolveResult = z.infer<typeof factsResolveResultSchema>;
