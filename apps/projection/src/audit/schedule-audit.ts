import type { ScheduleChanged, ScheduleChangeKind } from '@yardmaster/contracts';
import { entryOf, isPerson, type AuditEntry } from './audit-entry';

const VERB: Record<Exclude<ScheduleChangeKind, 'unchanged'>, string> = {
  created: 'created',
  updated: 'changed',
  paused: 'paused',
  resumed: 'resumed',
  triggered: 'triggered',
  deleted: 'deleted',
};

/**
 * A schedule change a person made, as `schedule.<change>`. What the scheduler published on its own (start-up
 * sync, pausing for a disabled job) and a create that changed nothing are not actions to audit.
 */
export function scheduleAuditEntry(event: ScheduleChanged): AuditEntry | null {
  const { change, scheduleId, definition, pausedReason, state } = event.data;
  if (!isPerson(event.actor) || change === 'unchanged') return null;
  const name = `schedule ${definition.key}`;
  let summary = change ? `${VERB[change]} ${name}` : `changed ${name}`;
  if (change === 'created') summary += ` for ${definition.jobId}`;
  if (change === 'paused' && pausedReason) summary += `: ${pausedReason}`;
  return entryOf(event, {
    action: `schedule.${change ?? 'changed'}`,
    targetType: 'schedule',
    targetId: scheduleId,
    summary,
    details: { key: definition.key, jobId: definition.jobId, state, queue: definition.queue, commit: definition.commit, timing: definition.timing },
  });
}
