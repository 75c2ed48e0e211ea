import { sampleOf } from './prometheus-text';

const TEXT = [
  '# HELP yard_runs_total Runs that ended',
  '# TYPE yard_runs_total counter',
  'yard_runs_total{job="a.B",outcome="completed",service="projection"} 3',
  'yard_runs_total{job="a.B",outcome="failed",service="projection"} 1',
  'yard_run_duration_seconds_bucket{le="+Inf",service="projection",job="a.B",outcome="completed"} 3',
  'yard_parked_events{service="projection"} 0',
  'up 1',
].join('\n');

describe('sampleOf', () => {
  it('finds a series by its name and the labels given, in any order, ignoring the others', () => {
    expect(sampleOf(TEXT, 'yard_runs_total', { outcome: 'failed', job: 'a.B' })).toBe(1);
    expect(sampleOf(TEXT, 'yard_run_duration_seconds_bucket', { job: 'a.B', le: '+Inf' })).toBe(3);
    expect(sampleOf(TEXT, 'yard_parked_events')).toBe(0);
    expect(sampleOf(TEXT, 'up')).toBe(1);
  });

  it('answers undefined for a name or a label value that is not there, and never a prefix of another name', () => {
    expect(sampleOf(TEXT, 'yard_runs_total', { outcome: 'errored' })).toBeUndefined();
    expect(sampleOf(TEXT, 'yard_runs')).toBeUndefined();
    expect(sampleOf(TEXT, 'yard_run_duration_seconds_bucket', { le: '5' })).toBeUndefined();
  });
});
