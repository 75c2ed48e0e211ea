import { SECRET_FIELDS, SETTING_FIELDS, type CredentialSetEventData, type CredentialSetView, type SecretState } from '@yardmaster/contracts';
import type { CredentialSetRecord } from './credential-set.record';

/** A stored set as the API answers it: settings in clear, and for each secret field only whether it is set. */
export function credentialSetViewOf(record: CredentialSetRecord): CredentialSetView {
  const settings = Object.fromEntries(SETTING_FIELDS[record.kind].map((field) => [field, record.settings[field] ?? null]));
  const secrets = Object.fromEntries(SECRET_FIELDS[record.kind].map((field): [string, SecretState] => [field, Object.hasOwn(record.secrets, field) ? 'set' : 'not_set']));
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    description: record.description,
    ...settings,
    secrets,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** What an event says of a set: the view's facts, with the secret fields that are set by name only. */
export function credentialSetEventDataOf(view: CredentialSetView, changed?: readonly string[]): CredentialSetEventData {
  const settings = Object.fromEntries(SETTING_FIELDS[view.kind].map((field) => [field, (view as unknown as Record<string, string | null>)[field] ?? null]));
  const secretsSet = Object.entries(view.secrets)
    .filter(([, state]) => state === 'set')
    .map(([field]) => field);
  return { credentialSetId: view.id, name: view.name, kind: view.kind, settings, secretsSet, ...(changed ? { changed } : {}) };
}
