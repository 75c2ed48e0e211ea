import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DeviceHostKeyStore, INVENTORY } from '@yardmaster/inventory';
import type { DataSource } from 'typeorm';

/** Pinned SSH host keys on the inventory's connection. */
export const DEVICE_HOST_KEY_STORE_PROVIDER: Provider = {
  provide: DeviceHostKeyStore,
  useFactory: (dataSource: DataSource) => new DeviceHostKeyStore(dataSource),
  inject: [getDataSourceToken(INVENTORY)],
};
