import { catalogEventSchema, factsEventSchema, identityEventSchema, runEventKind, runEventSchema, scheduleChangedSchema, type Contract } from '@yardmaster/contracts';
import { consumedStream, type ConsumedStream, type ConsumerDefinition, type EventStream } from '../consumer/consumer-definition';
import type { AuditEntry } from './audit-entry';
import { recordAuditEntry } from './audit-recorder';
import { catalogAuditEntry } from './catalog-audit';
import { factsAuditEntry, isFactsEventNeverAudited } from './facts-audit';
import { identityAuditEntry } from './identity-audit';
import { runAuditEntry } from './run-audit';
import { scheduleAuditEntry } from './schedule-audit';

/**
 * A stream whose events the audit records, those that are an action someone took (`entryOf` is null for the rest).
 * `unaudited` names subjects whose events are never an action: acked unread.
 */
function audited<TEvent>(stream: EventStream, contract: Contract<TEvent>, entryOf: (event: TEvent) => AuditEntry | null, unaudited?: (subject: string) => boolean): ConsumedStream {
  return consumedStream(
    stream,
    contract,
    async (dataSource, message) => {
      const entry = entryOf(message.event);
      if (entry) await recordAuditEntry(dataSource, entry);
    },
    {
      // Most events are no action (a step, a progress report): a batch of them costs no statement at all.
      applyBatch: async (dataSource, messages) => {
        for (const { event } of messages) {
          const entry = entryOf(event);
          if (entry) await recordAuditEntry(dataSource, entry);
        }
      },
      ...(unaudited ? { ignores: unaudited } : {}),
    },
  );
}

/** Log entries and progress reports, the bulk of the runs stream, are never someone's action: not even decoded. */
const RUN_EVENTS_NEVER_AUDITED = [runEventKind('run.log'), runEventKind('run.log_batch'), runEventKind('run.progress')].map((kind) => `.${kind}`);
const isNeverAudited = (subject: string) => RUN_EVENTS_NEVER_AUDITED.some((ending) => subject.endsWith(ending));

/**
 * The audit's own consumer, apart from the projection's: the audit keeps its place in each stream whatever the
 * other read models do, and an entry is acked only once stored.
 */
export const AUDIT_CONSUMER: ConsumerDefinition = {
  durableName: 'auditConsumer',
  purpose: 'Auditing',
  streams: [
    audited('runs', runEventSchema, runAuditEntry, isNeverAudited),
    audited('schedules', scheduleChangedSchema, scheduleAuditEntry),
    audited('catalog', catalogEventSchema, catalogAuditEntry),
    audited('identity', identityEventSchema, identityAuditEntry),
    audited('facts', factsEventSchema, factsAuditEntry, isFactsEventNeverAudited),
  ],
};
