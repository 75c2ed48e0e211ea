import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CredentialVault, INVENTORY } from '@yardmaster/inventory';
import { SecretBox } from '@yardmaster/messaging';
import type { DataSource } from 'typeorm';
import { COLLECTOR_CONFIG } from '../../collector-config.token';
import type { CollectorConfig } from '../../config';

/**
 * The collector's credential vault, on the inventory's connection, opening with the instance's secrets key. For
 * activity factories only: wrap it in `activityCredentials` so that it opens nothing outside an activity.
 */
export const CREDENTIAL_VAULT_PROVIDER: Provider = {
  provide: CredentialVault,
  useFactory: (dataSource: DataSource, config: CollectorConfig) => new CredentialVault(dataSource, new SecretBox(config.secretsKey)),
  inject: [getDataSourceToken(INVENTORY), COLLECTOR_CONFIG],
};
