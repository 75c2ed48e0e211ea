import { ConfigError, EnvReader } from '@yardmaster/config';
import { readRetentionPolicy, retentionCutoff, retentionCutoffs } from './retention-policy';

function read(env: NodeJS.ProcessEnv) {
  const reader = new EnvReader(env);
  return reader.finish(readRetentionPolicy(reader));
}

describe('readRetentionPolicy', () => {
  it('keeps runs and audit entries 90 days by default, as NetBox JOB_RETENTION', () => {
    expect(read({})).toEqual({ runDays: 90, auditDays: 90 });
  });

  it('reads each period, 0 meaning for ever', () => {
    expect(read({ YARD_RUN_RETENTION_DAYS: '30', YARD_AUDIT_RETENTION_DAYS: '0' })).toEqual({ runDays: 30, auditDays: 0 });
  });

  it('fails fast on a negative, fractional or absurd period, naming the variable', () => {
    for (const value of ['-1', '1.5', 'ninety', '100000']) {
      expect(() => read({ YARD_RUN_RETENTION_DAYS: value })).toThrow(ConfigError);
      expect(() => read({ YARD_AUDIT_RETENTION_DAYS: value })).toThrow(/YARD_AUDIT_RETENTION_DAYS/);
    }
  });
});

describe('retentionCutoff', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');

  it('is that many whole days before now', () => {
    expect(retentionCutoff(90, now)?.toISOString()).toBe('2026-09-02T12:00:00.000Z');
    expect(retentionCutoff(1, now)?.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('is null when retention is off, so nothing is pruned', () => {
    expect(retentionCutoff(0, now)).toBeNull();
    expect(retentionCutoffs({ runDays: 0, auditDays: 7 }, now)).toEqual({ runs: null, audit: new Date('2026-11-24T12:00:00.000Z') });
  });
});
