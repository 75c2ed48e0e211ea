import { Module } from '@nestjs/common';
import { IdentityModule } from '../users/identity.module';
import { CREDENTIAL_SET_STORE_PROVIDER } from './credential-set-store.provider';
import { ManageCredentialsHttpController } from './manage-credentials/manage-credentials.http.controller';
import { ReadCredentialsHttpController } from './read-credentials/read-credentials.http.controller';

/**
 * Credential sets over REST (`/api/credentials`). Their changes are published as identity events (the audit
 * records them); the API seals secrets and never opens them.
 */
@Module({
  imports: [IdentityModule],
  controllers: [ReadCredentialsHttpController, ManageCredentialsHttpController],
  providers: [CREDENTIAL_SET_STORE_PROVIDER],
})
export class CredentialsModule {}
