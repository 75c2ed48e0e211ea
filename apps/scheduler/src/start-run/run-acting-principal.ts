import { Injectable } from '@nestjs/common';
import type { PrincipalAnswer, PrincipalQuery, StartRunCommand } from '@yardmaster/contracts';
import { InstanceNats, sendCommand } from '@yardmaster/messaging';
import { ScheduleRegistry } from '../schedules/schedule-registry';
import { actingFromCommand, ownerOrPauseReason, ownerRefusal, type ActingAs } from './acting-principal';

const PRINCIPAL_QUERY_TIMEOUT_MS = 5_000;

/**
 * Who a run acts as. For a schedule's run, the owner as they are now, asked of the API (which owns identity;
 * the scheduler never reads its tables). An owner who is gone or deactivated pauses the schedule with that
 * reason and refuses the run; an API that does not answer is SERVICE_UNAVAILABLE, which the firing retries.
 */
@Injectable()
export class RunActingPrincipal {
  constructor(
    private readonly nats: InstanceNats,
    private readonly schedules: ScheduleRegistry,
  ) {}

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
    await this.schedules.pauseFor(scheduleId, acting.pauseReason);
    throw ownerRefusal(scheduleId, acting.pauseReason);
  }
}
