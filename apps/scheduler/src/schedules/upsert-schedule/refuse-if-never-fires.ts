import { ErrorCode, YardError, type ScheduleDefinition } from '@yardmaster/contracts';
import type { ScheduleRegistry } from '../schedule-registry';

/**
 * A cron expression that never fires (say, 30 February) is only known once Temporal computes its next
 * times; then the change is undone and the request refused, so no silent dead schedule is left behind.
 */
export async function refuseIfNeverFires(
  registry: ScheduleRegistry,
  scheduleId: string,
  definition: ScheduleDefinition,
  undo: () => Promise<void>,
): Promise<void> {
  const description = await registry.describe(scheduleId);
  if (description.state.paused || description.info.nextActionTimes.length > 0) return;
  await undo();
  const field = definition.timing.kind === 'cron' ? 'cron' : definition.timing.kind === 'at' ? 'at' : 'endAt';
  throw new YardError(ErrorCode.ValidationFailed, `The schedule ${definition.key} would never fire`, [
    { field, message: 'never fires: no future time matches (check the expression, startAt and endAt)' },
  ]);
}
