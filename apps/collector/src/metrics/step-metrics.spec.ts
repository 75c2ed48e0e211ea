import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { Registry } from 'prom-client';
import { sampleOf } from '@yardmaster/testing';
import { StepMetrics } from './step-metrics';

const labels = { job: 'examples.HelloWorld', step: 'run' };

describe('StepMetrics', () => {
  let registry: Registry;
  let metrics: StepMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new StepMetrics(registry);
  });

  it('counts each attempt by how it ended and times it, passing its outcome or error through', async () => {
    await expect(metrics.measure(labels, async () => ({ result: 1, failureCount: 0 }))).resolves.toEqual({ result: 1, failureCount: 0 });
    await metrics.measure(labels, async () => ({ result: null, failureCount: 2 }));
    await metrics.measure(labels, async () => ({ result: null, failureCount: 0, runDataUnavailable: true }));
    const jobError = ApplicationFailure.create({ message: 'boom', type: 'JobCodeError', nonRetryable: true });
    await expect(metrics.measure(labels, () => Promise.reject(jobError))).rejects.toBe(jobError);
    await expect(metrics.measure(labels, () => Promise.reject(new CancelledFailure('cancelled')))).rejects.toBeInstanceOf(CancelledFailure);

    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_steps_total', { ...labels, outcome: 'completed' })).toBe(1);
    expect(sampleOf(text, 'yard_steps_total', { ...labels, outcome: 'failed' })).toBe(2);
    expect(sampleOf(text, 'yard_steps_total', { ...labels, outcome: 'errored' })).toBe(1);
    expect(sampleOf(text, 'yard_steps_total', { ...labels, outcome: 'cancelled' })).toBe(1);
    expect(sampleOf(text, 'yard_step_duration_seconds_count', labels)).toBe(5);
    expect(sampleOf(text, 'yard_steps_in_progress')).toBe(0);
  });

  it('shows an attempt in progress while it runs', async () => {
    let finish: () => void = () => undefined;
    const running = metrics.measure(labels, () => new Promise((resolve) => (finish = () => resolve({ result: null, failureCount: 0 }))));
    expect(sampleOf(await registry.metrics(), 'yard_steps_in_progress')).toBe(1);
    finish();
    await running;
    expect(sampleOf(await registry.metrics(), 'yard_steps_in_progress')).toBe(0);
  });

  it('counts log lines by level', async () => {
    metrics.logLine('info');
    metrics.logLine('info');
    metrics.logLine('failure');
    const text = await registry.metrics();
    expect(sampleOf(text, 'yard_log_lines_total', { level: 'info' })).toBe(2);
    expect(sampleOf(text, 'yard_log_lines_total', { level: 'failure' })).toBe(1);
  });
});
