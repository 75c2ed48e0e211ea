import { isLogSubject, modelsOf, READ_MODELS_REBUILT, replaysFor, skipsSubject, tablesOf } from './read-model-tables';

describe('the read models a rebuild restores', () => {
  it('replays only the log events for the logs, everything but them for the runs, and both once for the two', () => {
    expect(replaysFor(['logs'])).toEqual([{ consumer: 'projectionConsumer', stream: 'runs', events: 'logs only' }]);
    expect(replaysFor(['runs'])).toEqual([{ consumer: 'projectionConsumer', stream: 'runs', events: 'all but logs' }]);
    expect(replaysFor(['runs', 'logs'])).toEqual([{ consumer: 'projectionConsumer', stream: 'runs', events: 'all' }]);
  });

  it('replays the runs for the schedules (a schedule counts its runs), and every stream through the audit for the audit', () => {
    expect(replaysFor(['schedules']).map(({ stream, events }) => `${stream}:${events}`)).toEqual(['schedules:all', 'runs:all but logs']);
    expect(replaysFor(['audit']).every(({ consumer, events }) => consumer === 'auditConsumer' && events === 'all')).toBe(true);
    expect(replaysFor(['audit']).map(({ stream }) => stream).sort()).toEqual(['catalog', 'facts', 'identity', 'runs', 'schedules']);
  });

  it('gives every table for all, each once', () => {
    expect(modelsOf('all')).toEqual(READ_MODELS_REBUILT);
    const tables = tablesOf(modelsOf('all'));
    expect(new Set(tables).size).toBe(tables.length);
    expect(tables.sort()).toEqual(['audit_entries', 'facts_report_entries', 'facts_reports', 'job_definitions', 'job_log_entries', 'job_run_counts', 'job_runs', 'schedules']);
  });

  it('tells log subjects from the others by their last token', () => {
    expect(isLogSubject('yard.run.4f1c.log')).toBe(true);
    expect(isLogSubject('yard.run.4f1c.log_batch')).toBe(true);
    expect(isLogSubject('yard.run.4f1c.completed')).toBe(false);
    expect(skipsSubject('logs only', 'yard.run.4f1c.completed')).toBe(true);
    expect(skipsSubject('all but logs', 'yard.run.4f1c.log_batch')).toBe(true);
    expect(skipsSubject('all', 'yard.run.4f1c.log_batch')).toBe(false);
  });
});
