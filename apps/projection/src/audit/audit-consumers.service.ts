import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { catalogEventSchema, identityEventSchema, runEventSchema, scheduleChangedSchema, streamNamesFor, subjectsFor, type Contract } from '@yardmaster/contracts';
import type { DurableConsumerSpec } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { DurableConsumers } from '../consumer/durable-consumers';
import { PROJECTION_CONFIG } from '../projection-config.token';
import type { AuditEntry } from './audit-entry';
import { recordAuditEntry } from './audit-recorder';
import { catalogAuditEntry } from './catalog-audit';
import { identityAuditEntry } from './identity-audit';
import { runAuditEntry } from './run-audit';
import { scheduleAuditEntry } from './schedule-audit';

/**
 * The audit's own durable consumers, one per stream, apart from the projection's: the audit keeps its place in
 * each stream whatever the other read models do, and an entry is acked only once stored.
 */
@Injectable()
export class AuditConsumersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditConsumersService.name);

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    private readonly consumers: DurableConsumers,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const streams = streamNamesFor(this.config.shared.instance);
    const subjects = subjectsFor(this.config.shared.instance);
    const auditConsumer = streams.auditConsumer;
    await this.follow({ stream: streams.runs, durableName: auditConsumer, filterSubject: subjects.runEvents }, runEventSchema, runAuditEntry);
    await this.follow({ stream: streams.schedules, durableName: auditConsumer, filterSubject: subjects.scheduleEvents }, scheduleChangedSchema, scheduleAuditEntry);
    await this.follow({ stream: streams.catalog, durableName: auditConsumer, filterSubject: subjects.catalogEvents }, catalogEventSchema, catalogAuditEntry);
    await this.follow({ stream: streams.identity, durableName: auditConsumer, filterSubject: subjects.identityEvents }, identityEventSchema, identityAuditEntry);
    this.logger.log({ streams: [streams.runs, streams.schedules, streams.catalog, streams.identity] }, 'Auditing');
  }

  private follow<TEvent>(spec: DurableConsumerSpec, contract: Contract<TEvent>, entryOf: (event: TEvent) => AuditEntry | null): Promise<void> {
    return this.consumers.follow<TEvent>(spec, contract, async (message) => {
      const entry = entryOf(message.event);
      if (entry) await recordAuditEntry(this.dataSource, entry);
    });
  }
}
