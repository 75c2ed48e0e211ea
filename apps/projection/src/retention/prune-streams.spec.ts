import type { NatsConnection } from '@nats-io/nats-core';
import { InstanceNats } from '@yardmaster/messaging';
import { streamsToPurge } from './prune-streams';

const nats = new InstanceNats({} as NatsConnection, 'yard');
const RUNS_CUTOFF = new Date('2026-09-02T00:00:00.000Z');
const AUDIT_CUTOFF = new Date('2025-12-01T00:00:00.000Z');

describe('streamsToPurge', () => {
  it('purges the runs and facts streams by the run retention, and the streams that feed the audit by its retention', () => {
    expect(streamsToPurge(nats, { runs: RUNS_CUTOFF, audit: AUDIT_CUTOFF })).toEqual([
      { stream: 'YARD_RUNS', olderThan: RUNS_CUTOFF },
      { stream: 'YARD_FACTS', olderThan: RUNS_CUTOFF },
      { stream: 'YARD_SCHEDULES', olderThan: AUDIT_CUTOFF },
      { stream: 'YARD_IDENTITY', olderThan: AUDIT_CUTOFF },
    ]);
  });

  it('never purges the catalog (the source of truth) or parked events, and nothing whose retention is off', () => {
    expect(streamsToPurge(nats, { runs: null, audit: AUDIT_CUTOFF }).map((entry) => entry.stream)).toEqual(['YARD_SCHEDULES', 'YARD_IDENTITY']);
    expect(streamsToPurge(nats, { runs: RUNS_CUTOFF, audit: null }).map((entry) => entry.stream)).toEqual(['YARD_RUNS', 'YARD_FACTS']);
    expect(streamsToPurge(nats, { runs: null, audit: null })).toEqual([]);
  });
});
