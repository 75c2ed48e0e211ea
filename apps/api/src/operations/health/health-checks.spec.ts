import type { PingAnswer } from '@yardmaster/messaging';
import { FailureSince } from './failure-since';
import { healthChecks, isHealthy, overallStatus, type HealthObservations } from './health-checks';

function answer(service: PingAnswer['service'], extra: Partial<PingAnswer> = {}): PingAnswer {
  return { service, instanceId: `${service}@host:1`, ready: true, details: { nats: true }, ...extra };
}

const allUp: HealthObservations = {
  postgres: { address: '127.0.0.1:5432', error: null },
  nats: { address: '127.0.0.1:4222', error: null },
  scheduler: answer('scheduler', { dependencies: { temporal: { ok: true, address: '127.0.0.1:7233' } } }),
  collector: answer('collector'),
  projection: answer('projection'),
  pingTimeoutMs: 1500,
};

describe('healthChecks', () => {
  it('is all ok, 200, when everything answers', () => {
    const checks = healthChecks(allUp);
    expect(Object.values(checks).map((check) => check.status)).toEqual(Array(7).fill('ok'));
    expect(isHealthy(checks)).toBe(true);
  });

  it('a projection holding parked events is degraded, not down: still 200', () => {
    const checks = healthChecks({ ...allUp, projection: answer('projection', { parked: 3 }) });
    expect(checks['projection']).toEqual({ status: 'degraded', reason: '3 parked' });
    expect(isHealthy(checks)).toBe(true);
    expect(overallStatus(checks)).toBe('degraded');
    expect(overallStatus(healthChecks(allUp))).toBe('ok');
  });

  it('with NATS down: NATS down with its address, the parts learned over NATS unknown, not down', () => {
    const checks = healthChecks({ ...allUp, nats: { address: '127.0.0.1:4222', error: 'connection refused' }, scheduler: null, collector: null, projection: null });
    expect(checks['nats']).toEqual({ status: 'down', address: '127.0.0.1:4222', reason: 'connection refused' });
    for (const part of ['temporal', 'scheduler', 'collector', 'projection']) {
      expect([part, checks[part]]).toEqual([part, { status: 'unknown', reason: 'NATS is down, cannot ask' }]);
    }
    expect(checks['postgres']!.status).toBe('ok');
    expect(isHealthy(checks)).toBe(false);
  });

  it('with Temporal down: the scheduler ok, Temporal down with its address', () => {
    const scheduler = answer('scheduler', { dependencies: { temporal: { ok: false, address: '127.0.0.1:7233', reason: 'Temporal at 127.0.0.1:7233 does not answer' } } });
    const checks = healthChecks({ ...allUp, scheduler });
    expect(checks['scheduler']).toEqual({ status: 'ok' });
    expect(checks['temporal']).toEqual({ status: 'down', address: '127.0.0.1:7233', reason: 'Temporal at 127.0.0.1:7233 does not answer' });
    expect(isHealthy(checks)).toBe(false);
  });

  it('names a service that does not answer, and what a service reports not ready', () => {
    const checks = healthChecks({ ...allUp, collector: null, projection: answer('projection', { ready: false, details: { nats: true, postgres: false } }) });
    expect(checks['collector']).toEqual({ status: 'down', reason: 'no collector answered within 1500 ms' });
    expect(checks['projection']).toEqual({ status: 'down', reason: 'projection projection@host:1 reports postgres not ready' });
  });
});

describe('FailureSince', () => {
  it('says since when a check has failed, keeps that time while it stays failed, and forgets it once ok', () => {
    const failures = new FailureSince();
    const down = { postgres: { status: 'down' as const, reason: 'connection refused' } };
    expect(failures.stamp(down, new Date('2026-12-01T00:00:00Z'))['postgres']!.since).toBe('2026-12-01T00:00:00.000Z');
    expect(failures.stamp(down, new Date('2026-12-01T00:00:05Z'))['postgres']!.since).toBe('2026-12-01T00:00:00.000Z');
    expect(failures.stamp({ postgres: { status: 'ok' } }, new Date('2026-12-01T00:00:10Z'))['postgres']).toEqual({ status: 'ok' });
    expect(failures.stamp(down, new Date('2026-12-01T00:00:15Z'))['postgres']!.since).toBe('2026-12-01T00:00:15.000Z');
  });
});
