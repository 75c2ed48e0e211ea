import type { JobModule } from '@yardmaster/job-sdk';
import { COLLECTION_JOB_MODULE } from './collection/collect-facts.job';
import { AddSwitches } from './examples/add-switches.job';
import { AllVariables } from './examples/all-variables.job';
import { ConfigSweep } from './examples/config-sweep.job';
import { Deadline } from './examples/deadline.job';
import { DeviceBackup } from './examples/device-backup.job';
import { DeviceLogin } from './examples/device-login.job';
import { FailOnPurpose } from './examples/fail-on-purpose.job';
import { FlakyDevice } from './examples/flaky-device.job';
import { HelloWorld } from './examples/hello-world.job';
import { InterfaceAudit } from './examples/interface-audit.job';
import { LogFlood } from './examples/log-flood.job';
import { SlowCount } from './examples/slow-count.job';
import { ImportDevices } from './inventory/import-devices.job';
import { NewBranch } from './inventory/new-branch.job';
import { PrimaryAddressReport } from './inventory/primary-address-report.job';
import { UploadSummary } from './examples/upload-summary.job';
import { WhoAmI } from './examples/who-am-i.job';

/** The job modules every collector hosts. */
export const BUILTIN_JOB_MODULES: readonly JobModule[] = [
  {
    name: 'examples',
    grouping: 'Examples',
    jobs: [HelloWorld, InterfaceAudit, FailOnPurpose, SlowCount, Deadline, FlakyDevice, DeviceBackup, ConfigSweep, AllVariables, UploadSummary, DeviceLogin, WhoAmI, LogFlood, AddSwitches],
  },
  {
    name: 'inventory',
    grouping: 'Inventory',
    jobs: [NewBranch, PrimaryAddressReport, ImportDevices],
  },
  COLLECTION_JOB_MODULE,
];
