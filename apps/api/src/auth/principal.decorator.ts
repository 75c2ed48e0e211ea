import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ErrorCode, YardError, type Principal } from '@yardmaster/contracts';
import type { Request } from 'express';

/** A request the guard has authenticated. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  tokenId?: string;
}

/** The caller, as the guard authenticated them. Only on routes that are not `@Public()`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // The guard runs before any handler; a public route asking for a principal is a programming error.
  if (!principal) throw new YardError(ErrorCode.Unauthenticated, 'This request carries no valid token');
  return principal;
});

/** The id of the token the caller used (to tell "this token" apart in `/api/me/tokens`). */
export const CurrentTokenId = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().tokenId;
});
