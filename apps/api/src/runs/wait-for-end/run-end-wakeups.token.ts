/** The RunEndWakeups the run routes wait on: RunEndNotifications in the API, a fake in unit tests. */
export const RUN_END_WAKEUPS = Symbol('RUN_END_WAKEUPS');
