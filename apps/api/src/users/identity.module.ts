import { Module } from '@nestjs/common';
import { FirstAdminService } from '../auth/first-admin.service';
import { PrincipalResponder } from '../auth/run-as/principal.responder';
import { RunAsResolver } from '../auth/run-as/run-as';
import { GroupsHttpController } from './groups.http.controller';
import { IdentityEventPublisher } from './identity-event-publisher';
import { MeHttpController } from './me.http.controller';
import { UserTokens } from './user-tokens';
import { UserTokensHttpController } from './user-tokens.http.controller';
import { UsersHttpController } from './users.http.controller';

/**
 * Identity, which the API owns: users, groups, grants and tokens over REST, the first administrator, and who a
 * user is now for the scheduler (`query.principal`). Exports `RunAsResolver` for the features that act as someone, and
 * `IdentityEventPublisher` for credential sets, whose changes are identity events too.
 */
@Module({
  controllers: [UsersHttpController, GroupsHttpController, UserTokensHttpController, MeHttpController],
  providers: [IdentityEventPublisher, UserTokens, FirstAdminService, RunAsResolver, PrincipalResponder],
  exports: [RunAsResolver, IdentityEventPublisher],
})
export class IdentityModule {}
