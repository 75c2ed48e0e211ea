import { REDACTED, sealingContext, type JsonObject } from '@yardmaster/contracts';
import type { SecretBox } from '@yardmaster/messaging';

/**
 * The workflow's copy of validated run data: each sensitive value given is sealed, so workflow input and history
 * hold only ciphertext; a collector opens it for job code.
 */
export function sealSensitiveData(box: SecretBox, runId: string, sensitive: readonly string[], data: JsonObject): JsonObject {
  return mapSensitive(sensitive, data, (name, value) => box.seal(value, sealingContext(runId, name)) as unknown as JsonObject);
}

/** What events, read models and replies show: each sensitive value given reads `********`. */
export function redactSensitiveData(sensitive: readonly string[], data: JsonObject): JsonObject {
  return mapSensitive(sensitive, data, () => REDACTED);
}

function mapSensitive(sensitive: readonly string[], data: JsonObject, replace: (name: string, value: JsonObject[string]) => JsonObject[string]): JsonObject {
  if (sensitive.length === 0) return data;
  return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, sensitive.includes(name) && value !== null ? replace(name, value) : value]));
}
