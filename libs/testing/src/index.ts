// The helpers that need no domain library live in @yardmaster/testing-core (the libraries' own tests use them);
// re-exported so that the services' tests have one place to import from.
export * from '@yardmaster/testing-core';
export * from './test-database';
export * from './service-processes';
export * from './chaos';
export * from './memory';
