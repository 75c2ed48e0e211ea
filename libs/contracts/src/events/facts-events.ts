import { z } from 'zod';
import { COLLECTOR_TYPES } from '../collection/collection-plans';
import { jsonObjectSchema, readonlyArray } from '../schemas/json-schemas';
import { eventSchema } from './envelope';

/**
 * The facts report of a plan run, event-sourced like runs: the collector (and, for apply and skip, the API)
 * publishes on `<instance>.facts.<reportId>.<kind>`, the projection builds `facts_reports` and
 * `facts_report_entries` from them, and replaying the stream builds the same tables. A report's id is its run's id.
 * Every event id is deterministic (derived from the report, the device and what it says), so a repeated activity
 * publishes nothing new.
 */

/** new: seen, not in the inventory; changed: in it with other values; confirmed: in it as seen; stale: in it, no longer seen. */
export const FACTS_ENTRY_ACTIONS = ['new', 'changed', 'confirmed', 'stale'] as const;
export type FactsEntryAction = (typeof FACTS_ENTRY_ACTIONS)[number];

export const FACTS_ENTRY_STATUSES = ['pending', 'applied', 'skipped', 'failed'] as const;
export type FactsEntryStatus = (typeof FACTS_ENTRY_STATUSES)[number];

/** netbox_facts' report statuses: all entries pending → pending, all applied → applied, all skipped → skipped, all failed → failed; otherwise partial. An empty report is `completed`. */
export const FACTS_REPORT_STATUSES = ['collecting', 'pending', 'applied', 'skipped', 'failed', 'partial', 'completed'] as const;
export type FactsReportStatus = (typeof FACTS_REPORT_STATUSES)[number];

/** The inventory model an entry is about. `device` is the device's own facts (vendor, model, serial, …). */
export const FACTS_OBJECT_TYPES = ['device', 'interface', 'ip_address', 'ip_neighbour', 'mac_entry', 'lldp_neighbour', 'inventory_item', 'bgp_peer'] as const;
export type FactsObjectType = (typeof FACTS_OBJECT_TYPES)[number];

export const factsEntrySchema = z.object({
  /** Deterministic: the report, device, collector type and key. */
  id: z.string().min(1),
  collectorType: z.enum(COLLECTOR_TYPES),
  deviceId: z.string().min(1),
  deviceName: z.string(),
  objectType: z.enum(FACTS_OBJECT_TYPES),
  /** What identifies the record within its device and type: an interface's name, `vrf|ip` of an ARP entry, … */
  key: z.string().min(1),
  action: z.enum(FACTS_ENTRY_ACTIONS),
  /** The inventory record the entry is about; null for `new`. */
  objectId: z.string().nullable(),
  /** The record as collected, in the inventory model's input shape; null for `stale`. */
  detected: jsonObjectSchema.nullable(),
  /** The record as the inventory holds it when collected; null for `new`. */
  current: jsonObjectSchema.nullable(),
});
export type FactsEntry = z.infer<typeof factsEntrySchema>;

export const factsReportOpenedDataSchema = z.object({
  runId: z.string().min(1),
  planId: z.string().min(1),
  planName: z.string(),
  detectOnly: z.boolean(),
  collectorTypes: z.array(z.enum(COLLECTOR_TYPES)).readonly(),
  /** The devices the run collects (after filters and `deviceIds`). */
  devices: readonlyArray(z.object({ id: z.string(), name: z.string() })),
  openedAt: z.string(),
});
export type FactsReportOpenedData = z.infer<typeof factsReportOpenedDataSchema>;

/** Entries of one device, at most `FACTS_ENTRIES_PER_EVENT` per event; `part` counts from 1 of `parts`. */
export const factsEntriesDetectedDataSchema = z.object({
  deviceId: z.string().min(1),
  deviceName: z.string(),
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  entries: readonlyArray(factsEntrySchema),
});
export type FactsEntriesDetectedData = z.infer<typeof factsEntriesDetectedDataSchema>;
export const FACTS_ENTRIES_PER_EVENT = 500;

/** A device that could not be collected (after its retries): it has no entries in this report. */
export const factsDeviceFailedDataSchema = z.object({
  deviceId: z.string().min(1),
  deviceName: z.string(),
  /** A stable code, e.g. `SNMP_TIMEOUT`, `SNMP_AUTH_FAILED`, `NO_CREDENTIALS`, `NO_ADDRESS`. */
  code: z.string(),
  message: z.string(),
});
export type FactsDeviceFailedData = z.infer<typeof factsDeviceFailedDataSchema>;

/** Entries applied, skipped, or failed to apply, by whom (the run's actor in apply mode, else the REST caller). */
export const factsEntriesResolvedDataSchema = z.object({
  resolvedBy: z.string(),
  resolvedAt: z.string(),
  entries: readonlyArray(
    z.object({
      id: z.string().min(1),
      status: z.enum(['applied', 'skipped', 'failed']),
      /** Set for `failed`: why the inventory refused it. */
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      /** The inventory record the entry created or changed, once applied. */
      objectId: z.string().nullable(),
    }),
  ),
});
export type FactsEntriesResolvedData = z.infer<typeof factsEntriesResolvedDataSchema>;

/** The run collected every device it could: no more entries will come. */
export const factsReportClosedDataSchema = z.object({
  closedAt: z.string(),
  devicesCollected: z.number().int(),
  devicesFailed: z.number().int(),
  /** How many entries the report has in all (the projection can tell when it holds them all). */
  entries: z.number().int(),
});
export type FactsReportClosedData = z.infer<typeof factsReportClosedDataSchema>;

export const factsReportOpenedSchema = eventSchema('facts.report_opened', factsReportOpenedDataSchema);
export const factsEntriesDetectedSchema = eventSchema('facts.entries_detected', factsEntriesDetectedDataSchema);
export const factsDeviceFailedSchema = eventSchema('facts.device_failed', factsDeviceFailedDataSchema);
export const factsEntriesResolvedSchema = eventSchema('facts.entries_resolved', factsEntriesResolvedDataSchema);
export const factsReportClosedSchema = eventSchema('facts.report_closed', factsReportClosedDataSchema);

export type FactsReportOpened = z.infer<typeof factsReportOpenedSchema>;
export type FactsEntriesDetected = z.infer<typeof factsEntriesDetectedSchema>;
export type FactsDeviceFailed = z.infer<typeof factsDeviceFailedSchema>;
export type FactsEntriesResolved = z.infer<typeof factsEntriesResolvedSchema>;
export type FactsReportClosed = z.infer<typeof factsReportClosedSchema>;

export const factsEventSchema = z.discriminatedUnion('type', [
  factsReportOpenedSchema,
  factsEntriesDetectedSchema,
  factsDeviceFailedSchema,
  factsEntriesResolvedSchema,
  factsReportClosedSchema,
]);
export type FactsEvent = z.infer<typeof factsEventSchema>;
export type FactsEventType = FactsEvent['type'];

/** The last segment of a facts event's subject: `facts.report_opened` → `report_opened`. */
export function factsEventKind(type: FactsEventType): string {
  return type.slice('facts.'.length);
}
