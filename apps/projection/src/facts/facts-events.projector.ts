import type { EventEnvelope, FactsEntriesDetected, FactsEntriesResolved, FactsEvent, FactsReportClosed, FactsReportOpened, FactsDeviceFailed } from '@yardmaster/contracts';
import type { EntityManager } from '@yardmaster/read-models';
import { factsReportStatus } from './facts-report-status';

/**
 * Applies facts events to `facts_reports` and `facts_report_entries`. Each event's `aggregateId` is its report's
 * id (the run's; the subject says it too). The report's counts move with the rows each statement really changed
 * (`RETURNING`), so an entry stored twice or resolved twice counts once, and its status is derived again from
 * them after every event. Every time written comes from the events, so a replay builds the same rows.
 */
export async function projectFactsEvent(manager: EntityManager, event: FactsEvent): Promise<void> {
  switch (event.type) {
    case 'facts.report_opened':
      await openReport(manager, event);
      break;
    case 'facts.entries_detected':
      await addEntries(manager, event);
      break;
    case 'facts.device_failed':
      await addFailedDevice(manager, event);
      break;
    case 'facts.entries_resolved':
      await resolveEntries(manager, event);
      break;
    case 'facts.report_closed':
      await closeReport(manager, event);
      break;
    default: {
      // As for run events: an unknown type is thrown, so the event is redelivered until a projection knows it.
      const unknown: never = event;
      throw new Error(`Unknown facts event type ${(unknown as EventEnvelope).type} (event ${(unknown as EventEnvelope).id})`);
    }
  }
  await deriveStatus(manager, event.aggregateId);
}

async function openReport(manager: EntityManager, event: FactsReportOpened): Promise<void> {
  const { runId, planId, planName, detectOnly, collectorTypes, devices, openedAt } = event.data;
  await manager.query(
    `INSERT INTO facts_reports (id, run_id, plan_id, plan_name, detect_only, collector_types, devices_total, status, opened_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 'collecting', $8, $9)
     ON CONFLICT (id) DO UPDATE SET
       run_id = EXCLUDED.run_id, plan_id = EXCLUDED.plan_id, plan_name = EXCLUDED.plan_name, detect_only = EXCLUDED.detect_only,
       collector_types = EXCLUDED.collector_types, devices_total = EXCLUDED.devices_total, opened_at = EXCLUDED.opened_at,
       updated_at = EXCLUDED.updated_at`,
    [event.aggregateId, runId, planId, planName, detectOnly, JSON.stringify(collectorTypes), devices.length, openedAt, event.occurredAt],
  );
}

/**
 * The report's row, for an event that came before `facts.report_opened` (one stream, but a report rebuilt from a
 * partly purged stream, or a producer that published out of order): filled in when the opening arrives.
 */
async function ensureReport(manager: EntityManager, event: EventEnvelope): Promise<void> {
  await manager.query(
    `INSERT INTO facts_reports (id, run_id, plan_id, plan_name, detect_only, status, opened_at, updated_at)
     VALUES ($1, $1, '', '', true, 'collecting', $2, $2)
     ON CONFLICT (id) DO NOTHING`,
    [event.aggregateId, event.occurredAt],
  );
}

async function addEntries(manager: EntityManager, event: FactsEntriesDetected): Promise<void> {
  await ensureReport(manager, event);
  const { entries, part, parts } = event.data;
  const added: Array<{ action: string }> =
    entries.length === 0
      ? []
      : await manager.query(
          `INSERT INTO facts_report_entries (report_id, id, collector_type, device_id, device_name, object_type, key, action, object_id, detected, current)
           SELECT $1, e.id, e."collectorType", e."deviceId", e."deviceName", e."objectType", e.key, e.action, e."objectId", e.detected, e.current
             FROM jsonb_to_recordset($2::jsonb) AS e(
               id text, "collectorType" text, "deviceId" text, "deviceName" text, "objectType" text, key text, action text,
               "objectId" text, detected jsonb, current jsonb)
           ON CONFLICT (report_id, id) DO NOTHING
           RETURNING action`,
          [event.aggregateId, JSON.stringify(entries)],
        );
  const byAction = countBy(added, (row) => row.action);
  await manager.query(
    `UPDATE facts_reports SET
       entries_total = entries_total + $2, pending_entries = pending_entries + $2,
       new_entries = new_entries + $3, changed_entries = changed_entries + $4,
       confirmed_entries = confirmed_entries + $5, stale_entries = stale_entries + $6,
       -- A device counts as collected once its last part is in; the closing event's figure replaces the count.
       devices_collected = devices_collected + CASE WHEN $7::boolean AND closed_at IS NULL THEN 1 ELSE 0 END,
       updated_at = GREATEST(updated_at, $8)
     WHERE id = $1`,
    [event.aggregateId, added.length, byAction.new ?? 0, byAction.changed ?? 0, byAction.confirmed ?? 0, byAction.stale ?? 0, part === parts, event.occurredAt],
  );
}

async function addFailedDevice(manager: EntityManager, event: FactsDeviceFailed): Promise<void> {
  await ensureReport(manager, event);
  const { deviceId, deviceName, code, message } = event.data;
  // One element per device: a second failure of the same device (a repeated report) replaces the first.
  await manager.query(
    `UPDATE facts_reports SET
       failed_devices = failed.devices, devices_failed = jsonb_array_length(failed.devices), updated_at = GREATEST(updated_at, $3)
     FROM (
       SELECT COALESCE(jsonb_agg(device), '[]'::jsonb) || jsonb_build_array($2::jsonb) AS devices
         FROM facts_reports report, jsonb_array_elements(report.failed_devices) AS device
        WHERE report.id = $1 AND device->>'deviceId' <> $4
     ) AS failed
     WHERE id = $1`,
    [event.aggregateId, JSON.stringify({ deviceId, deviceName, code, message }), event.occurredAt, deviceId],
  );
}

async function resolveEntries(manager: EntityManager, event: FactsEntriesResolved): Promise<void> {
  await ensureReport(manager, event);
  const { resolvedBy, resolvedAt, entries } = event.data;
  if (entries.length === 0) return;
  const rows = entries.map(({ id, status, error, objectId }) => ({ id, status, objectId, errorCode: error?.code ?? null, errorMessage: error?.message ?? null }));
  // Only a pending entry is resolved: the first resolution of an entry stands, a late or repeated one changes nothing.
  // TypeORM answers an UPDATE with [rows returned, rows changed].
  const [resolved] = (await manager.query(
    `UPDATE facts_report_entries entry SET
       status = r.status, error_code = r."errorCode", error_message = r."errorMessage",
       object_id = COALESCE(r."objectId", entry.object_id), resolved_at = $3, resolved_by = $4
     FROM jsonb_to_recordset($2::jsonb) AS r(id text, status text, "objectId" text, "errorCode" text, "errorMessage" text)
     WHERE entry.report_id = $1 AND entry.id = r.id AND entry.status = 'pending'
     RETURNING entry.status`,
    [event.aggregateId, JSON.stringify(rows), resolvedAt, resolvedBy],
  )) as [Array<{ status: string }>, number];
  const byStatus = countBy(resolved, (row) => row.status);
  await manager.query(
    `UPDATE facts_reports SET
       pending_entries = pending_entries - $2, applied_entries = applied_entries + $3,
       skipped_entries = skipped_entries + $4, failed_entries = failed_entries + $5, updated_at = GREATEST(updated_at, $6)
     WHERE id = $1`,
    [event.aggregateId, resolved.length, byStatus.applied ?? 0, byStatus.skipped ?? 0, byStatus.failed ?? 0, event.occurredAt],
  );
}

async function closeReport(manager: EntityManager, event: FactsReportClosed): Promise<void> {
  await ensureReport(manager, event);
  const { closedAt, devicesCollected, devicesFailed, entries } = event.data;
  await manager.query(
    `UPDATE facts_reports SET
       closed_at = $2, devices_collected = $3, devices_failed = GREATEST($4, jsonb_array_length(failed_devices)),
       entries_expected = $5, updated_at = GREATEST(updated_at, $6)
     WHERE id = $1`,
    [event.aggregateId, closedAt, devicesCollected, devicesFailed, entries, event.occurredAt],
  );
}

async function deriveStatus(manager: EntityManager, reportId: string): Promise<void> {
  const rows: Array<Record<string, number | boolean>> = await manager.query(
    `SELECT closed_at IS NOT NULL AS closed, entries_total AS entries, pending_entries AS pending, applied_entries AS applied,
            skipped_entries AS skipped, failed_entries AS failed, devices_collected AS "devicesCollected", devices_failed AS "devicesFailed"
       FROM facts_reports WHERE id = $1`,
    [reportId],
  );
  const tally = rows[0];
  if (!tally) return;
  const status = factsReportStatus({
    closed: tally.closed === true,
    entries: Number(tally.entries),
    pending: Number(tally.pending),
    applied: Number(tally.applied),
    skipped: Number(tally.skipped),
    failed: Number(tally.failed),
    devicesCollected: Number(tally.devicesCollected),
    devicesFailed: Number(tally.devicesFailed),
  });
  await manager.query(`UPDATE facts_reports SET status = $2 WHERE id = $1 AND status <> $2`, [reportId, status]);
}

function countBy<T>(rows: readonly T[], keyOf: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[keyOf(row)] = (counts[keyOf(row)] ?? 0) + 1;
  return counts;
}
