export { CollectionPlanStore, type CollectionPlanFilter, type ScheduleSync } from './collection-plan-store';
export type { StoredCollectionPlan } from './stored-collection-plan';
