import { ActivityFailure, ApplicationFailure, RetryState, TimeoutFailure, TimeoutType } from '@temporalio/common';
import { deviceFailureOf } from './failure-code';

const activityFailed = (cause: Error) => new ActivityFailure('collectDevice failed', 'collectDevice', 'activity-1', RetryState.MAXIMUM_ATTEMPTS_REACHED, 'worker', cause);

describe('deviceFailureOf', () => {
  it('keeps the collector’s own code and message', () => {
    const cause = ApplicationFailure.create({ type: 'SNMP_TIMEOUT', message: '127.0.0.1:161: no answer' });
    expect(deviceFailureOf(activityFailed(cause), 60)).toEqual({ code: 'SNMP_TIMEOUT', message: '127.0.0.1:161: no answer' });
  });

  it('names Temporal’s timeouts: the plan’s device timeout, a lost worker', () => {
    expect(deviceFailureOf(activityFailed(new TimeoutFailure('timed out', undefined, TimeoutType.START_TO_CLOSE)), 45)).toEqual({
      code: 'DEVICE_TIMEOUT',
      message: "The device was not collected within the plan's device timeout of 45 s",
    });
    expect(deviceFailureOf(activityFailed(new TimeoutFailure('timed out', undefined, TimeoutType.HEARTBEAT)), 45).code).toBe('WORKER_LOST');
  });

  it('calls anything else COLLECTION_FAILED', () => {
    expect(deviceFailureOf(new Error('odd'), 60)).toEqual({ code: 'COLLECTION_FAILED', message: 'odd' });
  });
});
