import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, RetryState, TerminatedFailure } from '@temporalio/common';
import { RUN_START_ABANDONED_ERROR_TYPE } from '@yardmaster/contracts';
import { ABANDONED_START_TERMINATION_REASON, endedWithoutRunning } from './ended-without-running';

/** A workflow handle as `describe` and `result` answer for an execution that ended as given. */
function handleOf(status: string, ending: Error | null = null) {
  return {
    describe: async () => ({ status: { name: status } }) as never,
    result: async () => {
      if (ending) throw new WorkflowFailedError('Workflow execution failed', ending, RetryState.NON_RETRYABLE_FAILURE);
      return { status: 'completed' };
    },
  };
}

describe('endedWithoutRunning: may a keyed retry start the run anew?', () => {
  it.each([
    ['refused at its first activity (RunStartAbandoned)', handleOf('FAILED', ApplicationFailure.create({ type: RUN_START_ABANDONED_ERROR_TYPE, message: 'refused' }))],
    ['terminated by the abandoned-start sweep', handleOf('TERMINATED', new TerminatedFailure(ABANDONED_START_TERMINATION_REASON))],
  ])('yes, a run %s', async (_what, handle) => {
    expect(await endedWithoutRunning(handle)).toBe(true);
  });

  it.each([
    ['still running', handleOf('RUNNING')],
    ['completed', handleOf('COMPLETED')],
    ['that failed in its job (its run has an ending)', handleOf('FAILED', ApplicationFailure.create({ type: 'RunFailed', message: 'failed' }))],
    ['terminated by an operator', handleOf('TERMINATED', new TerminatedFailure('stuck, said ops'))],
  ])('no, a run %s', async (_what, handle) => {
    expect(await endedWithoutRunning(handle)).toBe(false);
  });
});
