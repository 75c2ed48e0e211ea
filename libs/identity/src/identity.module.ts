import { Module, type DynamicModule } from '@nestjs/common';
import { postgresDataModule, type PostgresTarget } from '@yardmaster/database';
import { IDENTITY_CONNECTION } from './data-source';
import { GroupDirectory } from './store/group-directory';
import { TokenAuthenticator } from './store/token-authenticator';
import { TokenIssuer } from './store/token-issuer';
import { UserDirectory } from './store/user-directory';

/** Gives a NestJS application identity's stores, on identity's own connection: `@InjectDataSource(IDENTITY)` for the rest. */
@Module({})
export class IdentityModule {
  static forRoot(target: PostgresTarget): DynamicModule {
    return postgresDataModule(IdentityModule, IDENTITY_CONNECTION, target, [TokenAuthenticator, UserDirectory, GroupDirectory, TokenIssuer]);
  }
}
