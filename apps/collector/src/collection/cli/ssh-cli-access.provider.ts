import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DeviceHostKeyStore, INVENTORY } from '@yardmaster/inventory';
import { createRequire } from 'node:module';
import type * as TextFsm from '@yardmaster/textfsm';
import type { DataSource } from 'typeorm';
import { COLLECTOR_CONFIG } from '../../collector-config.token';
import type { CollectorConfig } from '../../config';
import { openedOnce, sshCliAccess } from './ssh-cli-access';

/** The token of the collector's SshCliAccess (plan runs over SSH and devices.RunCommand share it). */
export const SSH_CLI_ACCESS = Symbol('SSH_CLI_ACCESS');

/** libs/textfsm, loaded at the first parse: a collector that never collects over SSH does without it (as ssh2). */
function textFsm(): typeof TextFsm {
  return createRequire(__filename)('@yardmaster/textfsm') as typeof TextFsm;
}

export const SSH_CLI_ACCESS_PROVIDER: Provider = {
  provide: SSH_CLI_ACCESS,
  useFactory: (dataSource: DataSource, config: CollectorConfig) =>
    sshCliAccess({
      hostKeys: new DeviceHostKeyStore(dataSource),
      timeouts: config.sshTimeouts,
      templates: openedOnce(() => textFsm().openTemplateLibrary(config.textfsm.userTemplates)),
      parser: openedOnce(() => textFsm().openGuardedParser(config.textfsm.userTemplates, config.textfsm.parseDeadlineMs)),
    }),
  inject: [getDataSourceToken(INVENTORY), COLLECTOR_CONFIG],
};
