import type { JobDefinition } from '@yardmaster/contracts';
import { Job, type JobClass, type JobModule } from '../job';
import { describeJob } from './describe-job';

interface RegisteredJob {
  readonly definition: JobDefinition;
  readonly jobClass: JobClass;
}

/** The jobs one collector hosts, by id. Duplicate ids are a programming error and fail at start. */
export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(modules: readonly JobModule[]) {
    for (const module of modules) {
      for (const jobClass of module.jobs) {
        const definition = describeJob(module, jobClass);
        if (this.jobs.has(definition.id)) throw new Error(`Two jobs share the id ${definition.id}`);
        this.jobs.set(definition.id, { definition, jobClass });
      }
    }
  }

  definitions(): JobDefinition[] {
    return [...this.jobs.values()].map((job) => job.definition);
  }

  find(jobId: string): RegisteredJob | undefined {
    return this.jobs.get(jobId);
  }
}

/**
 * Whether `value` is a class extending `Job` (anywhere up its prototype chain), as a module of jobs exports
 * them. `Job` itself and plain functions are not.
 */
export function isJobClass(value: unknown): value is JobClass {
  return typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Job;
}
