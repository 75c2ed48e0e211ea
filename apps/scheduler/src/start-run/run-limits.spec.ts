import { DEFAULT_RETRY_POLICY, type FieldError, type JobDefinition, type JobTimeouts } from '@yardmaster/contracts';
import type { SchedulerConfig } from '../config';
import { runLimitsFor } from './run-limits';

const config = { runTimeoutSeconds: 1800, stepTimeoutSeconds: 900 } as SchedulerConfig;

function job(timeouts: JobTimeouts = {}): JobDefinition {
  return {
    id: 'examples.Job',
    module: 'examples',
    className: 'Job',
    name: 'Job',
    description: '',
    grouping: 'Examples',
    variables: [],
    schema: { type: 'object' },
    steps: ['run'],
    timeouts,
    retry: DEFAULT_RETRY_POLICY,
    concurrency: null,
    readOnly: false,
    commitDefault: true,
  };
}

describe('runLimitsFor', () => {
  it('uses the configured defaults when the job declares no timeouts and the request asks for none', () => {
    const errors: FieldError[] = [];
    expect(runLimitsFor(job(), config, undefined, errors)).toEqual({ runTimeoutSeconds: 1800, stepTimeoutSeconds: 900 });
    expect(errors).toEqual([]);
  });

  it("uses the job's own timeouts over the configuration", () => {
    const errors: FieldError[] = [];
    expect(runLimitsFor(job({ runTimeoutSeconds: 60, stepTimeoutSeconds: 20 }), config, undefined, errors)).toEqual({ runTimeoutSeconds: 60, stepTimeoutSeconds: 20 });
    expect(runLimitsFor(job({ runTimeoutSeconds: 60 }), config, undefined, errors)).toEqual({ runTimeoutSeconds: 60, stepTimeoutSeconds: 900 });
    expect(runLimitsFor(job({ stepTimeoutSeconds: 5 }), config, undefined, errors)).toEqual({ runTimeoutSeconds: 1800, stepTimeoutSeconds: 5 });
    expect(errors).toEqual([]);
  });

  it.each([1, 30, 60])('lets a request lower the run timeout to %i s, up to the job timeout itself', (requested) => {
    const errors: FieldError[] = [];
    expect(runLimitsFor(job({ runTimeoutSeconds: 60 }), config, requested, errors)).toEqual({ runTimeoutSeconds: requested, stepTimeoutSeconds: 900 });
    expect(errors).toEqual([]);
  });

  it.each([
    ['above the job timeout', 61],
    ['zero', 0],
    ['negative', -5],
    ['fractional', 1.5],
    ['not a number', Number.NaN],
  ])('refuses a requested run timeout that is %s, keeping the job timeout', (_case, requested) => {
    const errors: FieldError[] = [{ field: 'data.name', message: 'is required' }];
    const limits = runLimitsFor(job({ runTimeoutSeconds: 60 }), config, requested, errors);
    expect(limits).toEqual({ runTimeoutSeconds: 60, stepTimeoutSeconds: 900 });
    // Added to the errors found so far, not replacing them.
    expect(errors).toEqual([
      { field: 'data.name', message: 'is required' },
      { field: 'runTimeoutSeconds', message: "must be a whole number of seconds from 1 to 60, the job's timeout" },
    ]);
  });

  it('caps a request by the configured default when the job declares no run timeout', () => {
    const errors: FieldError[] = [];
    runLimitsFor(job(), config, 1801, errors);
    expect(errors).toEqual([{ field: 'runTimeoutSeconds', message: "must be a whole number of seconds from 1 to 1800, the job's timeout" }]);
    expect(runLimitsFor(job(), config, 1800, [])).toEqual({ runTimeoutSeconds: 1800, stepTimeoutSeconds: 900 });
  });
});
