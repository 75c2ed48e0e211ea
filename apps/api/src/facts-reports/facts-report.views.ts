import type { FactsEntry, FactsReportEntryView, FactsReportSummaryView, FactsReportView } from '@yardmaster/contracts';
import type { FactsReportEntryRecord, FactsReportRecord } from '@yardmaster/read-models';

export function factsReportSummaryView(record: FactsReportRecord): FactsReportSummaryView {
  return {
    id: record.id,
    runId: record.runId,
    planId: record.planId,
    planName: record.planName,
    detectOnly: record.detectOnly,
    status: record.status,
    collectorTypes: record.collectorTypes,
    devices: { total: record.devicesTotal, collected: record.devicesCollected, failed: record.devicesFailed },
    entries: {
      total: record.entriesTotal,
      expected: record.entriesExpected,
      byAction: { new: record.newEntries, changed: record.changedEntries, confirmed: record.confirmedEntries, stale: record.staleEntries },
      byStatus: { pending: record.pendingEntries, applied: record.appliedEntries, skipped: record.skippedEntries, failed: record.failedEntries },
    },
    openedAt: record.openedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function factsReportView(record: FactsReportRecord): FactsReportView {
  return { ...factsReportSummaryView(record), failedDevices: record.failedDevices };
}

export function factsReportEntryView(record: FactsReportEntryRecord): FactsReportEntryView {
  return {
    id: record.id,
    reportId: record.reportId,
    collectorType: record.collectorType,
    deviceId: record.deviceId,
    deviceName: record.deviceName,
    objectType: record.objectType,
    key: record.key,
    action: record.action,
    objectId: record.objectId,
    detected: record.detected,
    current: record.current,
    status: record.status,
    error: record.errorCode === null ? null : { code: record.errorCode, message: record.errorMessage ?? '' },
    resolvedAt: record.resolvedAt?.toISOString() ?? null,
    resolvedBy: record.resolvedBy,
  };
}

/** The entry as collected: what the inventory is asked to apply. */
export function factsEntryOf(record: FactsReportEntryRecord): FactsEntry {
  const { id, collectorType, deviceId, deviceName, objectType, key, action, objectId, detected, current } = record;
  return { id, collectorType, deviceId, deviceName, objectType, key, action, objectId, detected, current };
}
