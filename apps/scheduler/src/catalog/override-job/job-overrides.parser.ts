import { PRIORITY_QUEUES, type ConcurrencyRule, type FieldError, type JobDefinition, type JobOverrides } from '@yardmaster/contracts';

const FIELDS = new Set(['name', 'grouping', 'description', 'queue', 'timeouts', 'concurrency', 'enabled']);

/** Checks an administrator's overrides against the job they change; one error per bad field. */
export function parseJobOverrides(input: unknown, job: JobDefinition, customQueues: readonly string[]): { overrides: JobOverrides; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { overrides: {}, errors: [{ field: 'overrides', message: 'must be an object' }] };
  }
  const given = input as Record<string, unknown>;
  for (const field of Object.keys(given)) if (!FIELDS.has(field)) errors.push({ field, message: 'cannot be overridden' });
  for (const field of ['name', 'grouping', 'description'] as const) {
    const value = given[field];
    if (value !== undefined && (typeof value !== 'string' || value.length > 500 || (field !== 'description' && value.trim() === ''))) {
      errors.push({ field, message: field === 'description' ? 'must be a string' : 'must be a non-empty string' });
    }
  }
  const queues = [...PRIORITY_QUEUES, ...customQueues];
  if (given.queue !== undefined && (typeof given.queue !== 'string' || !queues.includes(given.queue))) {
    errors.push({ field: 'queue', message: `must be one of ${queues.join(', ')}` });
  }
  if (given.enabled !== undefined && typeof given.enabled !== 'boolean') errors.push({ field: 'enabled', message: 'must be true or false' });
  checkTimeouts(given.timeouts, errors);
  if (given.concurrency !== undefined && given.concurrency !== null) checkConcurrency(given.concurrency, job, errors);
  return { overrides: given as JobOverrides, errors };
}

function checkTimeouts(timeouts: unknown, errors: FieldError[]): void {
  if (timeouts === undefined) return;
  if (timeouts === null || typeof timeouts !== 'object' || Array.isArray(timeouts)) {
    errors.push({ field: 'timeouts', message: 'must be an object of runTimeoutSeconds and stepTimeoutSeconds' });
    return;
  }
  for (const [name, value] of Object.entries(timeouts)) {
    if (name !== 'runTimeoutSeconds' && name !== 'stepTimeoutSeconds') errors.push({ field: `timeouts.${name}`, message: 'is not a timeout' });
    else if (!Number.isInteger(value) || (value as number) < 1) errors.push({ field: `timeouts.${name}`, message: 'must be a whole number of seconds, at least 1' });
  }
}

function checkConcurrency(value: unknown, job: JobDefinition, errors: FieldError[]): void {
  const rule = value as Partial<ConcurrencyRule> & { maxRuns?: unknown };
  if (typeof value !== 'object' || Array.isArray(value) || (rule.mode !== 'singleton' && rule.mode !== 'limit')) {
    errors.push({ field: 'concurrency', message: 'must be null, { mode: "singleton" } or { mode: "limit", maxRuns }' });
    return;
  }
  if (rule.mode === 'limit' && (!Number.isInteger(rule.maxRuns) || (rule.maxRuns as number) < 1)) {
    errors.push({ field: 'concurrency.maxRuns', message: 'must be a whole number, at least 1' });
  }
  if (!Array.isArray(rule.keyVariables)) {
    errors.push({ field: 'concurrency.keyVariables', message: 'must be a list of variable names (empty for the whole job)' });
    return;
  }
  for (const name of rule.keyVariables) {
    if (!job.variables.some((variable) => variable.name === name)) errors.push({ field: 'concurrency.keyVariables', message: `${String(name)} is not a variable of the job` });
  }
}
