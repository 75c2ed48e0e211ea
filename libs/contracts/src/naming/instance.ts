/**
 * Every subject, stream and task queue is prefixed with an instance name, so that a developer's stack
 * and a test run can share one NATS and one Temporal server without seeing each other's traffic.
 */
export const DEFAULT_INSTANCE = 'yard';

/** Lower-case letters, digits and _, starting with a letter: valid in NATS subjects, stream names and task queues. */
export const INSTANCE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
