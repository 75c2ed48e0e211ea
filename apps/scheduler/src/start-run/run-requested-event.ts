import { isSealedValue, newEvent, REDACTED, workflowIdForRun, type JsonObject, type RunRequested, type RunWorkflowInput } from '@yardmaster/contracts';

/**
 * The run's `run.requested`, from its workflow input: made when the run starts, and made again, the same (its id is
 * the JetStream msgID, so it is stored once), when the first one was lost. Sensitive values never leave sealed or
 * in clear: each sealed value reads `********`.
 */
export function runRequestedEvent(input: RunWorkflowInput, requestedAt: string): RunRequested {
  return newEvent({
    id: `${input.runId}:run.requested`,
    type: 'run.requested',
    occurredAt: requestedAt,
    aggregateId: input.runId,
    sequence: 1,
    correlationId: input.correlationId,
    actor: input.requestedBy,
    data: {
      jobId: input.jobId,
      jobName: input.jobName,
      data: shownData(input.data),
      commit: input.commit,
      queue: input.queue,
      requestedBy: input.requestedBy,
      ...(input.runAs === undefined ? {} : { runAs: input.runAs }),
      workflowId: workflowIdForRun(input.runId),
      requestedAt,
      scheduleId: input.scheduleId ?? null,
      startAt: input.startAt ?? null,
    },
  });
}

function shownData(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, isSealedValue(value) ? REDACTED : value]));
}
