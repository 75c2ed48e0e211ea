import { CancelledFailure, Context } from '@temporalio/activity';
import { factsEventKind, subjectsFor, type FactsEntry } from '@yardmaster/contracts';
import { applyFactsEntries, entriesResolvedEvents, type FactsEntryOutcome } from '@yardmaster/inventory';
import type { AppliedFactsReport, ApplyFactsReportInput, PlanRunScope } from '@yardmaster/workflows';
import { StepEventBuffer } from '../activities/log-delivery/step-event-buffer';
import { RunLogger } from '../activities/run-logger';
import type { CollectionDeps } from './collection-deps';
import { deliverActivityEvents } from './deliver-activity-events';
import { readReportEntries, readReportResolutions } from './read-facts-report';

const HEARTBEAT_INTERVAL_MS = 1000;
/** Failed entries named one by one in the run's log; the rest are counted. */
const NAMED_FAILURES = 50;

/**
 * Apply mode: applies a plan run's report once its devices are done, as `POST /api/facts-reports/{id}/apply` does
 * for a person, with the run's actor as `resolvedBy`. The entries are read back from the FACTS stream (the
 * collector reads no read model) and applied in one transaction, a savepoint each; `facts.entries_resolved` is
 * published before the inventory commits, so the inventory never holds a change the report does not record.
 *
 * Idempotent: an attempt that finds the report's every entry resolved in the stream already (an earlier attempt
 * published them, then was lost) applies nothing again, since a new record created twice would conflict or
 * duplicate; it only counts them. A cancel or the run's timeout rolls the transaction back (checked before the
 * commit): the entries stay pending, for the report's own apply.
 */
export function createApplyFactsReport(deps: CollectionDeps) {
  return async function applyFactsReport({ scope, actor, entries: expected }: ApplyFactsReportInput): Promise<AppliedFactsReport> {
    const activity = Context.current();
    const startedAt = Date.now();
    const buffer = new StepEventBuffer(deps.publisher, deps.logDelivery);
    const logger = applyLogger(buffer, deps.instance, scope, activity.info.attempt);
    const heartbeat = setInterval(() => activity.heartbeat(), HEARTBEAT_INTERVAL_MS);
    try {
      const entries = await readReportEntries(deps.nc, deps.instance, scope.runId);
      // A device's entries not all stored (its events still held back by a NATS outage): apply nothing yet, retry.
      if (expected !== undefined && entries.length < expected) {
        throw new Error(`Only ${entries.length} of the ${expected} entries of facts report ${scope.runId} are in the FACTS stream yet`);
      }
      const resolved = await readReportResolutions(deps.nc, deps.instance, scope.runId);
      if (entries.length > 0 && entries.every((entry) => resolved.has(entry.id))) {
        const earlier = countOutcomes(entries.map((entry) => resolved.get(entry.id) as FactsEntryOutcome));
        logger.info(`The ${entries.length} entries of facts report ${scope.runId} were resolved by an earlier attempt: ${earlier.applied} applied, ${earlier.failed} failed`);
        await deliverActivityEvents(buffer, deps, startedAt);
        return { ...earlier, earlier: true };
      }
      if (entries.length === 0) {
        logger.info(`Nothing to apply: facts report ${scope.runId} has no entries`);
        await deliverActivityEvents(buffer, deps, startedAt);
        return { applied: 0, failed: 0, earlier: false };
      }
      logger.info(`Applying the ${entries.length} entries of facts report ${scope.runId} as ${actor}`);
      const outcomes = await applyFactsEntries(deps.inventory, entries, {
        beforeCommit: async (found) => {
          // Past the run's timeout or cancelled: roll back rather than commit what the run no longer owns.
          if (activity.cancellationSignal.aborted) throw new CancelledFailure('The run was cancelled or ran out of time before its entries were applied');
          await publishResolution(deps, scope, actor, found);
        },
      });
      const counts = countOutcomes(outcomes);
      logFailures(logger, entries, outcomes);
      const message = `Applied ${counts.applied} of ${entries.length} entries of facts report ${scope.runId}${counts.failed > 0 ? `; ${counts.failed} failed` : ''}`;
      if (counts.failed > 0) logger.warning(message);
      else logger.success(message);
      await deliverActivityEvents(buffer, deps, startedAt);
      return { ...counts, earlier: false };
    } catch (error) {
      const cancelled = error instanceof CancelledFailure || activity.cancellationSignal.aborted;
      const reason = error instanceof Error ? error.message : String(error);
      logger[cancelled ? 'warning' : 'failure'](
        cancelled ? 'Nothing was applied: the run was cancelled or ran out of time; the entries stay pending' : `Nothing was applied (attempt ${activity.info.attempt}): ${reason}`,
      );
      await deliverActivityEvents(buffer, deps, startedAt).catch(() => undefined);
      throw cancelled && !(error instanceof CancelledFailure) ? new CancelledFailure('Applying the facts report was cancelled') : error;
    } finally {
      clearInterval(heartbeat);
    }
  };
}

/** Published before the commit; a refusal throws, and nothing is applied (the activity is retried). */
async function publishResolution(deps: CollectionDeps, scope: PlanRunScope, actor: string, outcomes: readonly FactsEntryOutcome[]): Promise<void> {
  const subject = subjectsFor(deps.instance).factsEvent(scope.runId, factsEventKind('facts.entries_resolved'));
  const resolvedAt = new Date().toISOString();
  for (const event of entriesResolvedEvents({ reportId: scope.runId, outcomes, resolvedBy: actor, resolvedAt, correlationId: scope.correlationId })) {
    await deps.publisher.publish(subject, event);
  }
}

function countOutcomes(outcomes: readonly FactsEntryOutcome[]): { applied: number; failed: number } {
  return { applied: outcomes.filter((outcome) => outcome.status === 'applied').length, failed: outcomes.filter((outcome) => outcome.status === 'failed').length };
}

function logFailures(logger: RunLogger, entries: readonly FactsEntry[], outcomes: readonly FactsEntryOutcome[]): void {
  const failed = outcomes.flatMap((outcome, index) => (outcome.status === 'failed' ? [{ entry: entries[index], outcome }] : []));
  for (const { entry, outcome } of failed.slice(0, NAMED_FAILURES)) {
    logger.warning(`${entry.deviceName}: ${entry.action} ${entry.objectType} ${entry.key} not applied: ${outcome.error?.code}: ${outcome.error?.message}`, {
      object: { type: 'device', id: entry.deviceId, display: entry.deviceName, url: `/api/inventory/devices/${entry.deviceId}` },
    });
  }
  if (failed.length > NAMED_FAILURES) logger.warning(`… and ${failed.length - NAMED_FAILURES} more entries not applied (the report lists them)`);
}

/** The run's log entries of the apply, grouped under `apply`; ids per attempt, so a retried attempt's are its own. */
function applyLogger(buffer: StepEventBuffer, instance: string, scope: PlanRunScope, attempt: number): RunLogger {
  return new RunLogger(buffer, { instance, runId: scope.runId, step: 'apply', grouping: 'apply', attempt, actor: scope.requestedBy, correlationId: scope.correlationId });
}
