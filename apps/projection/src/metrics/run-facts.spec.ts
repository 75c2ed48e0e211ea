import { newEvent, type RunEvent } from '@yardmaster/contracts';
import type { RunEventEffect, RunRowAfter } from '../runs/run-events.projector';
import { runFactsOf } from './run-facts';

const runId = '11111111-1111-4111-8111-111111111111';
const row: RunRowAfter = {
  jobId: 'examples.HelloWorld',
  queue: 'default',
  createdAt: new Date('2026-12-01T10:00:00.000Z'),
  startedAt: new Date('2026-12-01T10:00:01.000Z'),
  completedAt: new Date('2026-12-01T10:00:03.000Z'),
};

function event<TType extends RunEvent['type']>(type: TType, data: Extract<RunEvent, { type: TType }>['data']): RunEvent {
  return newEvent({ id: `${runId}:${type}`, type, aggregateId: runId, actor: 'alice', data, occurredAt: '2026-12-01T10:00:03.000Z', sequence: 1, correlationId: 'c' }) as RunEvent;
}

const completed = event('run.completed', { result: null });
const changed: RunEventEffect = { scheduleId: null, changed: row };

describe('runFactsOf', () => {
  it("takes the job, queue and times of an observed event from the row as the event left it", () => {
    expect(runFactsOf(completed, changed)).toEqual({ event: 'run.completed', jobId: 'examples.HelloWorld', queue: 'default', requestedAt: row.createdAt, startedAt: row.startedAt, completedAt: row.completedAt });
  });

  it('observes nothing of an event the row refused: a second end, or a start after the end, leaves the count at one', () => {
    expect(runFactsOf(completed, { scheduleId: null, changed: null })).toBeNull();
    expect(runFactsOf(event('run.started', { jobId: 'examples.HelloWorld', workflowId: 'w', attempt: 2 }), null)).toBeNull();
  });

  it('observes only starts and ends', () => {
    expect(runFactsOf(event('run.cancel_requested', { by: 'alice' }), changed)).toBeNull();
  });

  it("names the queue 'unknown' while the run's run.requested is still to come", () => {
    expect(runFactsOf(completed, { scheduleId: null, changed: { ...row, queue: null } })).toMatchObject({ queue: 'unknown' });
  });
});
