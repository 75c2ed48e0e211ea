import { DEFAULT_RETRY_POLICY, type JobDefinition } from '@yardmaster/contracts';
import type { SchedulerConfig } from '../config';
import { parseScheduleRequest, scheduleIdForKey } from './schedule-definition.parser';

const job: JobDefinition = {
  id: 'examples.HelloWorld',
  module: 'examples',
  className: 'HelloWorld',
  name: 'Hello World',
  description: '',
  grouping: 'Examples',
  variables: [{ name: 'name', type: 'string', label: 'Name', description: '', required: true }],
  schema: {},
  steps: ['run'],
  timeouts: {},
  retry: DEFAULT_RETRY_POLICY,
  concurrency: null,
  readOnly: false,
  commitDefault: true,
};

const config = { customQueues: ['lab'], runTimeoutSeconds: 1800, stepTimeoutSeconds: 1800 } as unknown as SchedulerConfig;
const now = new Date('2026-11-24T00:00:00Z');
const parse = (request: object) => parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, ...request }, job, config, now);

describe('parseScheduleRequest', () => {
  it('refuses a file variable: an upload is kept only for the one run it came with', () => {
    const withFile: JobDefinition = {
      ...job,
      variables: [...job.variables, { name: 'config', type: 'file', label: 'Config', description: '', required: false, maxSizeBytes: 100 }],
    };
    const ref = { fileId: 'c0ffee00-0000-4000-8000-000000000001', name: 'a.cfg', size: 10, contentType: 'text/plain' };
    const { errors } = parseScheduleRequest({ jobId: job.id, data: { name: 'x', config: ref }, intervalMinutes: 5 }, withFile, config, now);
    expect(errors).toEqual([{ field: 'data.config', message: 'cannot be scheduled: an uploaded file is kept only for the one run it was sent with' }]);
    // Left out, the optional file variable does not stand in the way.
    expect(parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, intervalMinutes: 5 }, withFile, config, now).errors).toEqual([]);
  });


  it('builds an interval schedule with defaults: key = job id, skip overlaps, a catch-up window of one interval', () => {
    const { definition, errors } = parse({ intervalMinutes: 5 });
    expect(errors).toEqual([]);
    expect(definition).toMatchObject({
      key: 'examples.HelloWorld',
      timing: { kind: 'interval', everyMinutes: 5 },
      overlap: 'skip',
      catchupWindowSeconds: 300,
      queue: 'default',
      commit: true,
      data: { name: 'x' },
    });
  });

  it('gives a read-only job no commit, and refuses one in the request', () => {
    const report: JobDefinition = { ...job, readOnly: true, commitDefault: false };
    const plain = parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, intervalMinutes: 5 }, report, config, now);
    expect(plain).toMatchObject({ errors: [], definition: { commit: null } });
    const refused = parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, intervalMinutes: 5, commit: true }, report, config, now);
    expect(refused.errors).toEqual([{ field: 'commit', message: 'must be left out: examples.HelloWorld is read-only, it changes nothing, so its runs have no commit' }]);
    // A job that defaults to dry runs schedules dry runs unless told otherwise.
    expect(parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, intervalMinutes: 5 }, { ...job, commitDefault: false }, config, now).definition.commit).toBe(false);
  });

  it('records the owner the runs act as, and none for a schedule from before owners', () => {
    const owned = parseScheduleRequest({ jobId: job.id, data: { name: 'x' }, intervalMinutes: 5 }, job, config, now, 'bob');
    expect(owned.definition.owner).toBe('bob');
    expect('owner' in parse({ intervalMinutes: 5 }).definition).toBe(false);
  });

  it('derives the key from the instance, as enqueue_once does', () => {
    expect(parse({ intervalMinutes: 5, instance: 'edge-01' }).definition.key).toBe('examples.HelloWorld/edge-01');
    expect(parse({ intervalMinutes: 5, key: 'mine' }).definition.key).toBe('mine');
  });

  it('gives the same id for the same key and another for another key', () => {
    expect(scheduleIdForKey('a')).toBe(scheduleIdForKey('a'));
    expect(scheduleIdForKey('a')).not.toBe(scheduleIdForKey('b'));
    expect(scheduleIdForKey('a')).toMatch(/^sch-[0-9a-f]{20}$/);
  });

  it('wants exactly one timing', () => {
    expect(parse({}).errors).toEqual([{ field: 'timing', message: 'give exactly one of at, intervalMinutes or cron' }]);
    expect(parse({ intervalMinutes: 5, cron: '* * * * *' }).errors[0].field).toBe('timing');
  });

  it("refuses a start time in the past by the scheduler's clock, and accepts one in the future", () => {
    expect(parse({ at: '2026-11-23T23:59:59Z' }).errors[0]).toMatchObject({ field: 'at' });
    expect(parse({ at: '2026-11-24T00:00:01Z' }).errors).toEqual([]);
    expect(parse({ at: 'tomorrow' }).errors[0]).toMatchObject({ field: 'at', message: expect.stringContaining('ISO 8601') });
  });

  it('refuses intervals under a minute, cron without five fields, and unknown time zones', () => {
    expect(parse({ intervalMinutes: 0 }).errors[0].field).toBe('intervalMinutes');
    expect(parse({ intervalMinutes: 1.5 }).errors[0].field).toBe('intervalMinutes');
    expect(parse({ cron: '* * * *' }).errors[0].field).toBe('cron');
    expect(parse({ cron: '0 2 * * *', timezone: 'Nowhere/Land' }).errors[0].field).toBe('timezone');
    expect(parse({ cron: '0  2 * *   *', timezone: 'Europe/Paris' }).definition.timing).toEqual({ kind: 'cron', cron: '0 2 * * *', timezone: 'Europe/Paris' });
  });

  it('checks the window, the end, the overlap policy, the queue and the data', () => {
    const { errors } = parse({
      intervalMinutes: 5,
      startAt: '2026-12-01T00:00:00Z',
      endAt: '2026-11-30T00:00:00Z',
      overlap: 'sometimes',
      catchupWindowSeconds: 5,
      queue: 'express',
      data: {},
    });
    expect(errors.map((error) => error.field).sort()).toEqual(['catchupWindowSeconds', 'data.name', 'endAt', 'overlap', 'queue'].sort());
  });

  it('accepts custom queues and a lower run timeout, refuses a higher one', () => {
    expect(parse({ intervalMinutes: 5, queue: 'lab', runTimeoutSeconds: 60 }).errors).toEqual([]);
    expect(parse({ intervalMinutes: 5, runTimeoutSeconds: 3600 }).errors[0].field).toBe('runTimeoutSeconds');
  });
});
