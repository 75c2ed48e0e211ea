import type { InventoryStore } from '@yardmaster/inventory';
import { RunDataUnavailableError, type RunDataStage } from './prepare-job-data';

/**
 * Object variables travel as ids; job code gets the records as they stand when the step starts. A record
 * deleted since the run was requested makes the run fail, naming the variable and the id.
 */
export function objectValuesStage(store: InventoryStore): RunDataStage {
  return async (data, { variables }) => {
    const resolved: Record<string, unknown> = { ...data };
    for (const variable of variables) {
      if (variable.type !== 'object' && variable.type !== 'multi_object') continue;
      const value = data[variable.name];
      if (value === undefined || value === null) continue;
      const ids = variable.type === 'object' ? [value as string] : (value as string[]);
      const { records, missing } = await store.findExisting(variable.model, ids);
      if (missing.length > 0) {
        const model = variable.model.replace('_', ' ');
        throw new RunDataUnavailableError(
          `Variable ${variable.name}: the ${model} ${missing.join(', ')} no longer exists (deleted after the run was requested), so the job did not run`,
        );
      }
      resolved[variable.name] = variable.type === 'object' ? records.get(ids[0]!) : ids.map((id) => records.get(id));
    }
    return resolved;
  };
}
