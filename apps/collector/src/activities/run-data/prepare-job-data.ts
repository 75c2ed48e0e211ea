import type { NamedVariableDefinition, RunWorkflowInput } from '@yardmaster/contracts';

/** What one stage sees: the run, the job's variables as this collector declares them, and the step. */
export interface RunDataScope {
  readonly run: RunWorkflowInput;
  readonly variables: readonly NamedVariableDefinition[];
  readonly step: string;
}

/**
 * One step from the run data the workflow carries (ids, file references, sealed values) towards the data job
 * code receives (records, files, clear values). A stage returns a new object; it never changes its input,
 * which is the workflow's.
 */
export type RunDataStage = (data: Readonly<Record<string, unknown>>, scope: RunDataScope) => Promise<Record<string, unknown>>;

/** Runs the stages in order. A stage that throws stops the step: its message says which variable and why. */
export async function prepareJobData(stages: readonly RunDataStage[], scope: RunDataScope): Promise<Record<string, unknown>> {
  let data: Record<string, unknown> = { ...scope.run.data };
  for (const stage of stages) data = await stage(data, scope);
  return data;
}

/**
 * The run's data no longer holds, e.g. an object variable's record was deleted after the request: the run
 * fails with this message instead of running the job on data that is not there.
 */
export class RunDataUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunDataUnavailableError';
  }
}
