import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { JobRegistry, type JobModule } from '@yardmaster/job-sdk';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { BUILTIN_JOB_MODULES } from '../jobs/builtin-job-modules';
import { SYSTEM_JOB_MODULE } from '../jobs/system/system-job-module.token';
import { DEVICES_JOB_MODULE } from '../jobs/devices/devices-job-module.token';
import { loadUserJobModules, messageOf, type FailedJobModule } from './user-job-modules';

export interface CatalogLoad {
  /** How many jobs the collector now hosts. */
  readonly jobs: number;
  readonly failedModules: readonly FailedJobModule[];
}

/**
 * The jobs this collector hosts: the built-in modules and the user's modules from JOBS_ROOT. The registry is
 * swapped whole on a reload; activities read `current()` at each call, so a reload needs no worker restart
 * (a step already running keeps the class it started with).
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);
  private registry: JobRegistry;
  private userModules: readonly JobModule[] = [];

  private readonly builtinModules: readonly JobModule[];

  constructor(
    @Inject(COLLECTOR_CONFIG) private readonly config: CollectorConfig,
    @Optional() @Inject(SYSTEM_JOB_MODULE) systemModule?: JobModule,
    @Optional() @Inject(DEVICES_JOB_MODULE) devicesModule?: JobModule,
  ) {
    // Built with the collector's connections; absent in unit tests.
    this.builtinModules = [...BUILTIN_JOB_MODULES, ...[systemModule, devicesModule].filter((module): module is JobModule => module !== undefined)];
    this.registry = new JobRegistry(this.builtinModules);
  }

  /** Loads the user's modules before the workers start, so their jobs can run as soon as the workers poll. */
  onModuleInit(): void {
    this.reload();
  }

  current(): JobRegistry {
    return this.registry;
  }

  /**
   * Reads JOBS_ROOT again. Modules that fail are reported and left out; when the folder itself cannot be read,
   * the modules loaded before are kept (a passing mount problem does not uninstall every job).
   */
  reload(): CatalogLoad {
    const { jobsRoot } = this.config;
    let failedModules: FailedJobModule[] = [];
    if (jobsRoot) {
      try {
        const loaded = loadUserJobModules(jobsRoot, { reservedNames: this.builtinModules.map((module) => module.name) });
        this.userModules = loaded.modules;
        failedModules = loaded.failures;
      } catch (error) {
        failedModules = [{ file: jobsRoot, error: `${messageOf(error)}; the modules loaded before are kept` }];
      }
      for (const failure of failedModules) this.logger.error({ file: failure.file, error: failure.error }, 'Job module was not loaded');
    }
    this.registry = new JobRegistry([...this.builtinModules, ...this.userModules]);
    const jobs = this.registry.definitions().length;
    if (jobsRoot) {
      const modules = this.userModules.map((module) => ({ name: module.name, jobCount: module.jobs.length }));
      this.logger.log({ jobsRoot, modules, failedCount: failedModules.length, jobCount: jobs }, 'Loaded job modules');
    }
    return { jobs, failedModules };
  }
}
