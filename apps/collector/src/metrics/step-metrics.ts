import { CancelledFailure } from '@temporalio/common';
import type { LogLevel, StepOutcome } from '@yardmaster/contracts';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Seconds: a Hello World step takes milliseconds, a fleet's fact collection up to the step timeout (30 min). */
export const STEP_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800];

/** How a step's attempt ended, as the collector that ran it saw it. */
export type StepMetricOutcome = 'completed' | 'failed' | 'errored' | 'cancelled';

/**
 * The steps a collector runs and the log lines they write, counted where they happen: job, step and level are
 * few (the catalog's jobs, their steps, five levels), so the labels stay low in cardinality.
 */
export class StepMetrics {
  private readonly steps: Counter<'job' | 'step' | 'outcome'>;
  private readonly duration: Histogram<'job' | 'step'>;
  private readonly inProgress: Gauge;
  private readonly logLines: Counter<'level'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.steps = new Counter({ name: 'yard_steps_total', help: 'Step attempts this collector ran, by job, step and outcome', labelNames: ['job', 'step', 'outcome'], registers });
    this.duration = new Histogram({ name: 'yard_step_duration_seconds', help: 'How long a step attempt ran on this collector, by job and step', labelNames: ['job', 'step'], buckets: STEP_DURATION_BUCKETS, registers });
    this.inProgress = new Gauge({ name: 'yard_steps_in_progress', help: 'Step attempts running on this collector now', registers });
    this.logLines = new Counter({ name: 'yard_log_lines_total', help: 'Log entries job code wrote, by level (rate() is lines per second)', labelNames: ['level'], registers });
  }

  /** One log entry written by a step. */
  logLine(level: LogLevel): void {
    this.logLines.inc({ level });
  }

  /** Runs one step attempt, counting and timing it by how it ends; what it returns or throws passes through. */
  async measure(labels: { readonly job: string; readonly step: string }, attempt: () => Promise<StepOutcome>): Promise<StepOutcome> {
    const startedAt = performance.now();
    this.inProgress.inc();
    let outcome: StepMetricOutcome = 'errored';
    try {
      const result = await attempt();
      outcome = result.failureCount > 0 || result.runDataUnavailable === true ? 'failed' : 'completed';
      return result;
    } catch (error) {
      if (error instanceof CancelledFailure) outcome = 'cancelled';
      throw error;
    } finally {
      this.inProgress.dec();
      this.steps.inc({ ...labels, outcome });
      this.duration.observe(labels, (performance.now() - startedAt) / 1000);
    }
  }
}
