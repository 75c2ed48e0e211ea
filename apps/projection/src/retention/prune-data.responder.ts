import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pruneDataCommandSchema, type PruneBatchReport, type PruneDataCommand } from '@yardmaster/contracts';
import { InstanceNats } from '@yardmaster/messaging';
import { DataSource, READ_MODELS } from '@yardmaster/read-models';
import type { ProjectionConfig } from '../config';
import { ProjectionResponder } from '../nats/projection-responder';
import { PROJECTION_CONFIG } from '../projection-config.token';
import { pruneReadModels } from './prune-read-models';
import { pruneStreams } from './prune-streams';
import { retentionCutoffs } from './retention-policy';

/**
 * Answers `PruneDataCommand` for the `system.PruneData` job: the projection owns the read models and reads the
 * streams, so it is the one that deletes from them. One request prunes one batch; the job asks until done.
 */
@Injectable()
export class PruneDataResponder extends ProjectionResponder<PruneDataCommand, PruneBatchReport> {
  private readonly log = new Logger(PruneDataResponder.name);
  protected readonly contract = pruneDataCommandSchema;

  constructor(
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
    @InjectDataSource(READ_MODELS) private readonly dataSource: DataSource,
    private readonly instanceNats: InstanceNats,
  ) {
    super('pruneDataCommand', 'Data prune');
  }

  protected async answer(command: PruneDataCommand): Promise<PruneBatchReport> {
    const cutoffs = retentionCutoffs(this.config.retention, new Date());
    const shown = { runs: cutoffs.runs?.toISOString() ?? null, audit: cutoffs.audit?.toISOString() ?? null };
    if (command.target === 'streams') {
      const streams = await pruneStreams(this.instanceNats, cutoffs);
      this.log.log({ streams, correlationId: command.meta.correlationId }, 'Streams purged');
      const report = streams.map(({ stream, purged, keptBecause }) => (keptBecause ? { stream, purged, keptBecause } : { stream, purged }));
      return { cutoffs: shown, runs: 0, logEntries: 0, auditEntries: 0, appliedEvents: 0, streams: report, done: true };
    }
    const pruned = await pruneReadModels(this.dataSource, cutoffs, command.batchSize);
    return { cutoffs: shown, ...pruned, streams: [] };
  }
}
