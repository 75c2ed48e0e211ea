export { CredentialSetStore, type CredentialSetFilter, type CredentialSetChanged } from './credential-set-store';
export { CredentialVault } from './credential-vault';
export { CredentialSetUnreadableError } from './credential-set-errors';
export { credentialSetEventDataOf } from './credential-set-view';
export type { SecretSealer } from './secret-sealer';
