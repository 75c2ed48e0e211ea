import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { streamNamesFor, subjectsFor, type CatalogAnnounced, type JobOverridden, type RunEvent } from '@yardmaster/contracts';
import { consumeDurable, NATS_CONNECTION } from '@yardmaster/messaging';
import { DataSource } from '@yardmaster/read-models';
import { projectCatalogEvent } from '../catalog/catalog-events.projector';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { projectRunEvent } from '../runs/run-events.projector';
import { projectScheduleEvent, type ScheduleEvent } from '../schedules/schedule-events.projector';
import { applyOnce } from './apply-once';

/** Runs one durable consumer per stream; each applies its stream's events in order, acking after commit. */
@Injectable()
export class ProjectionConsumersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionConsumersService.name);
  private readonly consumers: Array<{ stop(): Promise<void> }> = [];

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { instance } = this.config.shared;
    const streams = streamNamesFor(instance);
    const subjects = subjectsFor(instance);
    const onError = (error: unknown) => this.logger.error(`Event not applied, will retry: ${error instanceof Error ? error.message : String(error)}`);

    this.consumers.push(
      await consumeDurable<CatalogAnnounced | JobOverridden>(
        this.nc,
        { stream: streams.catalog, durableName: streams.projectionConsumer, filterSubject: subjects.catalogEvents },
        async (message) => void (await applyOnce(this.dataSource, message, projectCatalogEvent)),
        onError,
      ),
      await consumeDurable<RunEvent>(
        this.nc,
        { stream: streams.runs, durableName: streams.projectionConsumer, filterSubject: subjects.runEvents },
        async (message) => void (await applyOnce(this.dataSource, message, projectRunEvent)),
        onError,
      ),
      await consumeDurable<ScheduleEvent>(
        this.nc,
        { stream: streams.schedules, durableName: streams.projectionConsumer, filterSubject: subjects.scheduleEvents },
        async (message) => void (await applyOnce(this.dataSource, message, projectScheduleEvent)),
        onError,
      ),
    );
    this.logger.log(`Projecting ${streams.catalog}, ${streams.runs} and ${streams.schedules}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
