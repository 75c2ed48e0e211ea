import type { RunOutcome } from '@yardmaster/contracts';
import type { WorkflowState } from '../temporal/workflow-state';
import { correctiveTerminalEvent } from './corrective-event';

const RUN_ID = '6f1c2a4e-8b0d-4c7e-9a51-3d2f0e7b9c11';
const error = { message: 'device unreachable', type: 'JobCodeError', step: 'test_one' };

describe('correctiveTerminalEvent', () => {
  it.each<[string, RunOutcome, string, unknown]>([
    ['completed', { status: 'completed', result: { ok: true } }, 'run.completed', { result: { ok: true } }],
    ['failed', { status: 'failed', result: 1, failureCount: 2 }, 'run.failed', { result: 1, failureCount: 2 }],
    ['errored', { status: 'errored', result: null, error }, 'run.errored', { result: null, error }],
    [
      'timed_out',
      { status: 'timed_out', result: 'partial', error: { message: 'The run timed out after 1 s', type: 'RunTimeout', step: 'run' } },
      'run.timed_out',
      { result: 'partial', error: { message: 'The run timed out after 1 s', type: 'RunTimeout', step: 'run' } },
    ],
    ['cancelled', { status: 'cancelled', result: null, cancelledBy: 'alice', step: 'run' }, 'run.cancelled', { result: null, cancelledBy: 'alice', step: 'run' }],
  ])('turns a COMPLETED workflow with a %s outcome into the event the workflow would have published', (_status, outcome, type, data) => {
    const event = correctiveTerminalEvent(RUN_ID, 'COMPLETED', outcome, null);
    expect(event).toMatchObject({
      id: `${RUN_ID}:${type}`,
      type,
      version: 1,
      aggregateId: RUN_ID,
      sequence: 0,
      correlationId: RUN_ID,
      causationId: null,
      actor: 'system:scheduler',
    });
    expect(event?.data).toEqual(data);
    expect(new Date(event?.occurredAt ?? '').toISOString()).toBe(event?.occurredAt);
  });

  it('reads the outcome a FAILED workflow carries (a failed, errored or timed-out run fails its workflow) like a result', () => {
    const failed = correctiveTerminalEvent(RUN_ID, 'FAILED', { status: 'failed', result: { ok: false }, failureCount: 3 }, 'The run failed');
    expect(failed).toMatchObject({ id: `${RUN_ID}:run.failed`, type: 'run.failed', data: { result: { ok: false }, failureCount: 3 } });
    const errored = correctiveTerminalEvent(RUN_ID, 'FAILED', { status: 'errored', result: null, error }, 'The run errored');
    expect(errored).toMatchObject({ type: 'run.errored', data: { result: null, error } });
  });

  it('gives nothing for a COMPLETED workflow without an outcome', () => {
    expect(correctiveTerminalEvent(RUN_ID, 'COMPLETED', null, null)).toBeNull();
  });

  it.each<[WorkflowState, string | null, string, unknown]>([
    ['CANCELLED', null, 'run.cancelled', { result: null, cancelledBy: 'temporal', step: null, reason: 'cancelled in Temporal' }],
    ['TERMINATED', 'stuck worker', 'run.cancelled', { result: null, cancelledBy: 'temporal', step: null, reason: 'terminated in Temporal: stuck worker' }],
    ['TERMINATED', null, 'run.cancelled', { result: null, cancelledBy: 'temporal', step: null, reason: 'terminated in Temporal' }],
    [
      'TIMED_OUT',
      null,
      'run.timed_out',
      { result: null, error: { message: 'The workflow execution timed out in Temporal', type: 'WorkflowTimeout', step: null } },
    ],
    ['FAILED', 'nondeterminism', 'run.errored', { result: null, error: { message: 'nondeterminism', type: 'WorkflowFailed', step: null } }],
    ['FAILED', null, 'run.errored', { result: null, error: { message: 'The workflow failed', type: 'WorkflowFailed', step: null } }],
    [
      'NOT_FOUND',
      null,
      'run.errored',
      { result: null, error: { message: 'The run was accepted but its workflow never started', type: 'WorkflowMissing', step: null } },
    ],
  ])('turns a %s workflow (close reason %p) into %s', (state, failure, type, data) => {
    const event = correctiveTerminalEvent(RUN_ID, state, null, failure);
    expect(event).toMatchObject({ id: `${RUN_ID}:${type}`, type, aggregateId: RUN_ID, actor: 'system:scheduler' });
    expect(event?.data).toEqual(data);
  });

  it('ignores the outcome for a workflow that did not complete', () => {
    const event = correctiveTerminalEvent(RUN_ID, 'CANCELLED', { status: 'completed', result: 1 }, null);
    expect(event?.type).toBe('run.cancelled');
  });

  it.each<WorkflowState>(['RUNNING', 'CONTINUED_AS_NEW', 'UNKNOWN'])('gives nothing for a %s workflow: the run has not ended', (state) => {
    expect(correctiveTerminalEvent(RUN_ID, state, { status: 'completed', result: null }, 'whatever')).toBeNull();
  });
});
