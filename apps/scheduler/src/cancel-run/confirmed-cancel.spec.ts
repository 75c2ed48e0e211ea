import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { requestConfirmedCancel } from './confirmed-cancel';

/** A handle that records what was asked of it; `update` says how the requestCancel Update answers. */
function fakeWorkflow(update: () => Promise<unknown>, executionTime?: Date) {
  const calls: string[] = [];
  const handle = {
    describe: async () => ({ executionTime }),
    executeUpdate: async (name: string, options: { args: unknown[] }) => {
      calls.push(`update:${name}:${JSON.stringify(options.args)}`);
      return update();
    },
    signal: async (name: string, payload: unknown) => void calls.push(`signal:${name}:${JSON.stringify(payload)}`),
    cancel: async () => void calls.push('cancel'),
  } as unknown as WorkflowHandle;
  const client = { withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn() } as unknown as Client;
  return { handle, client, calls };
}

describe('requestConfirmedCancel', () => {
  it('is confirmed when the workflow accepts the Update, and then cancels the workflow in Temporal', async () => {
    const { client, handle, calls } = fakeWorkflow(async () => ({ cancelledBy: 'alice' }));
    expect(await requestConfirmedCancel(client, handle, 'alice', 5000)).toBe('confirmed');
    expect(calls).toEqual(['update:requestCancel:[{"by":"alice"}]', 'cancel']);
  });

  it('is too late, changing nothing, when the workflow refuses with RunAlreadyFinishing', async () => {
    const refusal = new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type: 'RunAlreadyFinishing', message: 'finishing' }));
    const { client, handle, calls } = fakeWorkflow(() => Promise.reject(refusal));
    expect(await requestConfirmedCancel(client, handle, 'alice', 5000)).toBe('too_late');
    expect(calls).toEqual(['update:requestCancel:[{"by":"alice"}]']);
  });

  it.each([
    ['the Update is not answered in time', new WorkflowUpdateRPCTimeoutOrCancelledError('deadline')],
    ['the workflow has no such Update (started by older code)', new WorkflowUpdateFailedError('unknown', ApplicationFailure.create({ message: 'No registered handler for update: requestCancel' }))],
  ])('falls back to a plain cancel, unconfirmed, when %s', async (_case, error) => {
    const { client, handle, calls } = fakeWorkflow(() => Promise.reject(error));
    expect(await requestConfirmedCancel(client, handle, 'bob', 5000)).toBe('unconfirmed');
    expect(calls).toEqual(['update:requestCancel:[{"by":"bob"}]', 'signal:cancelRequested:{"by":"bob"}', 'cancel']);
  });

  it('cancels a run that waits for its start time the plain way: no workflow code runs yet to answer', async () => {
    const { client, handle, calls } = fakeWorkflow(async () => ({}), new Date(Date.now() + 60_000));
    expect(await requestConfirmedCancel(client, handle, 'bob', 5000)).toBe('unconfirmed');
    expect(calls).toEqual(['signal:cancelRequested:{"by":"bob"}', 'cancel']);
  });

  it('passes on any other error', async () => {
    const { client, handle } = fakeWorkflow(() => Promise.reject(new Error('connection lost')));
    await expect(requestConfirmedCancel(client, handle, 'bob', 5000)).rejects.toThrow('connection lost');
  });
});
