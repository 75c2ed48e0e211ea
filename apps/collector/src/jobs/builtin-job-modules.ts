import type { JobModule } from '@yardmaster/job-sdk';
import { FailOnPurpose } from './examples/fail-on-purpose.job';
import { HelloWorld } from './examples/hello-world.job';
import { InterfaceAudit } from './examples/interface-audit.job';

/** The job modules every collector hosts. */
export const BUILTIN_JOB_MODULES: readonly JobModule[] = [
  { name: 'examples', grouping: 'Examples', jobs: [HelloWorld, InterfaceAudit, FailOnPurpose] },
];
