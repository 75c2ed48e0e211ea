export * from './job';
export * from './context/job-context';
export * from './variables/variable-builders';
export * from './variables/validate-run-data';
export * from './variables/json-schema';
export * from './catalog/describe-job';
export * from './catalog/job-registry';
