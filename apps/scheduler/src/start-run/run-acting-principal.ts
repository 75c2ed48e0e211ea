import { Injectable } from '@nestjs/common';
import type { PrincipalAnswer, PrincipalQuery, StartRunCommand } from '@yardmaster/contracts';
import { InstanceNats, sendCommand } from '@yardmaster/messaging';
import { actingFromCommand, ownerOrPauseReason, ownerRefusal, type ActingAs } from './acting-principal';

const PRINCIPAL_QUERY_TIMEOUT_MS = 5_000;

/**
 * Who a run acts as. For a schedule's run, the owner as they are now, asked of the API (which owns identity;
 * the scheduler never reads its tables). An owner who is gone or deactivated refuses the run with a
 * `ScheduleRunRefused` naming the reason (the firing pauses the schedule with it); an API that does not answer is
 * SERVICE_UNAVAILABLE, which the firing retries.
 */
@Injectable()
export class RunActingPrincipal {
  constructor(private readonly nats: InstanceNats) {}

  async of(command: StartRunCommand): Promise<ActingAs> {
    const given = actingFromCommand(command);
    if (given) return given;
    // Only a schedule's request leaves the principal to be asked for.
    const owner = command.runAs as string;
    const scheduleId = command.scheduleId as string;
    const query: PrincipalQuery = { username: owner };
    const answer = await sendCommand<PrincipalAnswer>(this.nats.nc, this.nats.subjects.principalQuery, query, {
      timeoutMs: PRINCIPAL_QUERY_TIMEOUT_MS,
      serviceName: 'api',
    });
    const acting = ownerOrPauseReason(owner, answer);
    if ('runAs' in acting) return acting;
    throw ownerRefusal(scheduleId, acting.pauseReason);
  }
}
