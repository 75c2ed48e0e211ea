import type { PruneBatchReport, PruneDataCommand } from '@yardmaster/contracts';
import { JobRegistry, type JobContext } from '@yardmaster/job-sdk';
import type { DataPruner } from './data-pruner';
import { systemJobModule, type PruneTotals } from './prune-data.job';

const CUTOFFS = { runs: '2026-09-02T12:00:00.000Z', audit: '2026-09-02T12:00:00.000Z' };

function batch(runs: number, done: boolean): PruneBatchReport {
  return { cutoffs: CUTOFFS, runs, logEntries: runs * 10, auditEntries: 1, appliedEvents: 2, streams: [], done };
}

/** Answers read-model batches from a list, then one stream purge; records what it was asked. */
class ScriptedPruner implements DataPruner {
  readonly asked: PruneDataCommand[] = [];
  constructor(private readonly batches: PruneBatchReport[]) {}

  async pruneBatch(command: PruneDataCommand): Promise<PruneBatchReport> {
    this.asked.push(command);
    if (command.target === 'streams') {
      return { ...batch(0, true), auditEntries: 0, appliedEvents: 0, streams: [{ stream: 'YARD_RUNS', purged: 40 }, { stream: 'YARD_IDENTITY', purged: 0, keptBecause: 'nothing old enough' }] };
    }
    const next = this.batches.shift();
    if (!next) throw new Error('asked for a batch after done');
    return next;
  }
}

function runPrune(pruner: DataPruner) {
  const registry = new JobRegistry([systemJobModule(pruner)]);
  const registered = registry.find('system.PruneData');
  if (!registered) throw new Error('system.PruneData is not registered');
  const lines: string[] = [];
  const log = (message: string) => {
    lines.push(message);
    return Promise.resolve();
  };
  const context = {
    runId: 'run-1',
    requestedBy: 'schedule:system.PruneData',
    signal: new AbortController().signal,
    logger: { debug: log, info: log, success: log, warning: log, failure: log },
  } as unknown as JobContext;
  const job = new registered.jobClass() as unknown as { run(data: unknown, context: JobContext): Promise<PruneTotals> };
  return { lines, result: job.run({ batchSize: 500 }, context) };
}

describe('system.PruneData', () => {
  it('asks for batches until one comes back short, then purges the streams, and logs the counts', async () => {
    const pruner = new ScriptedPruner([batch(500, false), batch(500, false), batch(7, true)]);
    const { lines, result } = runPrune(pruner);

    expect(await result).toEqual({ runs: 1007, logEntries: 10070, auditEntries: 3, appliedEvents: 6, streamEvents: 40, batches: 3 });
    expect(pruner.asked.map((command) => command.target)).toEqual(['read-models', 'read-models', 'read-models', 'streams']);
    expect(pruner.asked[0]).toEqual({ meta: { actor: 'schedule:system.PruneData', correlationId: 'run-1' }, target: 'read-models', batchSize: 500 });
    expect(lines[0]).toBe(`Pruning runs ended before ${CUTOFFS.runs}; audit entries before ${CUTOFFS.audit}`);
    expect(lines).toContain('Batch 3: 7 runs, 70 log entries, 1 audit entries, 2 applied-event records');
    expect(lines).toContain('Stream YARD_IDENTITY: 0 events purged (nothing old enough)');
    expect(lines.at(-1)).toBe('Pruned 1007 runs, 10070 log entries, 3 audit entries, 6 applied-event records and 40 stream events');
  });

  it('is a singleton, read-only job of the System grouping', () => {
    const definition = new JobRegistry([systemJobModule(new ScriptedPruner([]))]).find('system.PruneData')?.definition;
    expect(definition).toMatchObject({ grouping: 'System', readOnly: true, concurrency: { mode: 'singleton' } });
  });
});
