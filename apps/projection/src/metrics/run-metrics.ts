import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@yardmaster/messaging';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { RunFacts } from './run-facts';

/** Seconds: a Hello World takes a tenth of one, a fact collection over a fleet half an hour. */
export const RUN_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800, 3600];
/** Seconds from requested to started: milliseconds on an idle system, minutes behind a busy queue or a singleton. */
export const QUEUE_WAIT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

/**
 * Runs as the projection sees them end: every run's events pass through it exactly once (applyOnce), whichever
 * collector or scheduler wrote them, so it counts each run once, by job and outcome, and how long it queued and
 * ran. Jobs are few (the catalog), queues are few, outcomes are five: the labels stay low in cardinality.
 */
@Injectable()
export class RunMetrics {
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly duration: Histogram<'job' | 'outcome'>;
  private readonly queueWait: Histogram<'queue'>;
  private readonly logLines: Counter;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.runs = new Counter({ name: 'yard_runs_total', help: 'Runs that ended, by job and outcome', labelNames: ['job', 'outcome'], registers });
    this.duration = new Histogram({
      name: 'yard_run_duration_seconds',
      help: 'From a run starting to its end, by job and outcome (runs that never started are not observed)',
      labelNames: ['job', 'outcome'],
      buckets: RUN_DURATION_BUCKETS,
      registers,
    });
    this.queueWait = new Histogram({ name: 'yard_run_queue_wait_seconds', help: 'From a run requested to it started, by queue', labelNames: ['queue'], buckets: QUEUE_WAIT_BUCKETS, registers });
    this.logLines = new Counter({ name: 'yard_log_lines_projected_total', help: 'Log entries written to the read model (readable over REST)', registers });
  }

  /** One applied event's facts; called after its transaction commits, so a rolled-back event counts nothing. */
  observe(facts: RunFacts): void {
    if (facts.event === 'run.log') {
      this.logLines.inc(facts.lines);
      return;
    }
    if (facts.event === 'run.started') {
      if (facts.startedAt) this.queueWait.observe({ queue: facts.queue }, secondsBetween(facts.requestedAt, facts.startedAt));
      return;
    }
    const outcome = facts.event.slice('run.'.length);
    this.runs.inc({ job: facts.jobId, outcome });
    if (facts.startedAt && facts.completedAt) this.duration.observe({ job: facts.jobId, outcome }, secondsBetween(facts.startedAt, facts.completedAt));
  }
}

/** Never negative: the two times come from different clocks (scheduler, collector). */
function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 1000);
}
