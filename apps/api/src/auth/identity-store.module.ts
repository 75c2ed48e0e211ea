import { Module } from '@nestjs/common';
import { GroupDirectory, TokenAuthenticator, TokenIssuer, UserDirectory } from '@yardmaster/identity';
import { IDENTITY_DATA_SOURCE, IDENTITY_PROVIDERS } from './identity.providers';

/**
 * Identity's tables (its own DataSource) and what reads and writes them: the auth guard authenticates with it, the
 * identity feature manages users, groups and tokens with it.
 */
@Module({
  providers: [...IDENTITY_PROVIDERS],
  exports: [IDENTITY_DATA_SOURCE, TokenAuthenticator, UserDirectory, GroupDirectory, TokenIssuer],
})
export class IdentityStoreModule {}
