import { ApplicationFailure } from '@temporalio/workflow';
import { RUN_END_FAILURE_TYPES } from '@yardmaster/contracts/workflow';
import type { RunOutcome } from '@yardmaster/contracts';
import { RUN_END_STATE_PATCH } from './end-state-patch';
import type { PatchGate } from './patch-gate';

/**
 * How a finished run ends its workflow (a cancelled one excepted: it ends Canceled): completed runs complete
 * it; failed, errored and timed-out runs fail it, so Temporal's Web UI and its "Failed" filter tell the truth.
 * The failure carries the outcome as its detail, the run's result stays readable there.
 * Runs started before this (no marker in their history) complete their workflow whatever their status.
 */
export function endWorkflowWith(outcome: Exclude<RunOutcome, { status: 'cancelled' }>, patches: PatchGate): RunOutcome {
  if (outcome.status === 'completed' || !patches(RUN_END_STATE_PATCH)) return outcome;
  throw ApplicationFailure.create({
    type: RUN_END_FAILURE_TYPES[outcome.status],
    message: messageOf(outcome),
    nonRetryable: true,
    details: [outcome],
  });
}

function messageOf(outcome: Exclude<RunOutcome, { status: 'cancelled' | 'completed' }>): string {
  switch (outcome.status) {
    case 'failed':
      return `The run failed: its steps logged ${outcome.failureCount} failure${outcome.failureCount === 1 ? '' : 's'}`;
    case 'errored':
      return `The run errored${outcome.error.step ? ` in step ${outcome.error.step}` : ''}: ${outcome.error.message}`;
    case 'timed_out':
      return `The run timed out: ${outcome.error.message}`;
  }
}
