import type { RunView } from '@yardmaster/contracts';
import type { JobRunRecord } from '@yardmaster/read-models';

/** A run as the API shows it, with a link to its workflow in the Temporal Web UI. */
export function runView(record: JobRunRecord, temporal: { uiUrl: string; namespace: string }): RunView {
  return {
    id: record.id,
    jobId: record.jobId,
    jobName: record.jobName,
    status: record.status,
    data: record.data,
    commit: record.commit,
    queue: record.queue,
    requestedBy: record.requestedBy,
    runAs: record.runAs,
    scheduleId: record.scheduleId,
    attempt: record.attempt,
    result: record.result,
    error: record.error,
    failureCount: record.failureCount,
    steps: record.steps,
    progress: record.progress,
    cancelRequestedBy: record.cancelRequestedBy,
    cancelRequestedAt: record.cancelRequestedAt?.toISOString() ?? null,
    cancelledBy: record.cancelledBy,
    createdAt: record.createdAt.toISOString(),
    startedAt: record.startedAt?.toISOString() ?? null,
    completedAt: record.completedAt?.toISOString() ?? null,
    workflowId: record.workflowId,
    temporalUrl: `${temporal.uiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(record.workflowId)}`,
    links: { self: `/api/runs/${record.id}`, logs: `/api/runs/${record.id}/logs` },
  };
}
