import { Injectable } from '@nestjs/common';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import type { ScheduleAction, ScheduleActionCommand, ScheduleChangeKind, ScheduleReply } from '@yardmaster/contracts';
import { ScheduleRegistry } from '../schedule-registry';
import { snapshotOf } from '../temporal-schedule';

const CHANGE_OF: Record<ScheduleAction, ScheduleChangeKind> = { pause: 'paused', resume: 'resumed', trigger: 'triggered', delete: 'deleted' };

/**
 * `schedule.action`: pause (with a reason), resume, trigger one run now, or delete. A trigger never alters
 * the schedule: its next times stay; it always adds exactly one run. Deleting leaves past runs in place.
 */
@Injectable()
export class ScheduleActionHandler {
  constructor(private readonly registry: ScheduleRegistry) {}

  async handle(command: ScheduleActionCommand): Promise<ScheduleReply> {
    const { scheduleId, meta } = command;
    const before = await this.registry.describe(scheduleId);
    const handle = await this.registry.handle(scheduleId);
    switch (command.action) {
      case 'pause':
        await this.registry.pause(scheduleId, command.reason ?? `paused by ${meta.actor}`);
        break;
      case 'resume':
        await this.registry.resume(scheduleId, command.reason ?? `resumed by ${meta.actor}`);
        break;
      case 'trigger':
        await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
        break;
      case 'delete': {
        await handle.delete();
        const snapshot = { ...snapshotOf(scheduleId, before, true), nextRunTimes: [] };
        await this.registry.publish(snapshot, meta.actor, 'deleted');
        return { snapshot, created: false, updated: true };
      }
    }
    return { snapshot: await this.registry.publishCurrent(scheduleId, meta.actor, CHANGE_OF[command.action]), created: false, updated: command.action !== 'trigger' };
  }
}
