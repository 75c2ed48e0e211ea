import { ApplicationFailure } from '@temporalio/common';
import type { TemporalLogEntry } from './temporal-log';
import { temporalLogFields } from './temporal-log';

function entry(meta: Record<string, unknown>): TemporalLogEntry {
  return { level: 'WARN', message: 'Activity failed', meta };
}

describe('temporalLogFields', () => {
  it("writes a failure with a type (a job's error) as its code and message, with no stack", () => {
    const failure = ApplicationFailure.create({ message: 'Erroring on purpose: device unreachable', type: 'JobCodeError', nonRetryable: true });
    const fields = temporalLogFields(entry({ activityType: 'executeJobStep', error: failure }));
    expect(fields).toEqual({ activityType: 'executeJobStep', code: 'JobCodeError', error: 'Erroring on purpose: device unreachable' });
  });

  it('tells a failure made in the workflow sandbox (another class, the same name) by its name', () => {
    const sandboxed = Object.assign(new Error('The run failed: its steps logged 1 failure'), { name: 'ApplicationFailure', type: 'RunFailed' });
    expect(temporalLogFields(entry({ error: sandboxed }))).toEqual({ code: 'RunFailed', error: 'The run failed: its steps logged 1 failure' });
  });

  it('keeps an unexpected error whole, as `err`, for its stack', () => {
    const bug = new TypeError('x is undefined');
    expect(temporalLogFields(entry({ error: bug }))).toEqual({ err: bug });
    expect(temporalLogFields(entry({ error: ApplicationFailure.create({ message: 'untyped' }) }))).toMatchObject({ err: expect.any(Error) });
  });

  it("names the run its workflow id is for, and keeps Temporal's execution id apart", () => {
    expect(temporalLogFields(entry({ workflowId: 'run-r-1', runId: 'exec-1' }))).toEqual({ workflowId: 'run-r-1', workflowRunId: 'exec-1', runId: 'r-1' });
    expect(temporalLogFields(entry({ workflowId: 'schedule-s-1' }))).toEqual({ workflowId: 'schedule-s-1' });
  });
});
