/** waitFor: the polling every integration and end-to-end test leans on. */
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value other than undefined, retrying through undefined and thrown errors', async () => {
    const answers: Array<() => number | undefined> = [
      () => undefined,
      () => {
        throw new Error('not yet');
      },
      () => 0,
    ];
    let calls = 0;
    const value = await waitFor(async () => answers[calls++]!(), 1_000, 'a value', 1);
    expect(value).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        async () => {
          throw new Error('still down');
        },
        50,
        'the server',
        5,
      ),
    ).rejects.toThrow('Timed out after 50 ms waiting for the server: Error: still down');
  });
});
