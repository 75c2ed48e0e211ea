import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DeviceHostKeyStore, INVENTORY } from '@yardmaster/inventory';
import { openTemplateLibrary } from '@yardmaster/textfsm';
import type { DataSource } from 'typeorm';
import { COLLECTOR_CONFIG } from '../../collector-config.token';
import type { CollectorConfig } from '../../config';
import { openedOnce, sshCliAccess } from './ssh-cli-access';

/** The token of the collector's SshCliAccess (plan runs over SSH and devices.RunCommand share it). */
export const SSH_CLI_ACCESS = Symbol('SSH_CLI_ACCESS');

export const SSH_CLI_ACCESS_PROVIDER: Provider = {
  provide: SSH_CLI_ACCESS,
  useFactory: (dataSource: DataSource, config: CollectorConfig) =>
    sshCliAccess({
      hostKeys: new DeviceHostKeyStore(dataSource),
      timeouts: config.sshTimeouts,
      templates: openedOnce(() => openTemplateLibrary(config.textfsm.userTemplates)),
    }),
  inject: [getDataSourceToken(INVENTORY), COLLECTOR_CONFIG],
};
