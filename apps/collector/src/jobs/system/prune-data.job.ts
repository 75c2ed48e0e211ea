import { integerVar, Job, type JobContext, type JobData, type JobModule } from '@yardmaster/job-sdk';
import type { PruneBatchReport } from '@yardmaster/contracts';
import type { DataPruner } from './data-pruner';

const variables = {
  batchSize: integerVar({ label: 'Batch size', description: 'Rows deleted per statement and table', minValue: 100, maxValue: 100_000, default: 5_000 }),
};

/** What a whole prune removed, the run's result. */
export interface PruneTotals {
  runs: number;
  logEntries: number;
  auditEntries: number;
  appliedEvents: number;
  streamEvents: number;
  batches: number;
}

/**
 * `system.PruneData`: deletes ended runs (with their log entries), audit entries and stream events past the
 * retention the projection is configured with. It is an ordinary run, so each prune is listed in /api/runs with
 * a log saying what went; the scheduler installs a daily schedule for it.
 */
export function systemJobModule(pruner: DataPruner): JobModule {
  class PruneData extends Job<typeof variables> {
    static override readonly meta = {
      name: 'Prune data',
      description: 'Deletes ended runs, their logs, audit entries and stream events older than the retention periods.',
      concurrency: { mode: 'singleton' },
      readOnly: true,
      // A first prune of a large, old database can take long; it works in short batches, so nothing waits on it.
      timeouts: { runTimeoutSeconds: 6 * 60 * 60, stepTimeoutSeconds: 6 * 60 * 60 },
    } as const;
    static override readonly variables = variables;

    async run(data: JobData<typeof variables>, context: JobContext): Promise<PruneTotals> {
      const meta = { actor: context.requestedBy, correlationId: context.runId };
      const totals: PruneTotals = { runs: 0, logEntries: 0, auditEntries: 0, appliedEvents: 0, streamEvents: 0, batches: 0 };
      let batch: PruneBatchReport;
      do {
        if (context.signal.aborted) throw new Error('Prune cancelled');
        batch = await pruner.pruneBatch({ meta, target: 'read-models', batchSize: data.batchSize });
        if (totals.batches === 0) context.logger.info(describeCutoffs(batch));
        addBatch(totals, batch);
        if (batch.runs + batch.auditEntries + batch.appliedEvents > 0) {
          context.logger.info(`Batch ${totals.batches}: ${batch.runs} runs, ${batch.logEntries} log entries, ${batch.auditEntries} audit entries, ${batch.appliedEvents} applied-event records`);
        }
      } while (!batch.done);
      const streams = await pruner.pruneBatch({ meta, target: 'streams', batchSize: data.batchSize });
      for (const stream of streams.streams) {
        totals.streamEvents += stream.purged;
        context.logger.info(`Stream ${stream.stream}: ${stream.purged} events purged${stream.keptBecause ? ` (${stream.keptBecause})` : ''}`);
      }
      context.logger.success(
        `Pruned ${totals.runs} runs, ${totals.logEntries} log entries, ${totals.auditEntries} audit entries, ${totals.appliedEvents} applied-event records and ${totals.streamEvents} stream events`,
      );
      return totals;
    }
  }
  return { name: 'system', grouping: 'System', jobs: [PruneData] };
}

function addBatch(totals: PruneTotals, batch: PruneBatchReport): void {
  totals.batches += 1;
  totals.runs += batch.runs;
  totals.logEntries += batch.logEntries;
  totals.auditEntries += batch.auditEntries;
  totals.appliedEvents += batch.appliedEvents;
}

function describeCutoffs(batch: PruneBatchReport): string {
  const runs = batch.cutoffs.runs ? `runs ended before ${batch.cutoffs.runs}` : 'no runs (run retention is off)';
  const audit = batch.cutoffs.audit ? `audit entries before ${batch.cutoffs.audit}` : 'no audit entries (audit retention is off)';
  return `Pruning ${runs}; ${audit}`;
}
