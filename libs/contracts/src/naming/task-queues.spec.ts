import { runTaskQueueFor, schedulerTaskQueueBeside, schedulerTaskQueueFor, taskQueueOfRun } from './task-queues';

describe('the scheduler task queue beside a run task queue', () => {
  it('is the scheduler queue of the instance the run queue names, whatever the queue', () => {
    expect(schedulerTaskQueueBeside(taskQueueOfRun('yard', 'high'))).toBe(schedulerTaskQueueFor('yard'));
    // A custom queue may itself hold "-runs-": the instance (which holds no '-') ends at the first one.
    expect(schedulerTaskQueueBeside(runTaskQueueFor('edge_2', 'night-runs-x'))).toBe('edge_2-scheduler');
  });

  it('is null for a queue that is no run queue', () => {
    expect(schedulerTaskQueueBeside('test-fire-1234')).toBeNull();
    expect(schedulerTaskQueueBeside('-runs-default')).toBeNull();
  });
});
