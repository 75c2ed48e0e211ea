import { isSealedValue, sealingContext, type JsonObject, type NamedVariableDefinition } from '@yardmaster/contracts';
import type { SecretBox } from '@yardmaster/messaging';
import type { RunDataStage } from './prepare-job-data';
import { Redactor } from './redactor';

/**
 * The first run data stage: opens each value the scheduler sealed, so job code receives clear values. Every
 * sealed value is opened, declared sensitive here or not, since the scheduler decided from the catalog it saw.
 */
export function createSensitiveValuesStage(box: SecretBox): RunDataStage {
  return async (data, scope) => {
    const opened: Record<string, unknown> = { ...data };
    for (const [name, value] of Object.entries(data)) {
      if (!isSealedValue(value)) continue;
      try {
        opened[name] = box.open(value, sealingContext(scope.run.runId, name));
      } catch (error) {
        throw new Error(
          `Variable ${name} is sensitive and could not be opened (${(error as Error).message}); every scheduler and collector of this instance needs the same YARD_SECRETS_KEY`,
        );
      }
    }
    return opened;
  };
}

/**
 * The Redactor of one step: the values of every variable that arrived sealed or that this collector's job
 * declares sensitive, as job code received them.
 */
export function redactorForStep(runData: JsonObject, variables: readonly NamedVariableDefinition[], jobData: Readonly<Record<string, unknown>>): Redactor {
  const sensitive = new Set(variables.filter((variable) => variable.sensitive === true).map((variable) => variable.name));
  for (const [name, value] of Object.entries(runData)) if (isSealedValue(value)) sensitive.add(name);
  return new Redactor([...sensitive].map((name) => jobData[name]));
}
