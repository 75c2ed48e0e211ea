export * from './entities/job-definition.record';
export * from './entities/job-run.record';
export * from './entities/job-log-entry.record';
export * from './entities/applied-event.record';
export * from './entities/schedule.record';
export * from './entities/audit-entry.record';
export * from './data-source';
export { DataSource, type EntityManager } from 'typeorm';
export * from './read-models.module';
