import type { Client } from '@temporalio/client';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import { TemporalClientProvider } from './temporal-client.provider';

const ADDRESS = '127.0.0.1:7999';
const DEADLINE_EXCEEDED = 4;

/** What the SDK throws when a call's deadline passes while Temporal does not answer. */
function deadlineExceeded(): Error {
  return Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: DEADLINE_EXCEEDED, details: 'Deadline exceeded', metadata: {} });
}

/** A provider whose client runs each call at once, under no real deadline: what is checked is the 503 it answers. */
function providerWith(client: Promise<Client>): TemporalClientProvider {
  const provider = new TemporalClientProvider({ address: ADDRESS, namespace: 'default' } as never, 100);
  provider.get = () => client;
  return provider;
}

const answering = Promise.resolve({ withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn() } as unknown as Client);

async function refusal(promise: Promise<unknown>): Promise<YardError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(YardError);
  expect((error as YardError).code).toBe(ErrorCode.ServiceUnavailable);
  return error as YardError;
}

describe('TemporalClientProvider: what a command that Temporal did not answer says about its outcome', () => {
  it('says nothing was changed when Temporal failed before any change was sent', async () => {
    const provider = providerWith(answering);
    const error = await refusal(
      provider.command('cancelling run r-1', () =>
        provider.rpc('read', () => {
          throw deadlineExceeded();
        }),
      ),
    );
    expect(error.message).toBe(`Temporal at ${ADDRESS} cannot be reached, so cancelling run r-1 failed. Nothing was changed. Try again later.`);
    expect(error.details).toEqual({ dependency: 'temporal', address: ADDRESS, applied: false, retryAfterSeconds: 5 });
  });

  it('says the outcome is unknown once a change was sent, also for a read that follows it', async () => {
    const provider = providerWith(answering);
    const change = await refusal(
      provider.command('creating schedule nightly', () =>
        provider.rpc('change', () => {
          throw deadlineExceeded();
        }),
      ),
    );
    expect(change.message).toContain('The change may have taken effect');
    expect(change.details).toMatchObject({ applied: 'unknown' });

    const readAfterChange = await refusal(
      provider.command('pausing schedule s-1', async () => {
        await provider.rpc('change', () => Promise.resolve());
        await provider.rpc('read', () => {
          throw deadlineExceeded();
        });
      }),
    );
    expect(readAfterChange.details).toMatchObject({ applied: 'unknown' });
  });

  it('says nothing was changed when no connection could be made, even for a change', async () => {
    const provider = providerWith(Promise.reject(new Error('connect ECONNREFUSED')));
    const error = await refusal(provider.command('deleting schedule s-1', () => provider.rpc('change', () => Promise.resolve())));
    expect(error.details).toMatchObject({ applied: false });
  });

  it('passes on what Temporal answered: only an unreachable Temporal is a 503', async () => {
    const provider = providerWith(answering);
    const answered = new Error('schedule not found');
    await expect(
      provider.command('changing schedule s-1', () =>
        provider.rpc('read', () => {
          throw answered;
        }),
      ),
    ).rejects.toBe(answered);
  });
});
