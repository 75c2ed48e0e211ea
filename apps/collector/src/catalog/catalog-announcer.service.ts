import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { newEvent, subjectsFor, SYSTEM_ACTOR_PREFIX, type CatalogAnnounced } from '@yardmaster/contracts';
import { EventPublisher } from '@yardmaster/messaging';
import { COLLECTOR_CONFIG } from '../collector-config.token';
import type { CollectorConfig } from '../config';
import { CatalogService } from './catalog.service';

/** Announces the jobs this collector hosts now: the catalog then lists them as installed, and no others. */
@Injectable()
export class CatalogAnnouncerService {
  private readonly logger = new Logger(CatalogAnnouncerService.name);

  constructor(
    @Inject(COLLECTOR_CONFIG) private readonly config: CollectorConfig,
    private readonly catalog: CatalogService,
    private readonly publisher: EventPublisher,
  ) {}

  async announce(): Promise<void> {
    const { shared, collectorId } = this.config;
    const jobs = this.catalog.current().definitions();
    const id = randomUUID();
    const event: CatalogAnnounced = newEvent({
      id,
      type: 'catalog.announced',
      occurredAt: new Date().toISOString(),
      aggregateId: 'catalog',
      sequence: 1,
      correlationId: id,
      actor: `${SYSTEM_ACTOR_PREFIX}collector`,
      data: { collectorId, jobs },
    });
    await this.publisher.publish(subjectsFor(shared.instance).catalogAnnounced, event);
    this.logger.log({ jobCount: jobs.length, jobIds: jobs.map((job) => job.id) }, 'Announced the catalog');
  }
}
