import type { JsonValue, SealedValue } from '@yardmaster/contracts';

/**
 * Seals and opens one value under the instance's secrets key: `SecretBox` of `@yardmaster/messaging` (AES-256-GCM,
 * the cipher that seals sensitive run variables). Named here as an interface so that the inventory, a data
 * library, needs no messaging code: the API and the collector pass their `SecretBox`.
 */
export interface SecretSealer {
  seal(value: JsonValue, context: string): SealedValue;
  open(sealed: SealedValue, context: string): JsonValue;
}

/**
 * Authenticated with each sealed secret, so it opens only as this set's value of this field: a ciphertext copied
 * into another set's row, or from `privKey` to `authKey`, does not open. The id, not the name: renames keep it.
 */
export function credentialSealingContext(credentialSetId: string, field: string): string {
  return `credential-set:${credentialSetId}:${field}`;
}
