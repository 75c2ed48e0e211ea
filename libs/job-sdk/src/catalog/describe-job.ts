import {
  DEFAULT_RETRY_POLICY,
  isValidJobId,
  type ConcurrencyRule,
  type JobDefinition,
  type NamedVariableDefinition,
  type RetryPolicyDefinition,
} from '@yardmaster/contracts';
import type { JobClass, JobModule } from '../job';
import { referencedVariableOf } from '../inventory/object-filters';
import { variablesToJsonSchema } from '../variables/json-schema';

export const RUN_STEP = 'run';
export const POST_RUN_STEP = 'post_run';
const TEST_STEP_PREFIX = 'test_';

export function jobIdOf(module: JobModule, jobClass: JobClass): string {
  return `${module.name}.${jobClass.name}`;
}

/** The steps a job runs, in order: `run`, its `test_*` methods in declaration order, then `post_run`. */
export function stepsOf(jobClass: JobClass): string[] {
  const tests: string[] = [];
  const seen = new Set<string>();
  // Walk from the base class down, so inherited tests run before the subclass's own.
  const chain: object[] = [];
  for (let proto: object | null = jobClass.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    chain.unshift(proto);
  }
  for (const proto of chain) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const isMethod = typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function';
      if (isMethod && name.startsWith(TEST_STEP_PREFIX) && !seen.has(name)) {
        seen.add(name);
        tests.push(name);
      }
    }
  }
  const hasPostRun = typeof (jobClass.prototype as { post_run?: unknown }).post_run === 'function';
  return [RUN_STEP, ...tests, ...(hasPostRun ? [POST_RUN_STEP] : [])];
}

export function describeJob(module: JobModule, jobClass: JobClass): JobDefinition {
  const id = jobIdOf(module, jobClass);
  if (!isValidJobId(id)) throw new Error(`Job id ${JSON.stringify(id)} is not URL-safe: use letters, digits, _ and - in module and class names`);
  if (!jobClass.meta?.name) throw new Error(`Job ${id} has no static meta.name`);
  const variables: NamedVariableDefinition[] = Object.entries(jobClass.variables).map(([name, definition]) => ({
    ...definition,
    name,
    label: definition.label || name,
  }));
  checkQueryFilterReferences(id, variables);
  return {
    id,
    module: module.name,
    className: jobClass.name,
    name: jobClass.meta.name,
    description: jobClass.meta.description ?? '',
    grouping: jobClass.meta.grouping ?? module.grouping,
    variables,
    schema: variablesToJsonSchema(variables),
    steps: stepsOf(jobClass),
    timeouts: checkedTimeouts(id, jobClass),
    retry: checkedRetry(id, jobClass),
    concurrency: checkedConcurrency(id, jobClass, variables),
    ...checkedCommit(id, jobClass),
  };
}

/** `$name` in an object variable's query filters must name another variable of the job. */
function checkQueryFilterReferences(id: string, variables: readonly NamedVariableDefinition[]): void {
  for (const variable of variables) {
    if (variable.type !== 'object' && variable.type !== 'multi_object') continue;
    for (const value of Object.values(variable.queryFilters ?? {})) {
      const referenced = referencedVariableOf(value);
      if (referenced === null) continue;
      if (referenced === variable.name || !variables.some((other) => other.name === referenced)) {
        throw new Error(`Job ${id}: variable ${variable.name} filters on $${referenced}, which is not another variable of the job`);
      }
    }
  }
}

function checkedCommit(id: string, jobClass: JobClass): Pick<JobDefinition, 'readOnly' | 'commitDefault'> {
  const { readOnly = false, commitDefault } = jobClass.meta;
  if (readOnly && commitDefault !== undefined) throw new Error(`Job ${id}: a read-only job has no commit, so commitDefault does not apply`);
  return { readOnly, commitDefault: readOnly ? false : (commitDefault ?? true) };
}

function checkedTimeouts(id: string, jobClass: JobClass): JobDefinition['timeouts'] {
  const timeouts = jobClass.meta.timeouts ?? {};
  for (const [name, value] of Object.entries(timeouts)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`Job ${id}: timeouts.${name} must be a whole number of seconds, at least 1`);
  }
  return { ...timeouts };
}

function checkedRetry(id: string, jobClass: JobClass): RetryPolicyDefinition {
  const retry = { ...DEFAULT_RETRY_POLICY, ...jobClass.meta.retry };
  if (!Number.isInteger(retry.maximumAttempts) || retry.maximumAttempts < 1) throw new Error(`Job ${id}: retry.maximumAttempts must be at least 1`);
  // NaN and Infinity fail every comparison below, and would make an invalid duration in the workflow: refused too.
  const finite = Number.isFinite(retry.initialIntervalSeconds) && Number.isFinite(retry.maximumIntervalSeconds);
  if (!finite || retry.initialIntervalSeconds <= 0 || retry.maximumIntervalSeconds < retry.initialIntervalSeconds) {
    throw new Error(`Job ${id}: retry intervals must be positive, the maximum no less than the initial`);
  }
  if (!Number.isFinite(retry.backoffCoefficient) || retry.backoffCoefficient < 1) throw new Error(`Job ${id}: retry.backoffCoefficient must be at least 1`);
  return retry;
}

function checkedConcurrency(id: string, jobClass: JobClass, variables: readonly NamedVariableDefinition[]): ConcurrencyRule | null {
  const rule = jobClass.meta.concurrency;
  if (!rule) return null;
  const keyVariables = [...(rule.keyVariables ?? [])];
  for (const name of keyVariables) {
    const variable = variables.find((candidate) => candidate.name === name);
    if (!variable) throw new Error(`Job ${id}: concurrency key variable ${name} is not a variable of the job`);
    // The key's value names the concurrency slot, which is not sealed.
    if (variable.sensitive) throw new Error(`Job ${id}: concurrency key variable ${name} is sensitive, and slot names are not secret`);
  }
  if (rule.mode === 'singleton') return { mode: 'singleton', keyVariables };
  if (!Number.isInteger(rule.maxRuns) || rule.maxRuns < 1) throw new Error(`Job ${id}: concurrency.maxRuns must be at least 1`);
  return { mode: 'limit', maxRuns: rule.maxRuns, keyVariables };
}
