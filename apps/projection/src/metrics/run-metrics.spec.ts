import { Registry } from 'prom-client';
import { sampleOf } from '@yardmaster/testing';
import type { RunStateFacts } from './run-facts';
import { RunMetrics } from './run-metrics';

const requestedAt = new Date('2026-12-01T10:00:00.000Z');
const at = (seconds: number) => new Date(requestedAt.getTime() + seconds * 1000);

function facts(event: RunStateFacts['event'], startedAt: Date | null, completedAt: Date | null = null): RunStateFacts {
  return { event, jobId: 'examples.HelloWorld', queue: 'default', requestedAt, startedAt, completedAt };
}

describe('RunMetrics', () => {
  let registry: Registry;
  let metrics: RunMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new RunMetrics(registry);
  });

  it('observes the queue wait when a run starts, and counts and times it by job and outcome when it ends', async () => {
    metrics.observe(facts('run.started', at(1.5)));
    metrics.observe(facts('run.failed', at(1.5), at(4)));
    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_run_queue_wait_seconds_sum', { queue: 'default' })).toBe(1.5);
    expect(sampleOf(text, 'yard_runs_total', { job: 'examples.HelloWorld', outcome: 'failed' })).toBe(1);
    expect(sampleOf(text, 'yard_run_duration_seconds_sum', { job: 'examples.HelloWorld', outcome: 'failed' })).toBe(2.5);
  });

  it('counts a run that ended without starting (cancelled while queued) but does not time it', async () => {
    metrics.observe(facts('run.cancelled', null, at(3)));
    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_runs_total', { outcome: 'cancelled' })).toBe(1);
    expect(sampleOf(text, 'yard_run_duration_seconds_count', { outcome: 'cancelled' })).toBeUndefined();
  });

  it('never observes a negative time when the clocks of the services that wrote the times disagree', async () => {
    metrics.observe(facts('run.started', new Date(requestedAt.getTime() - 200)));
    metrics.observe(facts('run.timed_out', at(5), at(4.9)));
    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_run_queue_wait_seconds_sum', { queue: 'default' })).toBe(0);
    expect(sampleOf(text, 'yard_run_duration_seconds_sum', { outcome: 'timed_out' })).toBe(0);
  });

  it('counts each log entry written to the read model, a batch by its number of lines', async () => {
    metrics.observe({ event: 'run.log', lines: 1 });
    metrics.observe({ event: 'run.log', lines: 500 });
    expect(sampleOf(await registry.metrics(), 'yard_log_lines_projected_total')).toBe(501);
  });
});
