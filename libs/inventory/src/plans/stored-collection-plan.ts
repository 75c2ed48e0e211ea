import type { CollectionPlanBody, CollectionPlanView } from '@yardmaster/contracts';
import type { CollectionPlanRecord } from './collection-plan.record';

/** A plan as stored: its view but for `status`, which its last run in the run read model decides (the API's part). */
export type StoredCollectionPlan = Omit<CollectionPlanView, 'status'>;

export function bodyOf(record: CollectionPlanRecord): CollectionPlanBody {
  return {
    name: record.name,
    description: record.description,
    enabled: record.enabled,
    priority: record.priority,
    runAs: record.runAs,
    collectorTypes: record.collectorTypes,
    credentialsRef: record.credentialsRef,
    connectionTarget: record.connectionTarget,
    protocol: record.protocol,
    filter: record.filter,
    intervalMinutes: record.intervalMinutes,
    detectOnly: record.detectOnly,
    deviceTimeoutSeconds: record.deviceTimeoutSeconds,
    runTimeoutSeconds: record.runTimeoutSeconds,
    devicesAtOnce: record.devicesAtOnce,
    deviceRetry: record.deviceRetry,
  };
}

/** The record's columns for a body: the same fields, in the record's (mutable) types. */
export function columnsOf(body: CollectionPlanBody): Omit<CollectionPlanRecord, 'id' | 'lastRunId' | 'scheduleId' | 'createdBy' | 'createdAt' | 'updatedAt'> {
  return { ...body, collectorTypes: [...body.collectorTypes] };
}

export function storedCollectionPlanOf(record: CollectionPlanRecord): StoredCollectionPlan {
  return {
    id: record.id,
    ...bodyOf(record),
    lastRunId: record.lastRunId,
    scheduleId: record.scheduleId,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
