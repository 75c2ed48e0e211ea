import type { ActivityInboundCallsInterceptor, ActivityInterceptors } from '@temporalio/worker';
import { logContextOf, withLogContext } from '@yardmaster/messaging';

/** Each activity runs in the log context of its run: the first argument's `runId` and `correlationId`. */
class ActivityLogContext implements ActivityInboundCallsInterceptor {
  execute: NonNullable<ActivityInboundCallsInterceptor['execute']> = (input, next) => withLogContext(logContextOf(input.args[0]), () => next(input));
}

export function activityLogContext(): ActivityInterceptors {
  return { inbound: new ActivityLogContext() };
}
