import type { PlanSettings } from '@yardmaster/contracts';
import type { StoredCollectionPlan } from '@yardmaster/inventory';

/** The snapshot a plan run carries (`CollectFactsRunData.plan`): what the plan says now, whatever it says later. */
export function planSettingsOf(plan: StoredCollectionPlan): PlanSettings {
  return {
    planId: plan.id,
    planName: plan.name,
    collectorTypes: plan.collectorTypes,
    filter: plan.filter,
    credentialsRef: plan.credentialsRef,
    connectionTarget: plan.connectionTarget,
    protocol: plan.protocol,
    detectOnly: plan.detectOnly,
    deviceTimeoutSeconds: plan.deviceTimeoutSeconds,
    devicesAtOnce: plan.devicesAtOnce,
    deviceRetry: plan.deviceRetry,
  };
}
