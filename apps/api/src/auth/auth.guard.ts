import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, ErrorCode, YardError } from '@yardmaster/contracts';
import { TokenAuthenticator, type AuthenticationFailure } from '@yardmaster/identity';
import { bearerTokenOf } from './bearer-token';
import { FailedAuthentications } from './failed-authentications/failed-authentications';
import type { AuthenticatedRequest } from './principal.decorator';
import { ROUTE_ACCESS, type RouteAccess } from './route-access';

const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const FAILURE_MESSAGES: Readonly<Record<AuthenticationFailure | 'missing', string>> = {
  missing: 'Send a token: Authorization: Bearer <token>',
  unknown: 'The token is not valid',
  revoked: 'The token has been revoked',
  expired: 'The token has expired',
  inactive: "The token's user is deactivated",
};

/**
 * Every request passes here (APP_GUARD): the route's declared access decides. No declaration is a refusal, so
 * a new route is closed until someone says who may use it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: TokenAuthenticator,
    private readonly failures: FailedAuthentications,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    if (!access) {
      throw new YardError(ErrorCode.Forbidden, `${context.getClass().name}.${context.getHandler().name} declares no access rule, so nobody may use it`);
    }
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const secret = bearerTokenOf(request.headers.authorization);
    if (secret === null) throw new YardError(ErrorCode.Unauthenticated, FAILURE_MESSAGES.missing);
    // The socket's address: a client cannot choose it with a header.
    const address = request.socket.remoteAddress ?? 'unknown';
    await this.failures.checkAllowed(address);
    const outcome = await this.authenticator.authenticate(secret);
    if (typeof outcome === 'string') {
      await this.failures.noteFailure(address);
      throw new YardError(ErrorCode.Unauthenticated, FAILURE_MESSAGES[outcome]);
    }
    request.principal = outcome.principal;
    request.tokenId = outcome.tokenId;

    if (outcome.principal.readOnly && !READING_METHODS.has(request.method.toUpperCase())) {
      throw new YardError(ErrorCode.Forbidden, 'This is a read-only token: it may only read');
    }
    if (access.kind === 'permission' && !can(outcome.principal, access.permission)) {
      throw new YardError(ErrorCode.Forbidden, `This needs the permission ${access.permission}`, undefined, { permission: access.permission });
    }
    return true;
  }
}
