import type { NatsConnection } from '@nats-io/nats-core';
import { defaultPayloadConverter, type Client } from '@temporalio/client';
import { subjectsFor, type RunsWithoutRequestQuery, type RunWithoutRequest, type RunWorkflowInput } from '@yardmaster/contracts';
import { sendCommand, type EventPublisher } from '@yardmaster/messaging';
import { runRequestedEvent } from '../start-run/run-requested-event';

/** A row this young may still be waiting for its run.requested (or for the scheduler's own redelivery). */
const QUIET_SECONDS = 10;

/**
 * Publishes again the `run.requested` of each run the read model holds without one, made from the workflow's
 * start input (the first event of its history) and its start time: nothing accepted depends on one publish. The
 * event is the one the scheduler would have sent (same id), so the read model and the audit get it once.
 */
export async function republishLostRequests(deps: { nc: NatsConnection; client: Client; publisher: EventPublisher; instance: string }): Promise<number> {
  const subjects = subjectsFor(deps.instance);
  const query: RunsWithoutRequestQuery = { quietSeconds: QUIET_SECONDS, limit: 100 };
  const runs = await sendCommand<RunWithoutRequest[]>(deps.nc, subjects.runsWithoutRequestQuery, query, { timeoutMs: 5_000, serviceName: 'projection' });
  let published = 0;
  for (const run of runs) {
    const started = await startOf(deps.client, run.workflowId);
    if (!started || started.input.runId !== run.runId) continue;
    await deps.publisher.publish(subjects.runEvent(run.runId, 'requested'), runRequestedEvent(started.input, started.at));
    published++;
  }
  return published;
}

async function startOf(client: Client, workflowId: string): Promise<{ input: RunWorkflowInput; at: string } | null> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const first = history.events?.[0];
  const payload = first?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!first || !payload) return null;
  const input = defaultPayloadConverter.fromPayload<RunWorkflowInput>(payload);
  const seconds = Number(first.eventTime?.seconds ?? 0);
  const at = new Date(seconds * 1000 + Math.floor((first.eventTime?.nanos ?? 0) / 1e6)).toISOString();
  return { input, at };
}
