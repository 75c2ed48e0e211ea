import { Injectable } from '@nestjs/common';
import type { ScheduleAction, ScheduleActionCommand, ScheduleChangeKind, ScheduleReply } from '@yardmaster/contracts';
import { ScheduleRegistry } from '../schedule-registry';
import { snapshotOf } from '../temporal-schedule';

const CHANGE_OF: Record<ScheduleAction, ScheduleChangeKind> = { pause: 'paused', resume: 'resumed', trigger: 'triggered', delete: 'deleted' };
const DOING_OF: Record<ScheduleAction, string> = { pause: 'pausing', resume: 'resuming', trigger: 'triggering', delete: 'deleting' };

/**
 * `schedule.action`: pause (with a reason), resume, trigger one run now, or delete. A trigger never alters
 * the schedule: its next times stay; it always adds exactly one run. Deleting leaves past runs in place.
 */
@Injectable()
export class ScheduleActionHandler {
  constructor(private readonly registry: ScheduleRegistry) {}

  handle(command: ScheduleActionCommand): Promise<ScheduleReply> {
    return this.registry.command(`${DOING_OF[command.action]} schedule ${command.scheduleId}`, () => this.act(command));
  }

  private async act(command: ScheduleActionCommand): Promise<ScheduleReply> {
    const { scheduleId, meta } = command;
    const before = await this.registry.describe(scheduleId);
    switch (command.action) {
      case 'pause':
        await this.registry.pause(scheduleId, command.reason ?? `paused by ${meta.actor}`);
        break;
      case 'resume':
        await this.registry.resume(scheduleId, command.reason ?? `resumed by ${meta.actor}`);
        break;
      case 'trigger':
        await this.registry.trigger(scheduleId);
        break;
      case 'delete': {
        await this.registry.delete(scheduleId);
        const snapshot = { ...snapshotOf(scheduleId, before, true), nextRunTimes: [] };
        await this.registry.publish(snapshot, meta.actor, 'deleted');
        return { snapshot, created: false, updated: true };
      }
    }
    return { snapshot: await this.registry.publishCurrent(scheduleId, meta.actor, CHANGE_OF[command.action]), created: false, updated: command.action !== 'trigger' };
  }
}
