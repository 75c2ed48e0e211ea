import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { streamNamesFor, subjectsFor } from '@yardmaster/contracts';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { CONSUMER_DEFINITIONS, EVENT_STREAM_SUBJECTS, type ConsumerDefinition } from './consumer-definition';
import { DurableConsumers } from './durable-consumers';

/** Starts every consumer the features define (the read models', the audit's), stream by stream, in their order. */
@Injectable()
export class DurableConsumersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DurableConsumersService.name);

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @Inject(CONSUMER_DEFINITIONS) private readonly definitions: readonly ConsumerDefinition[],
    private readonly consumers: DurableConsumers,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const streams = streamNamesFor(this.config.shared.instance);
    const subjects = subjectsFor(this.config.shared.instance);
    for (const definition of this.definitions) {
      const durableName = streams[definition.durableName];
      for (const consumed of definition.streams) {
        const spec = { stream: streams[consumed.stream], durableName, filterSubject: subjects[EVENT_STREAM_SUBJECTS[consumed.stream]] };
        await consumed.follow(this.consumers, spec, this.dataSource);
      }
      this.logger.log({ streams: definition.streams.map((consumed) => streams[consumed.stream]) }, definition.purpose);
    }
  }
}
