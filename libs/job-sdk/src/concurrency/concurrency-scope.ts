import { createHash } from 'node:crypto';
import type { ConcurrencyRule, JsonObject } from '@yardmaster/contracts';

/**
 * The scope of a concurrency rule for one run: `<jobId>.<hash of the key variables' values>`. Runs with the
 * same scope compete for the same slots. A hash keeps arbitrary values (addresses, names) valid in a KV key.
 */
export function concurrencyScopeOf(jobId: string, rule: ConcurrencyRule, data: JsonObject): string {
  const key = rule.keyVariables.map((name) => [name, data[name] ?? null]);
  // The job id is hashed too: making it KV-safe can make two ids alike (`net.tools_X`, `net_tools.X`).
  const digest = createHash('sha256').update(JSON.stringify([jobId, key])).digest('hex').slice(0, 16);
  return `${jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.${digest}`;
}
