import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rebuildCommandSchema, type RebuildCommand, type RebuildReport } from '@yardmaster/contracts';
import { InstanceNats } from '@yardmaster/messaging';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import { AUDIT_CONSUMER } from '../audit/audit.consumer';
import type { ProjectionConfig } from '../config';
import { readModelsConsumer } from '../consumer/read-models.consumer';
import { ProjectionResponder } from '../nats/projection-responder';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { rebuildReadModels } from './rebuild-read-models';

/**
 * Answers an administrator's `POST /api/read-models/rebuild`, relayed by the API: the projection owns the read
 * models, so it rebuilds them, beside its live consumers. The events replayed are not counted in its run metrics.
 */
@Injectable()
export class RebuildReadModelsResponder extends ProjectionResponder<RebuildCommand, RebuildReport> {
  private readonly log = new Logger(RebuildReadModelsResponder.name);
  protected readonly contract = rebuildCommandSchema;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
    private readonly instanceNats: InstanceNats,
  ) {
    super('rebuildReadModelsCommand', 'Read models rebuild');
  }

  protected answer(command: RebuildCommand): Promise<RebuildReport> {
    return rebuildReadModels(
      {
        nc: this.instanceNats.nc,
        instance: this.config.shared.instance,
        live: this.dataSource,
        databaseUrl: this.config.database.databaseUrl,
        consumers: [readModelsConsumer(null), AUDIT_CONSUMER],
        log: (message, fields) => this.log.log({ ...fields, correlationId: command.meta.correlationId }, message),
      },
      { model: command.model, swap: command.swap, acceptLoss: command.acceptLoss, actor: command.meta.actor, correlationId: command.meta.correlationId },
    );
  }
}
