import type { InventoryModel } from '@yardmaster/contracts';
import type { InventoryAccess } from '@yardmaster/job-sdk';
import type { FilterParam } from './inventory-query';

type JsonSchema = Record<string, unknown>;

/** One model as the REST API shows it: its path, its collection, its filters and its OpenAPI schemas. */
export interface InventoryResource {
  readonly model: InventoryModel;
  /** `/api/inventory/<path>`. */
  readonly path: string;
  readonly collection: keyof InventoryAccess;
  /** For class names and operation ids: `Site`, `DeviceRole`. */
  readonly typeName: string;
  readonly noun: string;
  readonly plural: string;
  readonly filters: readonly FilterParam[];
  /** The fields a create takes (a patch takes any of them). */
  readonly inputSchema: JsonSchema;
  /** When a create or change is refused with INVENTORY_CONFLICT. */
  readonly conflict: string;
}
