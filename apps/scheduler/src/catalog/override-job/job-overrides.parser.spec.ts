import type { JobDefinition } from '@yardmaster/contracts';
import { parseJobOverrides } from './job-overrides.parser';

const JOB: JobDefinition = {
  id: 'examples.HelloWorld',
  module: 'examples',
  className: 'HelloWorld',
  name: 'Hello World',
  description: '',
  grouping: 'Examples',
  variables: [],
  schema: {},
  steps: ['run'],
  timeouts: { runTimeoutSeconds: 60, stepTimeoutSeconds: 60 },
  retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 },
  concurrency: null,
  readOnly: false,
  commitDefault: true,
} as unknown as JobDefinition;

const PROTOTYPE_KEYS = JSON.parse('{"__proto__":{"x":1},"constructor":1,"toString":"x"}') as Record<string, unknown>;

describe('parseJobOverrides', () => {
  it('accepts the fields an administrator may override', () => {
    expect(parseJobOverrides({ description: 'mine', queue: 'high', timeouts: { runTimeoutSeconds: 30 } }, JOB, []).errors).toEqual([]);
  });

  it('refuses __proto__, constructor and toString like any field that cannot be overridden, also among the timeouts', () => {
    expect(parseJobOverrides({ description: 'mine', ...PROTOTYPE_KEYS }, JOB, []).errors).toEqual([
      { field: '__proto__', message: 'cannot be overridden' },
      { field: 'constructor', message: 'cannot be overridden' },
      { field: 'toString', message: 'cannot be overridden' },
    ]);
    expect(parseJobOverrides({ timeouts: { runTimeoutSeconds: 30, ...PROTOTYPE_KEYS } }, JOB, []).errors).toEqual([
      { field: 'timeouts.__proto__', message: 'is not a timeout' },
      { field: 'timeouts.constructor', message: 'is not a timeout' },
      { field: 'timeouts.toString', message: 'is not a timeout' },
    ]);
  });
});
