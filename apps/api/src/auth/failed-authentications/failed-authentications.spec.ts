import { ErrorCode, YardError } from '@yardmaster/contracts';
import { FailedAuthentications } from './failed-authentications';

async function refusalOf(check: Promise<void>): Promise<unknown> {
  try {
    await check;
  } catch (error) {
    return error;
  }
  return null;
}

describe('FailedAuthentications', () => {
  afterEach(() => jest.useRealTimers());

  it('lets an address fail up to the limit, then refuses it with TOO_MANY_REQUESTS and the seconds to wait', async () => {
    const failures = new FailedAuthentications({ maxFailures: 3, windowSeconds: 60 });
    for (let failure = 0; failure < 3; failure += 1) {
      await failures.checkAllowed('10.0.0.1');
      await failures.noteFailure('10.0.0.1');
    }

    const refusal = await refusalOf(failures.checkAllowed('10.0.0.1'));

    expect(refusal).toBeInstanceOf(YardError);
    expect(refusal).toMatchObject({ code: ErrorCode.TooManyRequests });
    const retryAfter = (refusal as YardError).details?.['retryAfterSeconds'];
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each address on its own', async () => {
    const failures = new FailedAuthentications({ maxFailures: 1, windowSeconds: 60 });
    await failures.noteFailure('10.0.0.1');

    expect(await refusalOf(failures.checkAllowed('10.0.0.1'))).toBeInstanceOf(YardError);
    expect(await refusalOf(failures.checkAllowed('10.0.0.2'))).toBeNull();
  });

  it('never counts a check by itself: only failures do', async () => {
    const failures = new FailedAuthentications({ maxFailures: 1, windowSeconds: 60 });
    for (let request = 0; request < 100; request += 1) await failures.checkAllowed('10.0.0.1');

    expect(await refusalOf(failures.checkAllowed('10.0.0.1'))).toBeNull();
  });

  it('lets the address try again once its window has passed', async () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    const failures = new FailedAuthentications({ maxFailures: 1, windowSeconds: 60 });
    await failures.noteFailure('10.0.0.1');
    expect(await refusalOf(failures.checkAllowed('10.0.0.1'))).toBeInstanceOf(YardError);

    jest.advanceTimersByTime(61_000);

    expect(await refusalOf(failures.checkAllowed('10.0.0.1'))).toBeNull();
  });
});
