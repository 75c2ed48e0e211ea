import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { catalogEventSchema, runEventSchema, scheduleChangedSchema, streamNamesFor, subjectsFor } from '@yardmaster/contracts';
import { DataSource } from '@yardmaster/read-models';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { projectScheduleEvent, type ScheduleEvent } from '../schedules/schedule-events.projector';
import { projectRunEventWithSchedule } from '../schedules/schedule-run-events.projector';
import { applyOnce } from './apply-once';
import { DurableConsumers } from './durable-consumers';

/** Runs one durable consumer per stream; each applies its stream's events in order, acking after commit. */
@Injectable()
export class ProjectionConsumersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProjectionConsumersService.name);

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    private readonly consumers: DurableConsumers,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { instance } = this.config.shared;
    const streams = streamNamesFor(instance);
    const subjects = subjectsFor(instance);
    const durableName = streams.projectionConsumer;

    await this.consumers.follow(
      { stream: streams.catalog, durableName, filterSubject: subjects.catalogEvents },
      catalogEventSchema,
      async (message) => void (await applyOnce(this.dataSource, message, projectCatalogEvent)),
    );
    await this.consumers.follow(
      { stream: streams.runs, durableName, filterSubject: subjects.runEvents },
      runEventSchema,
      async (message) => void (await applyOnce(this.dataSource, message, projectRunEventWithSchedule)),
    );
    await this.consumers.follow<ScheduleEvent>(
      { stream: streams.schedules, durableName, filterSubject: subjects.scheduleEvents },
      scheduleChangedSchema,
      async (message) => void (await applyOnce(this.dataSource, message, projectScheduleEvent)),
    );
    this.logger.log(`Projecting ${streams.catalog}, ${streams.runs} and ${streams.schedules}`);
  }
}
