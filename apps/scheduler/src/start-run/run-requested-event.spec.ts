import { REDACTED, type RunWorkflowInput } from '@yardmaster/contracts';
import { runRequestedEvent } from './run-requested-event';

const input = {
  runId: 'r-1',
  jobId: 'examples.HelloWorld',
  jobName: 'Hello World',
  data: { name: 'yard', password: { $sealed: 'AAAA' } },
  commit: true,
  queue: 'high',
  requestedBy: 'alice',
  correlationId: 'c-1',
  scheduleId: 's-1',
} as unknown as RunWorkflowInput;

describe('runRequestedEvent', () => {
  it('is the same event (same id) from the workflow input, sealed values masked, the schedule kept', () => {
    const event = runRequestedEvent(input, '2026-12-01T00:00:00.000Z');
    expect(event.id).toBe('r-1:run.requested');
    expect(event.data).toMatchObject({ requestedBy: 'alice', queue: 'high', scheduleId: 's-1', workflowId: 'run-r-1', data: { name: 'yard', password: REDACTED } });
    expect(JSON.stringify(event)).not.toContain('AAAA');
  });
});
