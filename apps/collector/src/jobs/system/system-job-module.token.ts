/** The `system` job module (the pruning job), built with the collector's NATS connection; absent in unit tests. */
export const SYSTEM_JOB_MODULE = Symbol('SYSTEM_JOB_MODULE');
