import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CollectionPlanStore, INVENTORY } from '@yardmaster/inventory';
import type { DataSource } from 'typeorm';

/** Collection plans on the inventory's connection, beside the devices and credential sets they name. */
export const COLLECTION_PLAN_STORE_PROVIDER: Provider = {
  provide: CollectionPlanStore,
  useFactory: (dataSource: DataSource) => new CollectionPlanStore(dataSource),
  inject: [getDataSourceToken(INVENTORY)],
};
