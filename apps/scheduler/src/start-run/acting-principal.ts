import { ErrorCode, YardError, type ActingPrincipal, type PrincipalAnswer, type StartRunCommand } from '@yardmaster/contracts';
import { ScheduleRunRefused } from './schedule-run-refused';

/** Who a run acts as and what they may do (`context.runAs`, `context.require`). */
export interface ActingAs {
  readonly runAs: string;
  readonly principal: ActingPrincipal;
}

/**
 * What a command says about who the run acts as, when it says enough: the API sends the acting principal with
 * every request; a schedule's request names only its owner (null: ask the API). A command naming neither (a
 * schedule from before owners) acts as its actor without permission checks, as runs did before `run_as`.
 */
export function actingFromCommand(command: StartRunCommand): ActingAs | null {
  if (command.actingPrincipal) return { runAs: command.runAs ?? command.actingPrincipal.username, principal: command.actingPrincipal };
  if (command.runAs !== undefined && command.scheduleId) return null;
  if (command.runAs !== undefined) throw new YardError(ErrorCode.MalformedRequest, `A run acting as ${command.runAs} must carry that user's principal`);
  return { runAs: command.meta.actor, principal: { username: command.meta.actor, isAdmin: true, grants: [] } };
}

/**
 * A schedule owner's principal as the API answered, or the reason the schedule is paused: nothing is done on
 * behalf of a user who no longer exists or has been deactivated.
 */
export function ownerOrPauseReason(owner: string, answer: PrincipalAnswer): ActingAs | { readonly pauseReason: string } {
  if (answer.status === 'active') return { runAs: owner, principal: answer.principal };
  return { pauseReason: `owner ${owner} ${answer.status === 'inactive' ? 'is deactivated' : 'no longer exists'}` };
}

/** Refuses a schedule's run for its owner; the firing pauses the schedule with `pauseReason`. */
export function ownerRefusal(scheduleId: string, pauseReason: string): ScheduleRunRefused {
  return new ScheduleRunRefused(scheduleId, pauseReason, new YardError(ErrorCode.Forbidden, `Schedule ${scheduleId} is paused: ${pauseReason}`, undefined, { scheduleId }));
}
