import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import type { ChangeContext } from '@yardmaster/identity';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/principal.decorator';
import { actorOf } from '../http/actor';

/** Who makes an identity change and the request's correlation id: what its event records. */
export const CurrentChange = createParamDecorator((_data: unknown, context: ExecutionContext): ChangeContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new YardError(ErrorCode.Unauthenticated, 'This request carries no valid token');
  const header = request.headers['x-correlation-id'];
  return { actor: actorOf(request.principal), correlationId: typeof header === 'string' && header !== '' ? header : randomUUID() };
});
