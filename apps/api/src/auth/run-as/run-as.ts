import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, ErrorCode, YardError, type ActingPrincipal, type Principal, type PrincipalAnswer } from '@yardmaster/contracts';
import { actingPrincipalOf, IDENTITY } from '@yardmaster/identity';
import type { DataSource } from 'typeorm';

/** Who a request acts as: the caller, or the user an administrator named in `runAs`. */
export interface Acting {
  readonly runAs: string;
  readonly principal: ActingPrincipal;
}

/** Only an administrator (the admin flag, or `users.admin`) may act as someone else. */
export function mayActAsOthers(principal: Principal): boolean {
  return principal.isAdmin || can(principal, 'users.admin');
}

/** The caller's own acting principal: what they may do, without their display name or token kind. */
export function actingSelf(principal: Principal): Acting {
  return { runAs: principal.username, principal: { username: principal.username, isAdmin: principal.isAdmin, grants: principal.grants } };
}

/** The user named in `runAs`, or a 400 on that field saying why nobody may act as them. */
export function actingFromAnswer(runAs: string, answer: PrincipalAnswer): Acting {
  if (answer.status === 'active') return { runAs, principal: answer.principal };
  const why = answer.status === 'inactive' ? 'is deactivated' : 'is not a user';
  throw new YardError(ErrorCode.ValidationFailed, `Cannot act as ${JSON.stringify(runAs)}: the user ${why}`, [{ field: 'runAs', message: why }]);
}

/**
 * Resolves `runAs` of a run or schedule request. Refused with 403 before any lookup for a non-administrator,
 * so the answer tells them nothing about which users exist.
 */
@Injectable()
export class RunAsResolver {
  constructor(@InjectDataSource(IDENTITY) private readonly identity: DataSource) {}

  async resolve(principal: Principal, runAs: string | undefined): Promise<Acting> {
    if (runAs === undefined) return actingSelf(principal);
    if (!mayActAsOthers(principal)) {
      throw new YardError(ErrorCode.Forbidden, 'run_as needs an administrator', undefined, { permission: 'users.admin' });
    }
    return actingFromAnswer(runAs, await actingPrincipalOf(this.identity, runAs));
  }
}
