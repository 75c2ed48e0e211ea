import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CredentialSetStore, INVENTORY } from '@yardmaster/inventory';
import { SecretBox } from '@yardmaster/messaging';
import type { DataSource } from 'typeorm';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';

/** Credential sets on the inventory's connection, sealing with the instance's key (the same cipher as sensitive run data). */
export const CREDENTIAL_SET_STORE_PROVIDER: Provider = {
  provide: CredentialSetStore,
  useFactory: (dataSource: DataSource, config: ApiConfig) => new CredentialSetStore(dataSource, new SecretBox(config.secretsKey)),
  inject: [getDataSourceToken(INVENTORY), API_CONFIG],
};
