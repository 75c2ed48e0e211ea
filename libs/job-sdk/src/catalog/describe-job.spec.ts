import { DEFAULT_RETRY_POLICY, type RetryPolicyDefinition } from '@yardmaster/contracts';
import type { JobContext } from '../context/job-context';
import { Job, type JobClass, type JobMeta, type JobModule } from '../job';
import { booleanVar, integerVar, stringVar } from '../variables/variable-builders';
import { describeJob, jobIdOf, POST_RUN_STEP, RUN_STEP, stepsOf } from './describe-job';

const jobModule: JobModule = { name: 'net_tools', grouping: 'Network tools', jobs: [] };

class PlainJob extends Job {
  static override readonly meta = { name: 'Plain job' };
  run() {
    return null;
  }
}

class Checks extends Job {
  static override readonly meta: JobMeta = { name: 'Checks', description: 'Runs checks', grouping: 'Audits' };
  static override readonly variables = {
    device: stringVar({ label: 'Device', description: 'Which device' }),
    retries: integerVar({ default: 2 }),
    verbose: booleanVar(),
  };

  // Declared before run on purpose: post_run and test order must not depend on where run sits.
  override post_run(_data: unknown, _context: JobContext) {
    return null;
  }

  test_zeta() {
    return null;
  }

  run() {
    return null;
  }

  helper() {
    return null;
  }

  test_alpha() {
    return null;
  }

  // A getter named like a test is not a step, and reading the steps must not call it.
  get test_getter(): () => void {
    throw new Error('the getter must not be read');
  }

  test_middle() {
    return null;
  }
}

class BaseChecks extends Job {
  static override readonly meta = { name: 'Base checks' };
  run() {
    return null;
  }
  test_base_one() {
    return null;
  }
  test_base_two() {
    return null;
  }
}

class MoreChecks extends BaseChecks {
  static override readonly meta = { name: 'More checks' };
  test_own() {
    return null;
  }
  // Overrides a base test: it keeps the base's place and is listed once.
  override test_base_one() {
    return null;
  }
}

class InheritsPostRun extends Checks {
  static override readonly meta = { name: 'Inherits post_run' };
}

describe('jobIdOf', () => {
  it('is <module>.<ClassName>', () => {
    expect(jobIdOf(jobModule, PlainJob)).toBe('net_tools.PlainJob');
    expect(jobIdOf({ ...jobModule, name: 'other' }, Checks)).toBe('other.Checks');
  });
});

describe('stepsOf', () => {
  it('is just run for a job without tests or post_run', () => {
    expect(stepsOf(PlainJob)).toEqual([RUN_STEP]);
    expect(RUN_STEP).toBe('run');
    expect(POST_RUN_STEP).toBe('post_run');
  });

  it('lists run, then the test_* methods in declaration order, then post_run last', () => {
    expect(stepsOf(Checks)).toEqual(['run', 'test_zeta', 'test_alpha', 'test_middle', 'post_run']);
  });

  it('runs inherited tests before the subclass own, listing an overridden test once', () => {
    expect(stepsOf(MoreChecks)).toEqual(['run', 'test_base_one', 'test_base_two', 'test_own']);
  });

  it('finds an inherited post_run', () => {
    expect(stepsOf(InheritsPostRun)).toEqual(['run', 'test_zeta', 'test_alpha', 'test_middle', 'post_run']);
  });
});

describe('describeJob', () => {
  it('describes a job with its id, names, grouping, variables, schema and steps', () => {
    const definition = describeJob(jobModule, Checks);
    expect(definition).toMatchObject({
      id: 'net_tools.Checks',
      module: 'net_tools',
      className: 'Checks',
      name: 'Checks',
      description: 'Runs checks',
      grouping: 'Audits',
      steps: ['run', 'test_zeta', 'test_alpha', 'test_middle', 'post_run'],
    });
    expect(definition.variables.map((variable) => variable.name)).toEqual(['device', 'retries', 'verbose']);
    expect(definition.variables[0]).toMatchObject({ name: 'device', type: 'string', label: 'Device', description: 'Which device', required: true });
    // A variable without a label is labelled with its name.
    expect(definition.variables[1]).toMatchObject({ name: 'retries', type: 'integer', label: 'retries', required: false, default: 2 });
    expect(definition.schema).toMatchObject({ type: 'object', required: ['device'] });
    expect(Object.keys(definition.schema.properties as object)).toEqual(['device', 'retries', 'verbose']);
  });

  it("defaults the description to '' and the grouping to the module's", () => {
    const definition = describeJob(jobModule, PlainJob);
    expect(definition.description).toBe('');
    expect(definition.grouping).toBe('Network tools');
    expect(definition.variables).toEqual([]);
    expect(definition.steps).toEqual(['run']);
  });

  it.each([
    ['a module name with a space', { ...jobModule, name: 'net tools' }, PlainJob],
    ['a module name with a slash', { ...jobModule, name: 'net/tools' }, PlainJob],
    ['an empty module name', { ...jobModule, name: '' }, PlainJob],
    ['a class name with $', jobModule, Object.defineProperty(class extends PlainJob {}, 'name', { value: 'Job$1' })],
    ['an empty class name', jobModule, Object.defineProperty(class extends PlainJob {}, 'name', { value: '' })],
  ])('rejects a job id that is not URL-safe: %s', (_case, givenModule, jobClass) => {
    expect(() => describeJob(givenModule as JobModule, jobClass as JobClass)).toThrow(/is not URL-safe/);
  });

  it('rejects a job without meta.name', () => {
    class Nameless extends Job {
      static override readonly meta = { name: '' };
      run() {
        return null;
      }
    }
    expect(() => describeJob(jobModule, Nameless)).toThrow('Job net_tools.Nameless has no static meta.name');
  });
});

describe('describeJob: timeouts, retry and concurrency policies', () => {
  /** A job class with the given meta and, for concurrency keys, a `device` variable. */
  function jobWith(meta: Omit<JobMeta, 'name'>): JobClass {
    return class Policies extends Job {
      static override readonly meta: JobMeta = { name: 'Policies', ...meta };
      static override readonly variables = { device: stringVar(), site: stringVar() };
      run() {
        return null;
      }
    };
  }

  it('defaults to no timeouts of its own, the default retry policy and no concurrency rule', () => {
    const definition = describeJob(jobModule, PlainJob);
    expect(definition.timeouts).toEqual({});
    expect(definition.retry).toEqual(DEFAULT_RETRY_POLICY);
    expect(definition.retry).toEqual({ maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2, maximumIntervalSeconds: 30 });
    expect(definition.concurrency).toBeNull();
  });

  it('keeps declared timeouts and merges a partial retry policy over the defaults', () => {
    const definition = describeJob(jobModule, jobWith({ timeouts: { runTimeoutSeconds: 120, stepTimeoutSeconds: 30 }, retry: { maximumAttempts: 5 } }));
    expect(definition.timeouts).toEqual({ runTimeoutSeconds: 120, stepTimeoutSeconds: 30 });
    expect(definition.retry).toEqual({ ...DEFAULT_RETRY_POLICY, maximumAttempts: 5 });
    // One attempt only (never retried) is a valid policy.
    expect(describeJob(jobModule, jobWith({ retry: { maximumAttempts: 1 } })).retry.maximumAttempts).toBe(1);
  });

  it.each([
    ['runTimeoutSeconds', 0],
    ['runTimeoutSeconds', -10],
    ['runTimeoutSeconds', 1.5],
    ['stepTimeoutSeconds', 0],
    ['stepTimeoutSeconds', Number.NaN],
    ['stepTimeoutSeconds', Number.POSITIVE_INFINITY],
  ])('rejects timeouts.%s = %p', (name, value) => {
    expect(() => describeJob(jobModule, jobWith({ timeouts: { [name]: value } }))).toThrow(
      `Job net_tools.Policies: timeouts.${name} must be a whole number of seconds, at least 1`,
    );
  });

  it.each<[string, Partial<RetryPolicyDefinition>, string]>([
    ['no attempt at all', { maximumAttempts: 0 }, 'retry.maximumAttempts must be at least 1'],
    ['a fractional number of attempts', { maximumAttempts: 2.5 }, 'retry.maximumAttempts must be at least 1'],
    ['a zero initial interval', { initialIntervalSeconds: 0 }, 'retry intervals must be positive, the maximum no less than the initial'],
    ['a negative initial interval', { initialIntervalSeconds: -1 }, 'retry intervals must be positive, the maximum no less than the initial'],
    ['a maximum interval below the initial', { initialIntervalSeconds: 10, maximumIntervalSeconds: 5 }, 'retry intervals must be positive, the maximum no less than the initial'],
    ['an initial interval that is not a number', { initialIntervalSeconds: Number.NaN }, 'retry intervals must be positive, the maximum no less than the initial'],
    ['an infinite maximum interval', { maximumIntervalSeconds: Number.POSITIVE_INFINITY }, 'retry intervals must be positive, the maximum no less than the initial'],
    ['a backoff below 1', { backoffCoefficient: 0.5 }, 'retry.backoffCoefficient must be at least 1'],
    ['a backoff that is not a number', { backoffCoefficient: Number.NaN }, 'retry.backoffCoefficient must be at least 1'],
  ])('rejects a retry policy with %s', (_case, retry, message) => {
    expect(() => describeJob(jobModule, jobWith({ retry }))).toThrow(`Job net_tools.Policies: ${message}`);
  });

  it('describes a singleton, with or without key variables', () => {
    expect(describeJob(jobModule, jobWith({ concurrency: { mode: 'singleton' } })).concurrency).toEqual({ mode: 'singleton', keyVariables: [] });
    expect(describeJob(jobModule, jobWith({ concurrency: { mode: 'singleton', keyVariables: ['device'] } })).concurrency).toEqual({
      mode: 'singleton',
      keyVariables: ['device'],
    });
  });

  it('describes a limit of concurrent runs', () => {
    expect(describeJob(jobModule, jobWith({ concurrency: { mode: 'limit', maxRuns: 2, keyVariables: ['site', 'device'] } })).concurrency).toEqual({
      mode: 'limit',
      maxRuns: 2,
      keyVariables: ['site', 'device'],
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a limit of %p runs', (maxRuns) => {
    expect(() => describeJob(jobModule, jobWith({ concurrency: { mode: 'limit', maxRuns } }))).toThrow('Job net_tools.Policies: concurrency.maxRuns must be at least 1');
  });

  it('rejects a sensitive concurrency key: slot names are not sealed', () => {
    const withSecretKey = class SecretKeyed extends Job {
      static override readonly meta: JobMeta = { name: 'Secret keyed', concurrency: { mode: 'singleton', keyVariables: ['token'] } };
      static override readonly variables = { token: stringVar({ sensitive: true }) };
      run() {
        return null;
      }
    };
    expect(() => describeJob(jobModule, withSecretKey)).toThrow('Job net_tools.SecretKeyed: concurrency key variable token is sensitive, and slot names are not secret');
  });

  it('rejects a concurrency key that is not a variable of the job', () => {
    expect(() => describeJob(jobModule, jobWith({ concurrency: { mode: 'singleton', keyVariables: ['device', 'hostname'] } }))).toThrow(
      'Job net_tools.Policies: concurrency key variable hostname is not a variable of the job',
    );
    expect(() => describeJob(jobModule, jobWith({ concurrency: { mode: 'limit', maxRuns: 3, keyVariables: ['rack'] } }))).toThrow(
      'concurrency key variable rack is not a variable of the job',
    );
  });
});
