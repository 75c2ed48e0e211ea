export * from './data-source';
export * from './store/inventory-store';
export * from './store/inventory-session';
export * from './inventory.module';
export { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './collections/list-options';
export { DEFAULT_COLOR } from './collections/named-model';
export { DEFAULT_MANAGEMENT_PORTS } from './validation/management-rule';
export { slugFromName } from './validation/slug';
export * from './credentials';
